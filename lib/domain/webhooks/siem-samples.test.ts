import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AlertFields } from '@/lib/domain/ocsf/detection-finding';
import { alertWebhookBody } from './webhook-payload';

// docs/siem's alert samples are what the mappers send for these alerts: a change to the payload
// shows here first, and the documentation cannot drift from the code.
const raisedAt = new Date('2026-03-23T14:30:01.150Z');
const raised: AlertFields = {
  id: 'cmx1alert0001',
  kind: 'invocation-unapproved-use',
  severity: 'HIGH',
  state: 'OPEN',
  title: 'support-agent-prod-01 used shell-runner 0.4.2 after a deny',
  detail: {
    agent: 'support-agent-prod-01',
    tool: 'shell-runner',
    version: '0.4.2',
    decisionId: 'cmx1decision0002',
    explanation: 'the latest enforcement decision for this agent, tool and version denied it, and the agent ran it anyway',
  },
  toolId: 'cmx1tool0002',
  toolVersionId: 'cmx1version0007',
  createdAt: raisedAt,
  updatedAt: raisedAt,
  assignee: null,
  assignedAt: null,
  notes: [],
};

// The same alert a quarter of an hour later: a reviewer took it (and acknowledged it), then noted it.
const sam = { id: 'cmx1user0004', name: 'Sam Reviewer', email: 'sam.reviewer@example.com' };
const assignedAt = new Date('2026-03-23T14:41:09.000Z');
const notedAt = new Date('2026-03-23T14:46:30.000Z');
const noted: AlertFields = {
  ...raised,
  state: 'ACKNOWLEDGED',
  updatedAt: assignedAt,
  assignee: sam,
  assignedAt,
  notes: [
    {
      id: 'cmx1note0001',
      author: sam,
      createdAt: notedAt,
      body: "Revoked the agent's key and asked the support team why it retried shell-runner after the deny.",
    },
  ],
};

const sample = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../docs/siem/${file}`, import.meta.url), 'utf8'));

describe('docs/siem alert samples', () => {
  it.each([
    ['sample-alert.standard.json', () => alertWebhookBody(raised, 'STANDARD', raisedAt)],
    ['sample-alert.ocsf.json', () => alertWebhookBody(raised, 'OCSF', raisedAt)],
    ['sample-alert-noted.standard.json', () => alertWebhookBody(noted, 'STANDARD', notedAt, 'alert.noted')],
    ['sample-alert-noted.ocsf.json', () => alertWebhookBody(noted, 'OCSF', notedAt, 'alert.noted')],
  ])('%s is what the endpoint receives', (file, body) => {
    expect(sample(file)).toEqual(JSON.parse(body()));
  });
});
