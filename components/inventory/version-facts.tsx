import { Badge, type BadgeTone } from '@/components/ui/badge';

type Json = unknown;
const isObject = (v: Json): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** A JSON object as a definition list, values as the registry wrote them. */
export function JsonFacts({ value, empty }: { value: Json; empty: string }) {
  if (!isObject(value) || Object.keys(value).length === 0) return <p className="text-xs text-slate-500">{empty}</p>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs" data-testid="declared-permissions">
      {Object.entries(value).map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-500">{k}</dt>
          <dd className="font-mono break-all">{show(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

const yesNo = (v: unknown) => (v === true ? 'yes' : v === false ? 'no' : 'unknown');

export function Provenance({ value }: { value: Json }) {
  if (!isObject(value)) return <p className="text-xs text-slate-500">No signature or provenance facts reported.</p>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
      <dt className="text-slate-500">Signature present</dt>
      <dd>
        {yesNo(value.signaturePresent)}
        {value.signatureVerified !== undefined && ` (verified: ${yesNo(value.signatureVerified)})`}
      </dd>
      <dt className="text-slate-500">Provenance present</dt>
      <dd>
        {yesNo(value.provenancePresent)}
        {value.provenanceVerified !== undefined && ` (verified: ${yesNo(value.provenanceVerified)})`}
      </dd>
      <dt className="text-slate-500">Signer</dt>
      <dd className="font-mono break-all">{typeof value.signer === 'string' ? value.signer : '—'}</dd>
      {typeof value.sourceRepo === 'string' && (
        <>
          <dt className="text-slate-500">Source repository</dt>
          <dd className="font-mono break-all">{value.sourceRepo}</dd>
        </>
      )}
    </dl>
  );
}

const SEVERITY_TONES: Record<string, BadgeTone> = { info: 'gray', low: 'blue', medium: 'yellow', high: 'red', critical: 'red' };

export function RiskSignals({ value }: { value: Json }) {
  const signals = Array.isArray(value) ? value.filter(isObject) : [];
  if (signals.length === 0) return <p className="text-xs text-slate-500">None reported.</p>;
  return (
    <ul className="space-y-1 text-xs" data-testid="risk-signals">
      {signals.map((s, i) => (
        <li key={`${show(s.key)}-${i}`} className="flex flex-wrap items-baseline gap-2">
          <Badge tone={SEVERITY_TONES[String(s.severity)] ?? 'gray'}>{String(s.severity ?? 'info')}</Badge>
          <span className="font-medium">{String(s.label ?? s.key ?? 'signal')}</span>
          {typeof s.detail === 'string' && <span className="text-slate-600">{s.detail}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Registries report "none"/"clear" when nothing is quarantined; only a real status is shown. */
export function activeQuarantine(status: string | null | undefined): string | null {
  const s = status?.trim();
  return s && !['none', 'clear', 'cleared', 'ok', 'active'].includes(s.toLowerCase()) ? s : null;
}
