import { describe, expect, it } from 'vitest';
import { alertWebhookBody, endpointWants, testWebhookBody } from './webhook-payload';
import { isDelivered, MAX_ATTEMPTS, nextAttemptAt } from './retry-schedule';

const now = new Date('2026-12-01T10:00:00.000Z');

describe('webhook retry schedule', () => {
  it.each([
    [1, 5_000],
    [2, 300_000],
    [3, 1_800_000],
    [4, 7_200_000],
    [5, 18_000_000],
    [6, 36_000_000],
    [7, 36_000_000],
  ])('after %i failed attempt(s) waits %i ms', (attempts, delay) => {
    expect(nextAttemptAt(attempts, now)?.getTime()).toBe(now.getTime() + delay);
  });

  it('gives up after the last attempt', () => {
    expect(MAX_ATTEMPTS).toBe(8);
    expect(nextAttemptAt(MAX_ATTEMPTS, now)).toBeNull();
  });

  it.each([
    [200, true],
    [204, true],
    [299, true],
    [301, false],
    [410, false],
    [500, false],
    [null, false],
  ])('status %s delivered: %s', (status, delivered) => {
    expect(isDelivered(status)).toBe(delivered);
  });
});

describe('webhook messages', () => {
  const alert = {
    id: 'a1',
    kind: 'invocation-unapproved-use',
    severity: 'HIGH' as const,
    state: 'OPEN' as const,
    title: 'Unapproved use',
    detail: { explanation: 'no allow decision' },
    toolId: 't1',
    toolVersionId: null,
    createdAt: now,
    updatedAt: now,
    assignee: null,
    assignedAt: null,
    notes: [],
  };
  const later = new Date('2026-12-01T10:20:00.000Z');
  const sam = { id: 'u1', name: 'Sam Reviewer', email: 'sam@example.com' };
  const worked = {
    ...alert,
    assignee: sam,
    assignedAt: new Date('2026-12-01T10:05:00.000Z'),
    notes: [{ id: 'n1', author: sam, createdAt: later, body: 'Key rotated' }],
  };

  it('STANDARD wraps the alert in { type, timestamp, data }', () => {
    expect(JSON.parse(alertWebhookBody(alert, 'STANDARD', now))).toEqual({
      type: 'alert.invocation-unapproved-use',
      timestamp: '2026-12-01T10:00:00.000Z',
      data: {
        id: 'a1',
        kind: 'invocation-unapproved-use',
        severity: 'HIGH',
        state: 'OPEN',
        title: 'Unapproved use',
        detail: { explanation: 'no allow decision' },
        tool_id: 't1',
        tool_version_id: null,
        created_at: '2026-12-01T10:00:00.000Z',
        assignee: null,
        assigned_at: null,
        notes: [],
      },
    });
  });

  it('a change is its own event type and carries the assignee and the whole thread, every earlier field unchanged', () => {
    const raised = JSON.parse(alertWebhookBody(alert, 'STANDARD', now));
    const noted = JSON.parse(alertWebhookBody(worked, 'STANDARD', later, 'alert.noted'));
    expect(noted).toEqual({
      type: 'alert.noted',
      timestamp: '2026-12-01T10:20:00.000Z',
      data: {
        ...raised.data,
        assignee: { id: 'u1', name: 'Sam Reviewer', email: 'sam@example.com' },
        assigned_at: '2026-12-01T10:05:00.000Z',
        notes: [
          {
            id: 'n1',
            author: { id: 'u1', name: 'Sam Reviewer', email: 'sam@example.com' },
            created_at: '2026-12-01T10:20:00.000Z',
            body: 'Key rotated',
          },
        ],
      },
    });
    expect(JSON.parse(alertWebhookBody({ ...alert, assignee: sam }, 'STANDARD', later, 'alert.assigned'))).toMatchObject({
      type: 'alert.assigned',
      data: { id: 'a1', kind: 'invocation-unapproved-use', assignee: sam },
    });
  });

  it('OCSF reports a change as activity 2 Update at its time, with the note as comment and the assignee under unmapped', () => {
    expect(JSON.parse(alertWebhookBody(worked, 'OCSF', later, 'alert.noted'))).toMatchObject({
      class_uid: 2004,
      activity_id: 2,
      type_uid: 200402,
      time: later.getTime(),
      comment: 'Key rotated',
      unmapped: { assignee: { uid: 'u1', name: 'Sam Reviewer', email_addr: 'sam@example.com' } },
    });
  });

  it('OCSF sends the Detection Finding itself', () => {
    expect(JSON.parse(alertWebhookBody(alert, 'OCSF', now))).toMatchObject({ class_uid: 2004, severity_id: 4 });
    expect(JSON.parse(testWebhookBody('e1', now))).toMatchObject({ type: 'webhook.test', data: { endpoint_id: 'e1' } });
  });

  it.each([
    [[], 'alert.digest-changed', true],
    [['alert.digest-changed'], 'alert.digest-changed', true],
    [['alert.digest-changed'], 'alert.invocation-unapproved-use', false],
    [['alert.digest-changed'], 'webhook.test', true],
    [[], 'alert.noted', true],
    [['alert.noted'], 'alert.noted', true],
    [['alert.digest-changed'], 'alert.noted', false],
    [['alert.noted'], 'alert.assigned', false],
  ] as const)('filter %j wants %s: %s', (types, type, wanted) => {
    expect(endpointWants(types, type)).toBe(wanted);
  });
});
