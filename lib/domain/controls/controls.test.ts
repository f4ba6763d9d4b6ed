import { describe, expect, it } from 'vitest';
import tsc from './__fixtures__/tsc2017-ids.json';
import {
  CONTROLS,
  EVIDENCE_KINDS,
  controlsForFile,
  emptyControlFacts,
  evaluateControl,
  evaluateControls,
  evidenceKind,
  stateOf,
  summarizeControlStates,
  type ControlFacts,
  type EvidenceKind,
} from './index';

const NOW = new Date('2026-06-30T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const byId = (id: string) => CONTROLS.find((c) => c.id === id)!;

/** A healthy instance: every kept kind has a fresh record, nothing wrong. */
function healthy(over: Partial<ControlFacts> = {}): ControlFacts {
  const evidence: ControlFacts['evidence'] = {};
  for (const k of EVIDENCE_KINDS) if (k.kept) evidence[k.kind] = { count: 3, latestAt: daysAgo(1) };
  return {
    ...emptyControlFacts(NOW),
    evidence,
    auditChain: { intact: true, problems: [] },
    latestCheckpointAt: daysAgo(0),
    toolsInUse: 10,
    activeAdmins: 1,
    ...over,
  };
}

const withKinds = (kinds: EvidenceKind[]) =>
  Object.fromEntries(kinds.map((k) => [k, { count: 1, latestAt: daysAgo(1) }])) as ControlFacts['evidence'];

describe('controls map (data)', () => {
  it('covers the criteria the issue puts in scope, with ids and series as in the TSC', () => {
    const ids = CONTROLS.map((c) => c.id);
    for (const id of ['CC6.1', 'CC6.2', 'CC6.3', 'CC6.6', 'CC6.8', 'CC7.1', 'CC7.2', 'CC8.1', 'CC9.1', 'CC9.2', 'C1.1']) {
      expect(ids).toContain(id);
    }
    expect(ids.some((id) => id.startsWith('P'))).toBe(true);
    // Incident response (issue 14.6).
    for (const id of ['CC7.3', 'CC7.4', 'CC7.5']) expect(ids).toContain(id);
    for (const c of CONTROLS) {
      const ref = tsc.criteria.find((t) => t.id === c.id);
      expect(ref, c.id).toBeDefined();
      expect(c.category).toBe(ref!.category);
      expect(c.series).toBe(ref!.series);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists the criteria in TSC order', () => {
    const order = tsc.criteria.map((t) => t.id);
    const positions = CONTROLS.map((c) => order.indexOf(c.id));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('backs every criterion with evidence kinds that have files under evidence/', () => {
    for (const c of CONTROLS) {
      expect(c.evidence.length, c.id).toBeGreaterThan(0);
      expect(c.summary.length).toBeGreaterThan(10);
      expect(c.evidencedBy.length).toBeGreaterThan(10);
      for (const k of c.evidence) expect(evidenceKind(k).files.every((f) => f.startsWith('evidence/'))).toBe(true);
    }
  });

  it('maps a file back to the criteria it backs', () => {
    expect(controlsForFile('evidence/audit-chain-check.json')).toEqual(['CC7.2']);
    expect(controlsForFile('evidence/approvals.csv')).toEqual(['CC6.3', 'CC8.1']);
    expect(controlsForFile('evidence/nothing.csv')).toEqual([]);
  });
});

describe('stateOf', () => {
  it.each([
    [[], 'ok'],
    [[{ state: 'stale', reason: 'x' }], 'stale'],
    [[{ state: 'gap', reason: 'x' }], 'gap'],
    [
      [
        { state: 'stale', reason: 'x' },
        { state: 'gap', reason: 'y' },
      ],
      'gap',
    ],
  ] as const)('%j → %s', (findings, state) => {
    expect(stateOf(findings)).toBe(state);
  });
});

describe('evaluateControls', () => {
  it('is ok for a healthy instance', () => {
    const states = Object.fromEntries(evaluateControls(healthy()).map((e) => [e.control.id, e.state]));
    expect(states).toEqual({
      'CC2.1': 'ok',
      'CC5.3': 'ok',
      'CC6.1': 'ok',
      'CC6.2': 'ok',
      'CC6.3': 'ok',
      'CC6.6': 'ok',
      'CC6.8': 'ok',
      'CC7.1': 'ok',
      'CC7.2': 'ok',
      'CC7.3': 'ok',
      'CC7.4': 'ok',
      'CC7.5': 'ok',
      'CC8.1': 'ok',
      'CC9.1': 'ok',
      'CC9.2': 'ok',
    });
  });

  it('brings C1.1 into scope with confidential data, and the P-series with personal data', () => {
    const ids = (f: ControlFacts) => evaluateControls(f).map((e) => e.control.id);
    expect(ids(healthy())).not.toContain('C1.1');
    expect(ids(healthy({ confidentialDataToolsInUse: 2 }))).toContain('C1.1');
    expect(ids(healthy()).filter((id) => id.startsWith('P'))).toEqual([]);
    expect(ids(healthy({ personalDataFlows: true })).filter((id) => id.startsWith('P'))).toEqual(['P4.1', 'P6.1', 'P6.4']);
  });

  it('turns ok once the missing record kinds are kept', () => {
    const all = withKinds(EVIDENCE_KINDS.map((k) => k.kind));
    const evaluations = evaluateControls(healthy({ evidence: all, confidentialDataToolsInUse: 1, personalDataFlows: true }));
    expect(evaluations.every((e) => e.state === 'ok')).toBe(true);
  });

  it('names the records behind each control, null for a kind not kept', () => {
    const e = evaluateControl(byId('CC9.2'), healthy());
    expect(e.evidence.map((x) => [x.kind, x.records?.count ?? null])).toEqual([
      ['inventory', 3],
      ['verification-records', 3],
      ['risk-assessments', 3],
      ['subprocessors', 3],
    ]);
    expect(e.findings).toEqual([]);
  });

  it('counts states', () => {
    expect(summarizeControlStates(evaluateControls(healthy()))).toEqual({ ok: 15, gap: 0, stale: 0 });
    expect(summarizeControlStates(evaluateControls(healthy({ activeAdmins: 0 })))).toEqual({ ok: 14, gap: 1, stale: 0 });
  });
});

describe('control rules', () => {
  const state = (id: string, over: Partial<ControlFacts>) => evaluateControl(byId(id), healthy(over)).state;
  const fresh = (latest: Date | null, count = 1) => ({ count, latestAt: latest });
  const base = healthy().evidence;

  it.each<[string, Partial<ControlFacts>, string]>([
    ['CC2.1', { evidence: { ...base, 'compliance-report': undefined } }, 'gap'],
    ['CC5.3', { environmentsWithoutPolicy: 1 }, 'gap'],
    ['CC5.3', { evidence: { ...base, 'governance-policy': undefined } }, 'gap'],
    ['CC6.1', { environmentsWithoutPolicy: 1 }, 'gap'],
    ['CC6.2', { evidence: { ...base, 'sign-in-events': undefined } }, 'gap'],
    ['CC6.3', { selfApprovals: 1 }, 'gap'],
    ['CC6.3', { activeAdmins: 0 }, 'gap'],
    ['CC6.6', { evidence: { ...base, 'enforcement-decisions': fresh(null, 0) } }, 'gap'],
    ['CC6.6', { evidence: { ...base, 'enforcement-decisions': fresh(null, 0) }, toolsInUse: 0 }, 'ok'],
    ['CC6.6', { evidence: { ...base, 'enforcement-decisions': fresh(daysAgo(7)) } }, 'ok'],
    ['CC6.6', { evidence: { ...base, 'enforcement-decisions': fresh(daysAgo(8)) } }, 'stale'],
    ['CC6.8', { toolsInUseUnverified: 2 }, 'gap'],
    ['CC6.8', { toolsInUseStale: 1 }, 'stale'],
    ['CC6.8', { toolsInUseStale: 1, toolsInUseUnverified: 1 }, 'gap'],
    ['CC6.8', { evidence: { ...base, 'verification-records': fresh(daysAgo(31)) } }, 'stale'],
    ['CC7.1', { evidence: { ...base, 'sync-runs': fresh(daysAgo(8)) } }, 'stale'],
    ['CC7.1', { evidence: { ...base, 'sync-runs': fresh(null, 0) } }, 'gap'],
    ['CC7.2', { overdueSevereAlerts: 1 }, 'gap'],
    ['CC7.2', { auditChain: { intact: false, problems: ['seq 4 hash differs'] } }, 'gap'],
    ['CC7.2', { auditChain: null }, 'stale'],
    ['CC7.2', { latestCheckpointAt: daysAgo(3) }, 'stale'],
    ['CC7.2', { latestCheckpointAt: null }, 'stale'],
    ['CC7.3', { evidence: { ...base, incidents: undefined } }, 'gap'],
    ['CC7.4', { evidence: { ...base, incidents: undefined } }, 'gap'],
    ['CC7.5', { evidence: { ...base, incidents: undefined } }, 'gap'],
    ['CC8.1', { unapprovedInstallations: 3 }, 'gap'],
    ['CC9.1', { evidence: { ...base, 'risk-assessments': fresh(daysAgo(1)) } }, 'ok'],
    ['CC9.1', { evidence: { ...base, 'risk-assessments': fresh(daysAgo(1)) }, overdueExceptions: 1 }, 'gap'],
  ])('%s with %j → %s', (id, over, expected) => {
    expect(state(id, over)).toBe(expected);
  });

  it('explains findings in words', () => {
    const e = evaluateControl(byId('CC6.8'), healthy({ toolsInUseUnverified: 1 }));
    expect(e.findings[0]!.reason).toBe('1 tool in use without a passing verification.');
    const s = evaluateControl(byId('CC7.1'), healthy({ evidence: { ...base, 'sync-runs': fresh(daysAgo(9)) } }));
    expect(s.findings[0]!.reason).toBe('Registry sync runs: the newest is 9 days old (limit 7).');
  });
});
