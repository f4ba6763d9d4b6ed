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
  assignee: null,
  assignedAt: null,
  notes: [],
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

  it('an alert nobody works and nobody noted has no comment, no assignee and an empty thread', () => {
    const r = alertToOcsf(alert);
    expect('comment' in JSON.parse(JSON.stringify(r))).toBe(false);
    expect(r.unmapped).toMatchObject({ assignee: null, assigned_time: null, notes: [] });
  });

  it('the assignee as an OCSF user under unmapped; the newest note as `comment`, the thread with authors and times', () => {
    const sam = { id: 'u-sam', name: 'Sam Reviewer', email: 'sam@example.com' };
    const kim = { id: 'u-kim', name: 'Kim Officer', email: 'kim@example.com' };
    const worked: AlertFields = {
      ...alert,
      assignee: sam,
      assignedAt: new Date('2026-03-23T16:00:00.000Z'),
      notes: [
        { id: 'n-1', author: kim, createdAt: new Date('2026-03-23T16:10:00.000Z'), body: 'Sam, yours' },
        { id: 'n-2', author: sam, createdAt: new Date('2026-03-23T16:30:00.000Z'), body: 'Chain re-anchored' },
      ],
    };
    const r = alertToOcsf(worked);
    expect(r).toMatchObject({
      activity_id: 1,
      comment: 'Chain re-anchored',
      finding_info: { modified_time: Date.parse('2026-03-23T16:30:00.000Z') },
      unmapped: {
        assignee: { uid: 'u-sam', name: 'Sam Reviewer', email_addr: 'sam@example.com' },
        assigned_time: Date.parse('2026-03-23T16:00:00.000Z'),
        notes: [
          {
            uid: 'n-1',
            author: { uid: 'u-kim', name: 'Kim Officer' },
            created_time: Date.parse('2026-03-23T16:10:00.000Z'),
            body: 'Sam, yours',
          },
          { uid: 'n-2', author: { uid: 'u-sam', email_addr: 'sam@example.com' }, body: 'Chain re-anchored' },
        ],
      },
    });
    // A change reported later: an Update at the change's time, whatever the state.
    const changedAt = new Date('2026-03-23T16:30:00.000Z');
    for (const state of ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const)
      expect(alertToOcsf({ ...worked, state }, changedAt)).toMatchObject({
        activity_id: 2,
        activity_name: 'Update',
        type_uid: 200402,
        time: changedAt.getTime(),
        status_id: { OPEN: 1, ACKNOWLEDGED: 2, RESOLVED: 4 }[state],
      });
  });
});
