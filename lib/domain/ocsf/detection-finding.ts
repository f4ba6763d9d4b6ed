import { OCSF_PRODUCT, OCSF_SEVERITY_NAME, OCSF_VERSION, ocsfTime, type OcsfSeverityId } from './metadata';

/** A person named on an alert: the account id, the display name (or the email) and the email. */
export interface AlertPerson {
  id: string;
  name: string;
  /** Null only if the account is gone (accounts are deactivated, not deleted). */
  email: string | null;
}

/** One note on an alert's thread (append-only). */
export interface AlertNoteFields {
  id: string;
  author: AlertPerson;
  createdAt: Date;
  body: string;
}

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
  /** Who works the alert, and since when (issue 11.5); null when nobody does. */
  assignee: AlertPerson | null;
  assignedAt: Date | null;
  /** The thread, oldest first. */
  notes: readonly AlertNoteFields[];
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
const UPDATE = { activity_id: 2, activity_name: 'Update' } as const;

/** A person in the shape of OCSF's `user` object (uid, name, email_addr). */
const ocsfUser = (p: AlertPerson) => ({ uid: p.id, name: p.name, email_addr: p.email });

/**
 * An alert as OCSF 1.3.0 Detection Finding (class_uid 2004, category 2 Findings): the finding
 * names the alert (uid, title, kind as its type), its severity maps one to one (LOW 2 … CRITICAL
 * 5), and the alert's own explanation stays whole under `unmapped.detail`.
 *
 * Notes and assignee (issue 11.5), added without changing any attribute above:
 * - `comment`, the Finding attribute OCSF 1.3.0 has for "a user provided comment about the
 *   finding" (one string), holds the newest note's text; the whole thread, each note with its
 *   author and time, is `unmapped.notes`.
 * - Detection Finding 1.3.0 has no assignee attribute (Incident Finding 2005 has `assignee`; from
 *   OCSF 1.4.0 the `incident` profile adds it to every finding). Moving to 1.4.0 would change
 *   `metadata.version` under every receiver's parser, so the assignee is `unmapped.assignee`,
 *   already in the shape of OCSF's `user` object (uid, name, email_addr), as is each note's author.
 *
 * `changedAt`: the record reports a change made to the alert after it was raised (an assignment,
 * a note), so the activity is 2 Update at that time, whatever the alert's state.
 */
export function alertToOcsf(a: AlertFields, changedAt?: Date) {
  const severity_id = SEVERITY[a.severity];
  const { activity_id, activity_name, ...status } = STATE[a.state];
  const activity = changedAt ? UPDATE : { activity_id, activity_name };
  const newestNote = a.notes.at(-1);
  const modified = Math.max(ocsfTime(a.updatedAt), ...a.notes.map((n) => ocsfTime(n.createdAt)));
  return {
    ...DETECTION_FINDING,
    ...activity,
    type_uid: DETECTION_FINDING.class_uid * 100 + activity.activity_id,
    type_name: `${DETECTION_FINDING.class_name}: ${activity.activity_name}`,
    time: ocsfTime(changedAt ?? (a.state === 'OPEN' ? a.createdAt : a.updatedAt)),
    severity_id,
    severity: OCSF_SEVERITY_NAME[severity_id],
    ...status,
    message: a.title,
    // Left out (undefined) while the thread is empty.
    comment: newestNote?.body,
    metadata: { version: OCSF_VERSION, product: OCSF_PRODUCT, uid: a.id, log_name: 'alerts' },
    finding_info: {
      uid: a.id,
      title: a.title,
      types: [a.kind],
      created_time: ocsfTime(a.createdAt),
      modified_time: modified,
      analytic: { name: a.kind, type_id: 1, type: 'Rule' },
    },
    resources: a.toolId ? [{ type: 'tool', uid: a.toolId }] : [],
    unmapped: {
      kind: a.kind,
      state: a.state.toLowerCase(),
      tool_version_id: a.toolVersionId,
      detail: a.detail,
      assignee: a.assignee ? ocsfUser(a.assignee) : null,
      assigned_time: a.assignedAt ? ocsfTime(a.assignedAt) : null,
      notes: a.notes.map((n) => ({ uid: n.id, author: ocsfUser(n.author), created_time: ocsfTime(n.createdAt), body: n.body })),
    },
  };
}

export type OcsfDetectionFinding = ReturnType<typeof alertToOcsf>;
