import type { ControlEvaluation } from '@/lib/domain/controls';

/**
 * The pack's control matrix as an OSCAL 1.1.3 assessment-results document. OSCAL wants control
 * ids that start with a lower-case letter (cc6.1), UUIDs v4 (passed in, so this stays pure),
 * no empty arrays and nothing outside its keys (ToolLedger's extras go in props).
 */
export interface OscalInput {
  generatedAt: string;
  period: { from: string; to: string };
  /** ISO instants of the period's start and exclusive end. */
  start: string;
  end: string;
  packId: string;
  evaluations: readonly ControlEvaluation[];
  /** Fresh UUIDs: one for the document, one for the result, one per evaluation. */
  uuid: () => string;
}

const NS = 'https://toolledger.dev/ns/oscal';

export const oscalControlId = (id: string) => id.toLowerCase();

export function buildOscalAssessmentResults(input: OscalInput) {
  const { evaluations, uuid } = input;
  const findings = evaluations.map((e) => ({
    uuid: uuid(),
    title: `${e.control.id}: ${e.control.summary}`,
    description: e.findings.length
      ? e.findings.map((f) => `${f.state}: ${f.reason}`).join('\n')
      : `Evidenced: ${e.control.evidencedBy}`,
    props: [
      { name: 'live-state', ns: NS, value: e.state },
      ...e.evidence.flatMap((k) => k.files.map((file) => ({ name: 'evidence-file', ns: NS, value: file }))),
    ],
    target: {
      type: 'objective-id',
      'target-id': `${oscalControlId(e.control.id)}_obj`,
      status: { state: e.state === 'ok' ? 'satisfied' : 'not-satisfied', ...(e.state === 'ok' ? {} : { reason: e.state }) },
    },
  }));
  const results = {
    uuid: uuid(),
    title: `ToolLedger evidence for ${input.period.from} to ${input.period.to}`,
    description: 'Live state of each SOC 2 criterion in scope, computed by ToolLedger from the records in this evidence pack.',
    start: input.start,
    end: input.end,
    props: [{ name: 'evidence-pack-id', ns: NS, value: input.packId }],
    'reviewed-controls': {
      'control-selections': [
        evaluations.length
          ? { 'include-controls': evaluations.map((e) => ({ 'control-id': oscalControlId(e.control.id) })) }
          : { 'include-all': {} },
      ],
    },
    ...(findings.length ? { findings } : {}),
  };
  return {
    'assessment-results': {
      uuid: uuid(),
      metadata: {
        title: `ToolLedger SOC 2 evidence pack ${input.packId}`,
        'last-modified': input.generatedAt,
        version: '1',
        'oscal-version': '1.1.3',
      },
      'import-ap': { href: '#toolledger-evidence-pack' },
      results: [results],
    },
  };
}
