import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { getEngagementRequest } from '@/lib/server/engagements/get-engagement-request';
import { POPULATION_INFO, isPopulation } from '@/lib/domain/audits/populations';
import { REQUEST_STATE_LABELS } from '@/lib/domain/audits/requests';
import { REPLY_FILE_MAX_BYTES } from '@/lib/validation/engagement';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { loadOrRefuse } from '../../load-or-refuse';
import { AnswerForm, AuditorControls } from './request-forms';

export const metadata: Metadata = { title: 'Audit request' };

/** One PBC item: what the auditor asked about which record, the thread, and the next step. */
export default async function RequestPage({ params }: { params: Promise<{ id: string; requestId: string }> }) {
  const user = await requirePageUser('engagement:read');
  const { id, requestId } = await params;
  const data = await loadOrRefuse(() => getEngagementRequest({ actor: actorOf(user), input: { requestId } }));
  if (!data || data.engagement.id !== id) notFound();
  const { request: r, columns, record } = data;
  const noun = isPopulation(r.population) ? POPULATION_INFO[r.population].noun : r.population;
  const mine = user.role === 'AUDITOR' && r.requestedById === user.id;
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${r.kind === 'FLAG' ? 'Flag' : 'Request'} on ${noun} ${r.recordId}`}
        description={`Opened by ${r.requestedBy.name} on ${formatDateTime(r.createdAt)}, due ${formatDateTime(r.dueAt)}.`}
        actions={
          <Link href={`/audits/${id}`} className={buttonClass('secondary')}>
            Back to the audit
          </Link>
        }
      />
      <p className="flex items-center gap-2 text-sm">
        <Badge tone={r.state === 'ACCEPTED' ? 'green' : r.state === 'ANSWERED' ? 'blue' : 'yellow'}>
          <span data-testid="request-state">{REQUEST_STATE_LABELS[r.state]}</span>
        </Badge>
        {r.overdue && <Badge tone="red">Overdue</Badge>}
      </p>
      <Card title="Thread">
        <ol className="space-y-3 text-sm" data-testid="request-thread">
          <li>
            <p className="text-xs text-slate-500">
              {r.requestedBy.name} · {formatDateTime(r.createdAt)}
            </p>
            <p className="whitespace-pre-wrap text-slate-900">{r.body}</p>
          </li>
          {r.replies.map((reply) => (
            <li key={reply.id}>
              <p className="text-xs text-slate-500">
                {reply.author.name} · {formatDateTime(reply.createdAt)}
              </p>
              <p className="whitespace-pre-wrap text-slate-900">{reply.note}</p>
              {reply.fileName && (
                <p className="mt-1 text-xs">
                  <a
                    className="font-medium text-indigo-700 hover:underline"
                    href={`/api/audits/requests/${r.id}/files/${reply.id}`}
                  >
                    {reply.fileName}
                  </a>{' '}
                  · {reply.fileSize} bytes · SHA-256 <code className="font-mono">{reply.fileSha256}</code>
                </p>
              )}
            </li>
          ))}
        </ol>
      </Card>
      <Card title="The record">
        {record ? (
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
            {columns.map((c) => (
              <div key={c.key} className="contents">
                <dt className="text-slate-500">{c.label}</dt>
                <dd>{record.cells[c.key] || '—'}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="text-sm text-slate-600">The record is no longer in the audit’s scope.</p>
        )}
      </Card>
      {r.state !== 'ACCEPTED' && can(user.role, 'engagement:answer') && (
        <Card title="Answer">
          <AnswerForm requestId={r.id} maxKb={REPLY_FILE_MAX_BYTES / 1024} />
        </Card>
      )}
      {r.state !== 'ACCEPTED' && mine && (
        <Card title="Your next step">
          <AuditorControls requestId={r.id} canAccept={r.state === 'ANSWERED'} />
        </Card>
      )}
    </div>
  );
}
