import { OCSF_PRODUCT, OCSF_SEVERITY_NAME, OCSF_VERSION, ocsfTime, type OcsfSeverityId } from './metadata';

/** An alert as the alert inbox holds it (what the mapper needs of it). */
export interface AlertFields {
  id: string;
  kind: string;
  severity: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
  state: 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED';
  title: string;
  detail: unknown;
  toolId: string | null;
  toolVersionId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const DETECTION_FINDING = { class_uid: 2004, class_name: 'Detection Finding', category_uid: 2, category_name: 'Findings' };

const SEVERITY: Record<AlertFields['severity'], OcsfSeverityId> = { LOW: 2, MEDIUM: 3, HIGH: 4, CRITICAL: 5 };

/** OCSF finding status: 1 New, 2 In Progress, 4 Resolved. A new alert is activity 1 Create; a later state change 2 Update, resolution 3 Close. */
const STATE: Record<
  AlertFields['state'],
  { status_id: 1 | 2 | 4; status: string; activity_id: 1 | 2 | 3; activity_name: string }
> = {
  OPEN: { status_id: 1, status: 'New', activity_id: 1, activity_name: 'Create' },
  ACKNOWLEDGED: { status_id: 2, status: 'In Progress', activity_id: 2, activity_name: 'Update' },
  RESOLVED: { status_id: 4, status: 'Resolved', activity_id: 3, activity_name: 'Close' },
};

/**
 * An alert as OCSF 1.3.0 Detection Finding (class_uid 2004, category 2 Findings): the finding
 * names the alert (uid, title, kind as its type), its severity maps one to one (LOW 2 … CRITICAL
 * 5), and the alert's own explanation stays whole under `unmapped.detail`.
 */
export function alertToOcsf(a: AlertFields) {
  const severity_id = SEVERITY[a.severity];
  const state = STATE[a.state];
  return {
    ...DETECTION_FINDING,
    activity_id: state.activity_id,
    activity_name: state.activity_name,
    type_uid: DETECTION_FINDING.class_uid * 100 + state.activity_id,
    type_name: `${DETECTION_FINDING.class_name}: ${state.activity_name}`,
    time: ocsfTime(a.state === 'OPEN' ? a.createdAt : a.updatedAt),
    severity_id,
    severity: OCSF_SEVERITY_NAME[severity_id],
    status_id: state.status_id,
    status: state.status,
    message: a.title,
    metadata: { version: OCSF_VERSION, product: OCSF_PRODUCT, uid: a.id, log_name: 'alerts' },
    finding_info: {
      uid: a.id,
      title: a.title,
      types: [a.kind],
      created_time: ocsfTime(a.createdAt),
      modified_time: ocsfTime(a.updatedAt),
      analytic: { name: a.kind, type_id: 1, type: 'Rule' },
    },
    resources: a.toolId ? [{ type: 'tool', uid: a.toolId }] : [],
    unmapped: { kind: a.kind, state: a.state.toLowerCase(), tool_version_id: a.toolVersionId, detail: a.detail },
  };
}

export type OcsfDetectionFinding = ReturnType<typeof alertToOcsf>;
