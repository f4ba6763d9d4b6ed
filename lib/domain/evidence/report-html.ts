import { CONTROL_STATE_LABELS, TSC_SOURCE } from '@/lib/domain/controls';
import type { PackReadmeInput } from './pack-readme';
import { formatFingerprint } from './signing';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** report/report.html: self-contained (no scripts, no external assets), printable. */
export function reportHtml(p: PackReadmeInput): string {
  const rows = p.evaluations
    .map(
      (
        e,
      ) => `<tr class="${e.state}"><td><b>${esc(e.control.id)}</b><br>${esc(e.control.summary)}</td><td>${esc(e.control.evidencedBy)}</td>
<td>${CONTROL_STATE_LABELS[e.state]}${e.findings.map((f) => `<br><small>${esc(f.reason)}</small>`).join('')}</td>
<td>${e.evidence.flatMap((k) => k.files.map((f) => `<code>${esc(f)}</code> (${p.records[f] ?? (k.kept ? 0 : '—')})`)).join('<br>')}</td></tr>`,
    )
    .join('\n');
  const records = Object.entries(p.records)
    .map(([file, n]) => `<tr><td><code>${esc(file)}</code></td><td>${n}</td></tr>`)
    .join('\n');
  const missing = p.missing.length
    ? `<ul>${p.missing.map((m) => `<li><b>${esc(m.what)}</b>: ${esc(m.why)}</li>`).join('')}</ul>`
    : '<p>Nothing is missing.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Evidence pack ${esc(p.packId)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}tr.gap td:nth-child(3){background:#fde8e8}tr.stale td:nth-child(3){background:#fff6db}code{font-size:12px}</style>
</head><body>
<h1>SOC 2 evidence pack</h1>
<p>Period ${esc(p.period.from)} to ${esc(p.period.to)} (UTC). Generated ${esc(p.generatedAt)}. Pack <code>${esc(p.packId)}</code>.</p>
<p>Signed with key <code>${esc(p.keyId)}</code>, fingerprint <code>${esc(formatFingerprint(p.fingerprint))}</code>. See README.md to verify.</p>
<h2>Control matrix</h2>
<p>Criteria ids from the ${esc(TSC_SOURCE)}; the full statements are in that publication.</p>
<table><thead><tr><th>Criterion</th><th>How ToolLedger evidences it</th><th>State</th><th>Evidence files (records)</th></tr></thead>
<tbody>${rows}</tbody></table>
<h2>Completeness</h2>
${missing}
<h2>Evidence files</h2>
<table><thead><tr><th>File</th><th>Records</th></tr></thead><tbody>${records}</tbody></table>
</body></html>
`;
}
