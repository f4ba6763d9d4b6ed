import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json';
import { STAGE_DECIDERS } from '../change-requests/state-machine';
import type { ReopenTrigger } from '../exceptions/reopen-triggers';
import { DIMENSIONS, DIMENSION_LABELS, LEVEL_LABELS } from '../permissions';
import { RULE_COVERABLE } from '../policy/exceptions';
import { POLICY_RULES, type PolicySettings } from '../policy/types';
import { TIER_LABELS } from '../tiers';
import { ENVIRONMENTS, ENVIRONMENT_LABELS, type Environment } from '../types';

/**
 * The governance policy document (issue 13 point 5): the configured policies written out as the
 * policy a company adopts for its agent tools, in Markdown. Pure and deterministic: the same
 * policies, registries and alert kinds always give the same text, so the document's SHA-256
 * names its version (no "generated at" inside; the PDF and the page add that around it).
 */

export interface GovernedPolicy extends PolicySettings {
  /** Undefined while the built-in defaults are in force (no policy row yet, version 0). */
  id: string | undefined;
  version: number;
  createdAt: Date | null;
  changeNote: string;
}

export interface GovernancePolicyInput {
  instanceName: string;
  policies: Record<Environment, GovernedPolicy>;
  registries: readonly { name: string; kind: string; baseUrl: string; enabled: boolean }[];
  alertKinds: readonly { kind: string; label: string; severity: string }[];
  /** Days invocation events are kept (TOOLLEDGER_EVENTS_RETENTION_DAYS). */
  eventsRetentionDays: number;
  /**
   * The environments the document states, in the usual order (default: all). An evidence pack
   * writes one document per environment, each versioned with that environment's policy alone.
   */
  environments?: readonly Environment[];
}

export interface PolicyReference {
  environment: Environment;
  version: number;
  id: string | null;
  /** SHA-256 over the canonical JSON of the policy's settings, environment and version. */
  sha256: string;
  createdAt: Date | null;
}

