import { CONTROL_STATE_LABELS, type ControlEvaluation } from '@/lib/domain/controls';
import { formatFingerprint } from './signing';

export interface PackReadmeInput {
  packId: string;
  period: { from: string; to: string };
  scope: { environments: string[]; toolIds: string[] };
  generatedAt: string;
  keyId: string;
  fingerprint: string;
  evaluations: readonly ControlEvaluation[];
  /** Records written per evidence file. */
  records: Readonly<Record<string, number>>;
  /** Evidence kinds the instance does not keep yet, and other omissions, with why. */
  missing: readonly { what: string; why: string }[];
}

/** README.md of the pack: what it holds and how to check it without ToolLedger. */
export function packReadme(p: PackReadmeInput): string {
  // Each record is in a CSV and a JSON file: count the CSVs (the chain check is a document, not records).
  const total = Object.entries(p.records)
    .filter(([file]) => file.endsWith('.csv'))
    .reduce((a, [, n]) => a + n, 0);
  const scope = [
    p.scope.environments.length ? `environments ${p.scope.environments.join(', ')}` : 'all environments',
    p.scope.toolIds.length ? `${p.scope.toolIds.length} selected tool(s)` : 'all tools',
  ].join('; ');
  const lines = [
    `# ToolLedger SOC 2 evidence pack ${p.packId}`,
    '',
    `Period: ${p.period.from} to ${p.period.to} (UTC, inclusive). Scope: ${scope}. Generated ${p.generatedAt}.`,
    '',
    total === 0
      ? '**This period holds no records**: the pack is complete and says so; every evidence file is present and empty.'
      : `${total} records, each in a CSV and a JSON file under evidence/.`,
    '',
    '## Contents',
    '',
    '- `report/report.html`, `report/report.pdf`: the readable report with the control matrix and the completeness section.',
    '- `evidence/*.csv`, `evidence/*.json`: the records, the same data in both formats, sorted by id.',
    '- `oscal/assessment-results.json`: the control matrix as OSCAL 1.1.3 assessment results.',
    '- `SHA256SUMS`: every file digest in `sha256sum -c` format.',
    '- `manifest.json`: every file with its SHA-256 and size; `manifest.sig`: its Ed25519 signature; `public-key.pem`: the signing key.',
    '',
    '## Control matrix',
    '',
    '| Criterion | State | Evidence files |',
    '| --- | --- | --- |',
    ...p.evaluations.map(
      (e) =>
        `| ${e.control.id} ${e.control.summary} | ${CONTROL_STATE_LABELS[e.state]} | ${e.evidence.flatMap((k) => k.files).join(', ')} |`,
    ),
    '',
    '## Completeness',
    '',
    ...(p.missing.length ? p.missing.map((m) => `- ${m.what}: ${m.why}`) : ['Nothing is missing.']),
    '',
    '## Verify this pack',
    '',
    `Signed with key \`${p.keyId}\`, fingerprint (SHA-256 of the public key):`,
    '',
    `    ${formatFingerprint(p.fingerprint)}`,
    '',
    'Compare it with the fingerprint ToolLedger shows under Evidence → Evidence packs. Then unzip the pack and, in its folder:',
    '',
    'With openssl and sha256sum:',
    '',
    '```sh',
    'openssl pkey -pubin -in public-key.pem -outform DER | sha256sum   # must print the fingerprint above',
    'openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile manifest.sig',
    'sha256sum -c SHA256SUMS',
    'grep -q "$(sha256sum SHA256SUMS | cut -d" " -f1)" manifest.json && echo "SHA256SUMS is the signed one"',
    '```',
    '',
    'With Node alone (18 or later):',
    '',
    '```sh',
    'node -e \'const c=require("crypto"),f=require("fs");const m=f.readFileSync("manifest.json");' +
      'if(!c.verify(null,m,c.createPublicKey(f.readFileSync("public-key.pem")),f.readFileSync("manifest.sig")))throw "bad signature";' +
      'let bad=0;for(const x of JSON.parse(m).files){const b=f.existsSync(x.path)&&f.readFileSync(x.path);' +
      'if(!b||b.length!==x.size||c.createHash("sha256").update(b).digest("hex")!==x.sha256){bad=1;console.log("DIFFERS:",x.path)}}' +
      'console.log(bad?"FAILED":"OK");process.exit(bad)\'',
    '```',
    '',
    'Or with ToolLedger: `npm run verify-pack -- pack.zip` (also names files that are extra), or Evidence → Verify a pack.',
    '',
  ];
  return lines.join('\n');
}
