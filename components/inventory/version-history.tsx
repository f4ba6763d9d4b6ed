import { Badge } from '@/components/ui/badge';
import { DIMENSIONS, DIMENSION_LABELS, formatLevel } from '@/lib/domain/permissions';
import type { ToolDetailVersion } from '@/lib/server/inventory/get-tool-detail';
import { LevelBadge, TierBadge, VerificationBadge } from './badges';
import { TierCapNote, VerificationRecordView } from './verification-record';
import { JsonFacts, Provenance, RiskSignals, activeQuarantine } from './version-facts';

const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** Newest run, and of one run recorded twice (re-graded by a later sync), the later record. */
function newestRecord(v: ToolDetailVersion) {
  let best: ToolDetailVersion['verifications'][number] | undefined;
  for (const r of v.verifications) {
    const later =
      !best ||
      r.verifiedAt > best.verifiedAt ||
      (r.verifiedAt.getTime() === best.verifiedAt.getTime() && r.fetchedAt > best.fetchedAt);
    if (later) best = r;
  }
  return best;
}

/** Versions newest first: permissions with escalations highlighted, each verification record with its checks. */
export function VersionHistory({ versions, latestVersionId }: { versions: ToolDetailVersion[]; latestVersionId: string | null }) {
  return (
    <ol className="space-y-4" aria-label="Versions">
      {versions.map((v, i) => (
        <li key={v.id} data-testid="version" data-version={v.version} className="rounded-md ring-1 ring-slate-200">
          <details open={i === 0}>
            <summary className="flex cursor-pointer flex-wrap items-center gap-2 bg-slate-50 px-3 py-2">
              <span className="font-mono text-sm font-semibold">{v.version}</span>
              {v.id === latestVersionId && <Badge tone="indigo">latest</Badge>}
              <TierBadge tier={v.tier} />
              {/* The version's tier comes from its newest record: say why when a cap set it. */}
              {newestRecord(v)?.tier === v.tier && <TierCapNote record={newestRecord(v)!} />}
              <span className="text-xs text-slate-600">score {v.trustScore ?? '—'}</span>
              <VerificationBadge state={v.verificationState} />
              {v.escalations.length > 0 && (
                <Badge tone="red" title={`Permissions rose against ${v.previousVersion}`}>
                  escalates {v.escalations.length} permission{v.escalations.length > 1 ? 's' : ''}
                </Badge>
              )}
              {activeQuarantine(v.quarantineStatus) && (
                <Badge tone="red">quarantine: {activeQuarantine(v.quarantineStatus)}</Badge>
              )}
              {v.yankedAt && <Badge tone="red">yanked {day.format(v.yankedAt)}</Badge>}
              <span className="ml-auto text-xs text-slate-500">
                {v.publishedAt ? `published ${day.format(v.publishedAt)}` : 'publish date unknown'}
              </span>
            </summary>
            <div className="space-y-4 p-3 text-sm">
              <div>
                <span className="text-xs text-slate-500">Artifact digest</span>
                <div className="font-mono text-xs break-all" data-testid="artifact-digest">
                  {v.artifactDigest ?? 'not reported'}
                </div>
              </div>
              <section aria-label={`Permissions of ${v.version}`}>
                <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
                  Permissions (our four dimensions)
                </h4>
                <dl className="grid gap-2 sm:grid-cols-4">
                  {DIMENSIONS.map((d) => {
                    const esc = v.escalations.find((e) => e.dimension === d);
                    return (
                      <div key={d} data-testid={esc ? 'escalation' : undefined}>
                        <dt className="text-xs text-slate-500">{DIMENSION_LABELS[d]}</dt>
                        <dd>
                          <LevelBadge dimension={d} level={v[d]} escalated={Boolean(esc)} />
                          {esc && (
                            <span className="ml-1 text-xs text-rose-700">
                              was {formatLevel(d, esc.from as never)} in {v.previousVersion}
                            </span>
                          )}
                        </dd>
                      </div>
                    );
                  })}
                </dl>
              </section>
              <div className="grid gap-4 md:grid-cols-2">
                <section aria-label="Declared by the registry">
                  <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
                    As declared (registry vocabulary)
                  </h4>
                  <JsonFacts value={v.declaredPermissions} empty="No declaration kept" />
                  <p className="mt-1 text-xs text-slate-600">
                    Allowed domains:{' '}
                    {v.allowedDomains.length ? <span className="font-mono">{v.allowedDomains.join(', ')}</span> : 'none listed'}
                  </p>
                </section>
                <section aria-label="Provenance">
                  <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Provenance</h4>
                  <Provenance value={v.provenance} />
                </section>
              </div>
              <section aria-label="Risk signals">
                <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Risk signals</h4>
                <RiskSignals value={v.riskSignals} />
              </section>
              <section aria-label={`Verification records of ${v.version}`}>
                <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
                  Verification records ({v.verifications.length})
                </h4>
                {v.verifications.length === 0 ? (
                  <p className="text-xs text-slate-500">Never verified: this version is Unverified.</p>
                ) : (
                  <div className="space-y-3">
                    {v.verifications.map((r) => (
                      <VerificationRecordView key={r.id} record={r} />
                    ))}
                  </div>
                )}
              </section>
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}
