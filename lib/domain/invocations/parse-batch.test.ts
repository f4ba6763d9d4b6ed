import { describe, expect, it } from 'vitest';
import { parseEventBatch, parseEventBatchInSteps, type BatchRules } from './parse-batch';

const NOW = new Date('2026-12-03T12:00:00.000Z');
const rules: BatchRules = { now: NOW, retentionDays: 30, boundAgentName: null };

const line = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    timestamp: '2026-12-03T11:59:00.000Z',
    agent_id: 'support-agent-prod-01',
    tool_name: 'email-parser',
    tool_version: '2.1.0',
    execution_duration_ms: 342,
    permissions_used: ['network:none', 'filesystem:read'],
    data_classification: 'internal',
    result_status: 'success',
    ...over,
  });

// Good lines, blank lines, a CRLF line, bad JSON, a wrong type and an event from the future, so
// that every kind of outcome falls on both sides of a step boundary.
const body = [
  line({ event_id: 'a' }),
  '',
  `${line({ event_id: 'b' })}\r`,
  '{not json',
  line({ execution_duration_ms: 'slow' }),
  '   ',
  line({ timestamp: '2026-12-03T13:00:00.000Z' }),
  line({ event_id: 'c' }),
  '[1]',
  line({ event_id: 'd' }),
].join('\n');

function run(linesPerStep: number) {
  const steps = parseEventBatchInSteps(body, false, rules, linesPerStep);
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { result: step.value, pauses };
    pauses++;
  }
}

describe('parseEventBatchInSteps', () => {
  it('gives the result of parseEventBatch whatever the step, pausing once between steps', () => {
    const whole = parseEventBatch(body, false, rules);
    expect(whole.lines).toBe(8);
    expect(whole.valid.map((v) => [v.line, v.event.eventId])).toEqual([
      [1, 'a'],
      [3, 'b'],
      [8, 'c'],
      [10, 'd'],
    ]);
    expect(whole.rejected.map((r) => r.line)).toEqual([4, 5, 7, 9]);
    for (const size of [1, 2, 3, 7, 10, 500]) {
      const { result, pauses } = run(size);
      expect(result).toEqual(whole);
      expect(pauses).toBe(Math.ceil(10 / size) - 1);
    }
  });
});
