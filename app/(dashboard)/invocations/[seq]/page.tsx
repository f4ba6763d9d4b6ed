import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { forbiddenOnRefusal } from '@/lib/server/guards/forbidden-on-refusal';
import { AppError } from '@/lib/server/errors';
import { getInvocationEvent } from '@/lib/server/invocations/get-invocation-event';
import {
  APPROVAL_LABELS,
  APPROVAL_TONES,
  CLASSIFICATION_LABELS,
  RESULT_LABELS,
  RESULT_TONES,
} from '@/lib/domain/invocations/labels';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { formatTimestamp } from '@/components/ui/format';

export const metadata: Metadata = { title: 'Invocation' };

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-2 py-1.5 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="col-span-2 break-all">{children ?? <span className="text-slate-400">—</span>}</dd>
    </div>
  );
}

function reasonsOf(value: unknown): { message?: string }[] {
  return Array.isArray(value) ? (value as { message?: string }[]) : [];
}

export default async function InvocationPage({ params }: { params: Promise<{ seq: string }> }) {
  const me = await requirePageUser('invocation:read');
  const { seq } = await params;
  const found = await getInvocationEvent({ actor: actorOf(me), input: { seq } }).catch((err: unknown) => {
    if (err instanceof AppError && (err.status === 404 || err.status === 400)) return null;
    // An auditor asking for a record outside their open audits (refused and logged by the read).
    return forbiddenOnRefusal(err);
  });
  if (!found) notFound();
  const { event: e, decision, previous, next, alerts } = found;
  return (
    <div className="space-y-4">
      <PageHeader
        title={`Invocation #${e.seq}`}
        description={`${e.agentName} called ${e.toolName} ${e.toolVersion} at ${formatTimestamp(e.occurredAt)} UTC.`}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="mb-2 text-sm font-semibold">As the agent reported it</h2>
          <dl data-testid="invocation-detail" className="divide-y divide-slate-100">
            <Field label="Event id">
              <span className="font-mono text-xs">{e.eventId}</span>
            </Field>
            <Field label="When (UTC)">{formatTimestamp(e.occurredAt)}</Field>
            <Field label="Agent">
              <span className="font-mono text-xs">{e.agentName}</span>
              {!e.agentId && <span className="ml-2 text-xs text-amber-700">not in the inventory</span>}
            </Field>
            <Field label="Tool">
              {e.toolId ? (
                <Link href={`/inventory/${e.toolId}`} className="text-indigo-700 hover:underline">
                  {e.toolName}
                </Link>
              ) : (
                e.toolName
              )}{' '}
              <span className="font-mono text-xs text-slate-500">{e.toolVersion}</span>
              {!e.toolVersionId && <span className="ml-2 text-xs text-amber-700">version not in the inventory</span>}
            </Field>
            <Field label="Status">
              <Badge tone={RESULT_TONES[e.resultStatus]}>{RESULT_LABELS[e.resultStatus]}</Badge>
            </Field>
            <Field label="Duration">{e.durationMs.toLocaleString('en')} ms</Field>
            <Field label="Data classification">{CLASSIFICATION_LABELS[e.dataClassification]}</Field>
            <Field label="Permissions used">
              <span className="font-mono text-xs">{e.permissionsUsed.join(' ') || 'none reported'}</span>
            </Field>
            <Field label="Claimed trust level">{e.trustLevel}</Field>
            <Field label="Claimed publisher">{e.publisher}</Field>
            <Field label="Input schema hash">
              {e.inputSchemaHash && <span className="font-mono text-xs">{e.inputSchemaHash}</span>}
            </Field>
            <Field label="Output schema hash">
              {e.outputSchemaHash && <span className="font-mono text-xs">{e.outputSchemaHash}</span>}
            </Field>
            <Field label="Input / output size">
              {e.inputSizeBytes === null && e.outputSizeBytes === null
                ? null
                : `${e.inputSizeBytes?.toLocaleString('en') ?? '—'} / ${e.outputSizeBytes?.toLocaleString('en') ?? '—'} bytes`}
            </Field>
          </dl>
        </Card>
        <div className="space-y-4">
          <Card>
            <h2 className="mb-2 text-sm font-semibold">Enforcement</h2>
            <p className="mb-2">
              <Badge tone={APPROVAL_TONES[e.approval]}>{APPROVAL_LABELS[e.approval]}</Badge>
            </p>
            {decision ? (
              <dl data-testid="invocation-decision" className="divide-y divide-slate-100">
                <Field label="Latest decision">
                  {decision.outcome === 'ALLOW' ? 'Allowed' : 'Denied'} ({decision.action.toLowerCase()}) at{' '}
                  {formatTimestamp(decision.createdAt)}
                </Field>
                <Field label="Reasons">
                  <ul className="text-xs">
                    {reasonsOf(decision.reasons).map((r, i) => (
                      <li key={i}>{r.message}</li>
                    ))}
                  </ul>
                </Field>
                <Field label="Policy">{decision.policyVersion !== null ? `v${decision.policyVersion}` : null}</Field>
                <Field label="In the log">
                  <Link
                    href={`/enforcement?agent=${encodeURIComponent(decision.agentName)}&tool=${encodeURIComponent(decision.toolName)}`}
                    className="text-indigo-700 hover:underline"
                  >
                    Enforcement log for this agent and tool
                  </Link>
                </Field>
              </dl>
            ) : (
              <p className="text-sm text-slate-600">
                No enforcement decision for this agent, tool and version when the event arrived.
              </p>
            )}
          </Card>
          <Card>
            <h2 className="mb-2 text-sm font-semibold">Chain position</h2>
            <dl data-testid="invocation-chain" className="divide-y divide-slate-100">
              <Field label="Seq">#{e.seq.toString()}</Field>
              <Field label="Received (UTC)">{formatTimestamp(e.receivedAt)}</Field>
              <Field label="Previous hash">
                <span className="font-mono text-xs">{e.prevHash}</span>
                {previous && previous.hash !== e.prevHash && <Badge tone="red">does not match #{previous.seq.toString()}</Badge>}
              </Field>
              <Field label="Hash">
                <span className="font-mono text-xs">{e.hash}</span>
                {next && next.prevHash !== e.hash && <Badge tone="red">#{next.seq.toString()} does not point here</Badge>}
              </Field>
              <Field label="Neighbours">
                {previous ? (
                  <Link className="text-indigo-700 hover:underline" href={`/invocations/${previous.seq}`}>
                    ← #{previous.seq.toString()}
                  </Link>
                ) : (
                  'start of the kept chain'
                )}
                {' · '}
                {next ? (
                  <Link className="text-indigo-700 hover:underline" href={`/invocations/${next.seq}`}>
                    #{next.seq.toString()} →
                  </Link>
                ) : (
                  'newest'
                )}
              </Field>
            </dl>
          </Card>
          <Card>
            <h2 className="mb-2 text-sm font-semibold">Alerts about this event, its agent, tool and version</h2>
            {alerts.length === 0 ? (
              <p className="text-sm text-slate-600">None.</p>
            ) : (
              <ul data-testid="invocation-alerts" className="space-y-1 text-sm">
                {alerts.map((a) => (
                  <li key={a.id} className="flex items-center gap-2">
                    <Badge tone={a.severity === 'CRITICAL' || a.severity === 'HIGH' ? 'red' : 'yellow'}>
                      {a.severity.toLowerCase()}
                    </Badge>
                    <Link className="text-indigo-700 hover:underline" href={`/monitoring/${a.id}`}>
                      {a.title}
                    </Link>
                    <span className="text-xs text-slate-500">{a.state.toLowerCase()}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
