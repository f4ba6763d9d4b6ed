import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { listAllowlist } from '@/lib/server/change-requests/manage-allowlist';
import { getPrisma } from '@/lib/db/client';
import { ENVIRONMENT_LABELS, ENVIRONMENTS } from '@/lib/domain/types';
import { TIER_LABELS } from '@/lib/domain/tiers';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { buttonClass } from '@/components/ui/button';
import { dateTime } from '../change-badges';
import { AddAllowlistForm, RevokeAllowlistButton } from './allowlist-forms';

export const metadata: Metadata = { title: 'Allowlist and exports' };

async function toolChoices() {
  const prisma = await getPrisma();
  return prisma.tool.findMany({ select: { id: true, name: true, tier: true }, orderBy: { name: 'asc' }, take: 500 });
}

export default async function AllowlistPage() {
  const user = await requirePageUser('allowlist:read');
  const manage = can(user.role, 'allowlist:manage');
  const [entries, tools] = await Promise.all([listAllowlist(), manage ? toolChoices() : []]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Allowlist and client exports"
        description="Pre-approved tools skip manual review in their environment when every policy rule passes. The exports turn the approved set into files clients enforce natively."
      />
      <Card title="Export the approved set">
        <p className="mb-3 text-sm text-slate-600">
          Exactly the versions the enforcement API allows, per environment. <Link className="font-medium text-sky-700 underline" href="/changes/exports">See the client exports</Link>: what each file holds, one ToolHive profile per server, and the servers left out with why.
        </p>
        <div className="grid gap-3 sm:grid-cols-3">
          {ENVIRONMENTS.map((env) => (
            <div key={env} className="space-y-2 rounded-md bg-slate-50 p-3">
              <p className="text-sm font-medium text-slate-800">{ENVIRONMENT_LABELS[env]}</p>
              <div className="flex flex-wrap gap-2">
                <a className={buttonClass('secondary', 'sm')} href={`/api/changes/export/claude-code?environment=${env}`} download>Claude Code settings</a>
                <a className={buttonClass('secondary', 'sm')} href={`/api/changes/export/toolhive?environment=${env}`} download>ToolHive profiles</a>
              </div>
            </div>
          ))}
        </div>
      </Card>
      {manage && (
        <Card title="Pre-approve a tool">
          <AddAllowlistForm tools={tools.map((t) => ({ id: t.id, label: `${t.name} — ${TIER_LABELS[t.tier]}` }))} />
        </Card>
      )}
      {entries.length === 0 ? (
        <EmptyState title="Nothing pre-approved yet">Every request goes through review unless it passes every rule with no manual-review trigger.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Allowlist">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2">Tool</th>
                <th scope="col" className="px-4 py-2">Environment</th>
                <th scope="col" className="px-4 py-2">Note</th>
                <th scope="col" className="px-4 py-2">Added by</th>
                {manage && <th scope="col" className="px-4 py-2">Manage</th>}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {entries.map((e) => (
                <tr key={e.id} data-testid="allowlist-row">
                  <td className="px-4 py-2 font-medium">{e.toolName}{e.toolTier && <span className="ml-1 text-xs text-slate-500">{TIER_LABELS[e.toolTier]}</span>}</td>
                  <td className="px-4 py-2">{ENVIRONMENT_LABELS[e.environment]}</td>
                  <td className="px-4 py-2 text-slate-600">{e.note || '—'}</td>
                  <td className="px-4 py-2">{e.createdByName} · {dateTime.format(e.createdAt)} UTC</td>
                  {manage && <td className="px-4 py-2"><RevokeAllowlistButton id={e.id} /></td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
