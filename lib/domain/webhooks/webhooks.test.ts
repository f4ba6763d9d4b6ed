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
      },
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
  ] as const)('filter %j wants %s: %s', (types, type, wanted) => {
    expect(endpointWants(types, type)).toBe(wanted);
  });
});
