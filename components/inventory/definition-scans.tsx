import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { ScanFinding } from '@/lib/domain/tool-definitions/scan';
import type { DefinitionScan } from '@/lib/server/tool-definitions/list-definition-scans';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const VERDICT: Record<DefinitionScan['verdict'], { label: string; tone: BadgeTone }> = {
  MATCH: { label: 'matches the approved definitions', tone: 'green' },
  FIRST_SEEN: { label: 'first seen: pinned', tone: 'blue' },
  CHANGED: { label: 'differs from the approved definitions', tone: 'red' },
};
const SEVERITY_TONES: Record<string, BadgeTone> = { CRITICAL: 'red', HIGH: 'red', MEDIUM: 'yellow' };

/** The scanned text with each matched span marked, so a reviewer sees exactly what was found. */
function Highlighted({ finding }: { finding: ScanFinding }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const m of [...finding.matches].sort((a, b) => a.start - b.start)) {
    if (m.start < at) continue;
    parts.push(finding.text.slice(at, m.start));
    parts.push(
      <mark key={m.start} className="rounded bg-rose-100 px-0.5 text-rose-900">
        {finding.text.slice(m.start, m.end) || '⟨invisible⟩'}
      </mark>,
    );
    at = m.end;
  }
  parts.push(finding.text.slice(at));
  return (
    <p className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2 font-mono text-xs text-slate-700">
      {parts}
    </p>
  );
}

/** Tool definitions as gateways and registries reported them: the pin check and the poisoning scan. */
export function DefinitionScans({ scans }: { scans: DefinitionScan[] }) {
  if (scans.length === 0) {
    return <p className="text-sm text-slate-500">No gateway or registry has reported this tool&apos;s definitions yet.</p>;
  }
  return (
    <ul className="space-y-4" data-testid="definition-scans">
      {scans.map((s) => (
        <li key={s.id} className="text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-xs">{s.version}</span>
            <Badge tone={VERDICT[s.verdict].tone}>{VERDICT[s.verdict].label}</Badge>
            {s.findings.length === 0 ? (
              <Badge tone="green">no poisoning found</Badge>
            ) : (
              <Badge tone={SEVERITY_TONES[s.worstSeverity ?? ''] ?? 'yellow'}>{s.findings.length} finding(s)</Badge>
            )}
            <span className="text-xs text-slate-500">
              {s.source === 'GATEWAY' ? `${s.agentName ?? 'a'} gateway` : 'registry manifest'}, {dateTime.format(s.reportedAt)}{' '}
              UTC · <span className="font-mono">{s.hash.slice(0, 12)}…</span>
            </span>
          </div>
          {s.findings.map((f, i) => (
            <div key={i} className="mt-2 border-l-2 border-rose-300 pl-3">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={SEVERITY_TONES[f.severity] ?? 'yellow'}>{f.severity.toLowerCase()}</Badge>
                <strong>{f.label}</strong>
                <span className="font-mono text-xs text-slate-500">
                  {f.tool} · {f.field}
                </span>
              </div>
              <p className="text-xs text-slate-600">{f.explanation}</p>
              <Highlighted finding={f} />
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}
