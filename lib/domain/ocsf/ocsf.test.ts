import { describe, expect, it } from 'vitest';
import { toPublicEvent, type StoredEventFields } from '@/lib/domain/invocations/public-record';
import { eventToOcsf } from './api-activity';
import { alertToOcsf, type AlertFields } from './detection-finding';

const stored: StoredEventFields = {
  seq: 42n,
  receivedAt: new Date('2026-03-23T14:30:01.000Z'),
  eventId: 'evt-1',
  occurredAt: new Date('2026-03-23T14:30:00.000Z'),
  agentName: 'support-agent-prod-01',
  toolName: 'email-parser',
  toolVersion: '2.1.0',
  trustLevel: 'gold',
  publisher: 'verified-publisher-id',
  inputSchemaHash: 'sha256:abc',
  outputSchemaHash: 'sha256:def',
  durationMs: 342,
  inputSizeBytes: 10,
  outputSizeBytes: 20,
  permissionsUsed: ['network:none', 'filesystem:read'],
  dataClassification: 'INTERNAL',
  resultStatus: 'SUCCESS',
  approval: 'ALLOWED',
  decisionId: 'dec-1',
  prevHash: 'p'.repeat(64),
  hash: 'h'.repeat(64),
};
const event = (over: Partial<StoredEventFields> = {}) => eventToOcsf(toPublicEvent({ ...stored, ...over }));

describe('invocation event → OCSF 1.3.0 API Activity (6003)', () => {
  it('names the class, the activity, the version and the times', () => {
    expect(event()).toMatchObject({
      class_uid: 6003,
      category_uid: 6,
      activity_id: 99,
      activity_name: 'Invoke',
      type_uid: 600399,
      time: Date.parse('2026-03-23T14:30:00.000Z'),
      duration: 342,
      metadata: {
        version: '1.3.0',
        product: { name: 'ToolLedger' },
        uid: 'evt-1',
        sequence: 42,
        logged_time: Date.parse('2026-03-23T14:30:01.000Z'),
      },
      actor: { user: { name: 'support-agent-prod-01' } },
      api: { operation: 'email-parser', service: { name: 'email-parser', version: '2.1.0' } },
      unmapped: { permissions_used: ['network:none', 'filesystem:read'], hash: 'h'.repeat(64), decision_id: 'dec-1' },
    });
  });

  it.each([
    ['SUCCESS', 'ALLOWED', 1, 'Success', 1],
    ['ERROR', 'ALLOWED', 2, 'Failure', 1],
    ['TIMEOUT', 'ALLOWED', 2, 'Failure', 1],
    ['DENIED', 'DENIED', 2, 'Failure', 3],
    ['SUCCESS', 'NO_ALLOW', 1, 'Success', 3],
    ['SUCCESS', 'UNKNOWN_SUBJECT', 1, 'Success', 3],
  ] as const)('result %s, approval %s → status %i %s, severity %i', (resultStatus, approval, statusId, status, severityId) => {
    const r = event({ resultStatus, approval });
    expect([r.status_id, r.status, r.severity_id, r.status_detail]).toEqual([
      statusId,
      status,
      severityId,
      resultStatus.toLowerCase(),
    ]);
  });
});

const alert: AlertFields = {
  id: 'alert-1',
  kind: 'invocation-chain-broken',
  severity: 'CRITICAL',
  state: 'OPEN',
  title: 'Invocation event chain broken at seq 8',
  detail: { seq: '8', explanation: 'changed after it was written' },
  toolId: null,
  toolVersionId: null,
  createdAt: new Date('2026-03-23T15:00:00.000Z'),
  updatedAt: new Date('2026-03-23T16:00:00.000Z'),
};

describe('alert → OCSF 1.3.0 Detection Finding (2004)', () => {
  it('names the finding and keeps the explanation', () => {
    expect(alertToOcsf(alert)).toMatchObject({
      class_uid: 2004,
      category_uid: 2,
      activity_id: 1,
      type_uid: 200401,
      time: Date.parse('2026-03-23T15:00:00.000Z'),
      metadata: { version: '1.3.0', uid: 'alert-1' },
      finding_info: { uid: 'alert-1', title: alert.title, types: ['invocation-chain-broken'] },
      resources: [],
      unmapped: { detail: alert.detail },
    });
  });

  it.each([
    ['LOW', 2, 'Low'],
    ['MEDIUM', 3, 'Medium'],
    ['HIGH', 4, 'High'],
    ['CRITICAL', 5, 'Critical'],
  ] as const)('severity %s → %i %s', (severity, id, name) => {
    expect(alertToOcsf({ ...alert, severity })).toMatchObject({ severity_id: id, severity: name });
  });

  it.each([
    ['OPEN', 1, 'New', 200401, '2026-03-23T15:00:00.000Z'],
    ['ACKNOWLEDGED', 2, 'In Progress', 200402, '2026-03-23T16:00:00.000Z'],
    ['RESOLVED', 4, 'Resolved', 200403, '2026-03-23T16:00:00.000Z'],
  ] as const)('state %s → status %i %s, type %i', (state, statusId, status, typeUid, at) => {
    expect(alertToOcsf({ ...alert, state })).toMatchObject({
      status_id: statusId,
      status,
      type_uid: typeUid,
      time: Date.parse(at),
    });
  });

  it('a tool alert names the tool as its resource', () => {
    expect(alertToOcsf({ ...alert, toolId: 'tool-1' }).resources).toEqual([{ type: 'tool', uid: 'tool-1' }]);
  });
});
