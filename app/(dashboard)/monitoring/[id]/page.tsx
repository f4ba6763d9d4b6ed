import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AlertExplanation } from '@/components/alerts/alert-explanation';
import { AlertNotes } from '@/components/alerts/alert-notes';
import { alertKindLabel, SEVERITY_TONE } from '@/components/alerts/alert-columns';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { getAlert } from '@/lib/server/alerts/get-alert';
import { listAlertWorkers } from '@/lib/server/alerts/list-alert-workers';
import { AppError } from '@/lib/server/errors';
import { forbiddenOnRefusal } from '@/lib/server/guards/forbidden-on-refusal';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { AlertActions } from '../alert-actions';
import { AlertNoteForm, AssignAlertForm } from './alert-work-forms';

export const metadata: Metadata = { title: 'Alert' };

const lower = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();

export default async function AlertPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePageUser('alert:read');
  const { id } = await params;
  const found = await getAlert({ actor: actorOf(me), input: { id } }).catch((err: unknown) => {
    if (err instanceof AppError && (err.status === 404 || err.status === 400)) return null;
    // Outside the auditor's open audits (already logged by the read): the 403 page.
    return forbiddenOnRefusal(err);
  });
  if (!found) notFound();
  const { alert: a, assignee, notes } = found;
  // Those who may acknowledge or resolve also assign and write notes; an auditor reads both.
  const manage = can(me.role, 'alert:manage');
  const workers = manage && a.state !== 'RESOLVED' ? await listAlertWorkers({ actor: actorOf(me), input: {} }) : [];
  return (
    <div className="space-y-4">
      <PageHeader
        title={a.title}
        description={`${alertKindLabel(a.kind)} · raised ${formatDateTime(a.createdAt)} UTC`}
        actions={
          <Link className="text-sm text-indigo-700 hover:underline" href="/monitoring">
            ← All alerts
          </Link>
        }
      />
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={SEVERITY_TONE[a.severity]}>{lower(a.severity)}</Badge>
        <Badge tone={a.state === 'OPEN' ? 'red' : a.state === 'ACKNOWLEDGED' ? 'yellow' : 'green'}>{lower(a.state)}</Badge>
        {a.tool && (
          <Link className="text-indigo-700 hover:underline" href={`/inventory/${a.tool.id}`}>
            {a.tool.name}
          </Link>
        )}
        {a.acknowledgedBy && <span className="text-xs text-slate-500">acknowledged by {a.acknowledgedBy}</span>}
        {a.resolvedBy && <span className="text-xs text-slate-500">resolved by {a.resolvedBy}</span>}
        {manage && <AlertActions id={a.id} state={a.state} title={a.title} />}
      </div>
      <Card title="Why this alert was raised">
        <div data-testid="alert-explanation">
          <AlertExplanation found={found} />
        </div>
      </Card>
      <Card title="Assignee and notes">
        <div className="space-y-4">
          {manage && a.state !== 'RESOLVED' ? (
            <AssignAlertForm key={a.assigneeId ?? ''} id={a.id} assigneeId={a.assigneeId} meId={me.id} workers={workers} />
          ) : null}
          <p className="text-sm text-slate-700" data-testid="alert-assignee">
            {assignee ? (
              <>
                Assigned to <span className="font-medium">{assignee.name}</span>
                {a.assignedAt && <span className="text-xs text-slate-500"> since {formatDateTime(a.assignedAt)} UTC</span>}
              </>
            ) : (
              'Nobody is assigned.'
            )}
          </p>
          <AlertNotes notes={notes} />
          {manage && <AlertNoteForm id={a.id} />}
        </div>
      </Card>
    </div>
  );
}
