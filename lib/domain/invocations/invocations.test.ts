import { describe, expect, it } from 'vitest';
import { invocationAlertDrafts, type Subject } from './alert-drafts';
import { approvalOf } from './approval';
import { highestUsed, parsePermissionUsed } from './permissions-used';

describe('parsePermissionUsed', () => {
  it.each([
    ['network:none', { dimension: 'network', level: 'NONE' }],
    ['filesystem:write', { dimension: 'filesystem', level: 'WRITE' }],
    ['code_execution:sandboxed', { dimension: 'codeExecution', level: 'SANDBOXED' }],
    ['data_access:read-write', { dimension: 'dataAccess', level: 'READ_WRITE' }],
    ['filesystem:delete', { error: '"filesystem:delete": filesystem level must be one of none, read, write' }],
    ['disk:read', { error: expect.stringMatching(/^"disk:read" is not dimension:level/) }],
    ['network', { error: expect.stringMatching(/is not dimension:level/) }],
    ['network:none:extra', { error: expect.stringMatching(/is not dimension:level/) }],
    ['Network:NONE', { error: expect.stringMatching(/is not dimension:level/) }],
  ])('%s', (text, expected) => expect(parsePermissionUsed(text)).toEqual(expected));
});

describe('highestUsed', () => {
  it('keeps the highest level per dimension and null for dimensions not reported', () => {
    expect(
      highestUsed([
        { dimension: 'filesystem', level: 'WRITE' },
        { dimension: 'filesystem', level: 'READ' },
        { dimension: 'network', level: 'INTERNAL' },
      ]),
    ).toEqual({ network: 'INTERNAL', filesystem: 'WRITE', codeExecution: null, dataAccess: null });
  });
});

describe('approvalOf', () => {
  it.each([
    [{ agentKnown: false, versionKnown: true, latestDecision: 'ALLOW' }, 'UNKNOWN_SUBJECT'],
    [{ agentKnown: true, versionKnown: false, latestDecision: null }, 'UNKNOWN_SUBJECT'],
    [{ agentKnown: true, versionKnown: true, latestDecision: 'ALLOW' }, 'ALLOWED'],
    [{ agentKnown: true, versionKnown: true, latestDecision: 'DENY' }, 'DENIED'],
    [{ agentKnown: true, versionKnown: true, latestDecision: null }, 'NO_ALLOW'],
  ] as const)('%o → %s', (facts, expected) => expect(approvalOf(facts)).toBe(expected));
});

describe('invocationAlertDrafts', () => {
  const use = (subject: Partial<Subject>) => ({
    agent: 'a',
    tool: 't',
    version: '1',
    firstSeq: 7n,
    eventId: 'e',
    events: 2,
    subject: { agentId: 'ag', toolId: 'to', toolVersionId: 'tv', unknown: null, decision: null, ...subject },
  });
  it.each([
    [{ unknown: 'tool "t" is not in the inventory' }, 'invocation-unknown-subject', 'MEDIUM', 'invocation-unknown-subject:a:t:1'],
    [
      { decision: { id: 'd1', outcome: 'DENY' as const } },
      'invocation-unapproved-use',
      'CRITICAL',
      'invocation-unapproved-use:a:t:1:d1',
    ],
    [{}, 'invocation-unapproved-use', 'HIGH', 'invocation-unapproved-use:a:t:1:none'],
  ])('%o raises %s (%s), keyed %s', (subject, kind, severity, dedupeKey) => {
    expect(invocationAlertDrafts([use(subject)])).toEqual([expect.objectContaining({ kind, severity, dedupeKey })]);
  });
  it('raises nothing for an allowed use', () => {
    expect(invocationAlertDrafts([use({ decision: { id: 'd2', outcome: 'ALLOW' } })])).toEqual([]);
  });
});