export interface GovernancePolicyDocument {
  markdown: string;
  /** SHA-256 of the Markdown (UTF-8): the document's own digest, shown beside it, never inside. */
  sha256: string;
  policies: PolicyReference[];
  /** "PRODUCTION v3 · STAGING v2 · DEVELOPMENT v1": the policy versions it was generated from. */
  versionLabel: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** What sends an approved exception back to review (lib/domain/exceptions/reopen-triggers.ts). */
export const REOPEN_TRIGGER_LABELS: Record<ReopenTrigger, string> = {
  'new-version': 'a new version of the tool becomes its latest',
  'permission-rise': 'any permission dimension rises (network, filesystem, code execution, data access)',
  'tier-drop': 'the tier drops',
  'failed-verification': 'a verification fails',
};

const SETTINGS_KEYS: readonly (keyof PolicySettings)[] = [
  'minTier',
  'minTrustScore',
  'maxNetwork',
  'maxFilesystem',
  'maxCodeExecution',
  'maxDataAccess',
  'reviewOnExternalNetwork',
  'reviewOnFilesystemWrite',
  'reviewOnCodeExecution',
  'requireVersionVerification',
  'maxVerificationAgeDays',
  'logUnverified',
  'maxExceptionDays',
];

export function policyReference(environment: Environment, p: GovernedPolicy): PolicyReference {
  const settings = Object.fromEntries(SETTINGS_KEYS.map((k) => [k, p[k]]));
  return {
    environment,
    version: p.version,
    id: p.id ?? null,
    sha256: sha256(canonicalJson({ environment, version: p.version, settings })),
    createdAt: p.createdAt,
  };
}

/** Table cells may not hold a pipe or a line break; everything else is written as given. */
const cell = (v: string) => v.replace(/\|/g, '/').replace(/\s*\n\s*/g, ' ');
const table = (head: string[], rows: string[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : 'built-in defaults');
const role = (r: string) => r.toLowerCase().replaceAll('_', ' ');

export function governancePolicyMarkdown(input: GovernancePolicyInput): GovernancePolicyDocument {
  const envs = input.environments ? ENVIRONMENTS.filter((e) => input.environments!.includes(e)) : ENVIRONMENTS;
  const P = (e: Environment) => input.policies[e];
  const refs = envs.map((e) => policyReference(e, P(e)));
  const versionLabel = refs.map((r) => `${r.environment} v${r.version}`).join(' · ');
  const approved = input.registries.filter((r) => r.enabled).sort((a, b) => a.name.localeCompare(b.name));
  const disabled = input.registries.filter((r) => !r.enabled).sort((a, b) => a.name.localeCompare(b.name));
  const unwaivable = POLICY_RULES.filter((r) => !RULE_COVERABLE[r]);
  const reviewWhen = (p: GovernedPolicy) =>
    [
      p.reviewOnExternalNetwork && 'external network',
      p.reviewOnFilesystemWrite && 'filesystem write',
      p.reviewOnCodeExecution && 'any code execution',
    ].filter(Boolean) as string[];
  const alerts = [...input.alertKinds].sort((a, b) => a.kind.localeCompare(b.kind));

  const lines: string[] = [
    '# Agent tool governance policy',
    '',
    `This policy governs every agent tool (MCP server, agent plugin or tool package) installed on the agents of ${input.instanceName}. ToolLedger generated it from the policies configured there and enforces the same settings on every request an agent makes.`,
    '',
    `Document version: ${versionLabel}.`,
    '',
    '## Source policy versions',
    '',
    table(
      ['Environment', 'Version', 'Policy id', 'Settings SHA-256', 'In force since', 'Change note'],
      refs.map((r) => [
        ENVIRONMENT_LABELS[r.environment],
        String(r.version),
        r.id ?? 'defaults (no policy saved yet)',
        `\`${r.sha256}\``,
        day(r.createdAt),
        P(r.environment).changeNote || '-',
      ]),
    ),
    '',
    '## 1. Approved registries',
    '',
    approved.length
      ? 'Tools enter the inventory only from these registries; versions are verified and graded from their records.'
      : 'No registry is enabled: no tool can enter the inventory.',
    '',
    ...approved.map((r) => `- ${r.name} (${r.kind}, ${r.baseUrl})`),
    ...(disabled.length
      ? ['', `Connected but disabled (not approved for new tools): ${disabled.map((r) => r.name).join(', ')}.`]
      : []),
    '',
    '## 2. Minimum verification',
    '',
    table(
      [
        'Environment',
        'Minimum tier',
        'Minimum trust score',
        'Own verification per version',
        'Verification valid for',
        'Unverified use',
      ],
      envs.map((e) => [
        ENVIRONMENT_LABELS[e],
        P(e).minTier ? TIER_LABELS[P(e).minTier!] : 'none',
        P(e).minTrustScore === null ? 'none' : String(P(e).minTrustScore),
        P(e).requireVersionVerification ? 'required' : 'not required',
        P(e).maxVerificationAgeDays === null ? 'no limit' : `${P(e).maxVerificationAgeDays} days`,
        P(e).logUnverified ? 'allowed, every use logged' : 'subject to the rules above',
      ]),
    ),
    '',
    '## 3. Permission limits',
    '',
    'The highest level a tool version may declare in each dimension; a version above any limit fails the policy.',
    '',
    table(
      ['Environment', ...DIMENSIONS.map((d) => DIMENSION_LABELS[d])],
      envs.map((e) => [
        ENVIRONMENT_LABELS[e],
        LEVEL_LABELS.network[P(e).maxNetwork],
        LEVEL_LABELS.filesystem[P(e).maxFilesystem],
        LEVEL_LABELS.codeExecution[P(e).maxCodeExecution],
        LEVEL_LABELS.dataAccess[P(e).maxDataAccess],
      ]),
    ),
    '',
    '## 4. Review triggers',
    '',
    `Every new tool, version update, permission change and removal is a change request. It is reviewed by a ${STAGE_DECIDERS.COMPLIANCE.map(role).join(' or ')}; a manual security review by a ${STAGE_DECIDERS.SECURITY.map(role).join(' or ')} follows when the version needs:`,
    '',
    ...envs.map((e) => {
      const when = reviewWhen(P(e));
      return `- ${ENVIRONMENT_LABELS[e]}: ${when.length ? when.join(', ') : 'no manual security review trigger'}`;
    }),
    '',
    'An allowlist entry for the environment, approved by a second person, waives these triggers for requests raised by someone other than its creator.',
    '',
    'Verification is valid for one version only: a new version needs its own verification before it passes a policy that requires it. An approved exception goes back to review when:',
    '',
    ...(Object.keys(REOPEN_TRIGGER_LABELS) as ReopenTrigger[]).map((t) => `- ${REOPEN_TRIGGER_LABELS[t]}`),
    '',
    '## 5. Exception process',
    '',
    'A version that fails policy may be used only under an approved, unexpired exception whose scope (tool, version or version range, environment, rules) covers it. A request states the business justification, the compensating controls, a remediation plan and date, and an expiry.',
    '',
    table(
      ['Environment', 'Longest exception'],
      envs.map((e) => [ENVIRONMENT_LABELS[e], `${P(e).maxExceptionDays} days`]),
    ),
    '',
    '- Segregation of duties: nobody decides an exception or change request they raised; the security stage is decided by someone other than the compliance stage reviewer.',
    '- An exception lapses at its expiry; an extension is a new request that goes through approval again.',
    `- No exception can waive: ${unwaivable.join(', ')}.`,
    '',
    '## 6. Data handling',
    '',
    ...envs.map((e) => `- ${ENVIRONMENT_LABELS[e]}: tools may at most ${LEVEL_LABELS.dataAccess[P(e).maxDataAccess]} data.`),
    '- Every tool carries an owner and a data classification (public, internal, confidential, restricted).',
    `- Invocation events agents report are kept ${input.eventsRetentionDays} days, append-only and hash-chained.`,
    '- Every change anyone makes is recorded in the append-only, hash-chained audit trail, with secrets redacted.',
    '',
    '## 7. Monitoring',
    '',
    'These alerts are raised automatically and stay open until acknowledged and resolved:',
    '',
    table(
      ['Alert', 'Kind', 'Severity'],
      alerts.map((a) => [a.label, `\`${a.kind}\``, a.severity.toLowerCase()]),
    ),
    '',
    '## 8. Incident response',
    '',
    '- A version its registry quarantines or yanks fails the policy in every environment, and no exception waives it.',
    '- Agents ask ToolLedger before installing or invoking a tool; a revoked installation or a failing version is denied with its reasons, and every decision is logged.',
    '- Alerts are triaged by security reviewers and compliance officers; each acknowledgement and resolution is in the audit trail.',
    '- The audit trail and the invocation log are verified by recomputing their hash chains; a broken invocation chain raises an alert.',
    '',
  ];
  const markdown = lines.join('\n');
  return { markdown, sha256: sha256(markdown), policies: refs, versionLabel };
}
