import type { Metadata } from 'next';
import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import { requirePageUser, actorOf } from '@/lib/server/session';
import { getEnvironmentExports } from '@/lib/server/exports/get-environment-exports';
import { ENVIRONMENT_LABELS, ENVIRONMENTS } from '@/lib/domain/types';
import { ZExportsPageQuery } from '@/lib/validation/export';
import { parseSearchParams, type RawSearchParams } from '@/lib/validation/search-params';
import type { LeftOutServer } from '@/lib/domain/exports/types';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { buttonClass } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { DataTable } from '@/components/tables/data-table';
import { QueryIssues } from '@/components/list/filters';

export const metadata: Metadata = { title: 'Client exports' };

const EXPORT_URL = '/api/changes/export';

// The row's position keeps two left-out entries of one server and version apart.
const LEFT_OUT_COLUMNS: ColumnDef<LeftOutServer & { key: string }, unknown>[] = [
  { id: 'server', header: 'Server', meta: { className: 'font-mono text-xs' }, cell: ({ row }) => row.original.serverName },
  { id: 'version', header: 'Version', cell: ({ row }) => row.original.version },
  { id: 'reason', header: 'Why it is left out', cell: ({ row }) => row.original.reason },
];

function LeftOutTable({ label, testId, rows }: { label: string; testId: string; rows: LeftOutServer[] }) {
  if (rows.length === 0)
    return <p className="text-sm text-slate-600">Nothing left out: every allowed server is in the {label} export.</p>;
  return (
    <DataTable
      label={`Left out of the ${label} export`}
      columns={LEFT_OUT_COLUMNS}
      rows={rows.map((r, i) => ({ ...r, key: `${r.serverName}-${r.version}-${i}` }))}
      getRowId={(r) => r.key}
      rowTestId={testId}
    />
  );
}

export default async function ExportsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePageUser('allowlist:read');
  const { query, issues } = parseSearchParams(ZExportsPageQuery, await searchParams);
  const { environment } = query;
  const ex = await getEnvironmentExports({ actor: actorOf(user), input: { environment } });
  const q = `environment=${environment}`;
  const { settings } = ex.claudeCode;
  const denied = settings.deniedMcpServers.length;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Client exports"
        description="Files that Claude Code and ToolHive enforce themselves. They list exactly the versions the enforcement API allows (approved and active installation, policy passed or covered by an exception, not quarantined, revoked or yanked). A server that a format cannot express without allowing more than was approved is left out, with the reason."
      />
      <QueryIssues issues={issues} />
      <nav aria-label="Environment" className="flex gap-2">
        {ENVIRONMENTS.map((env) => (
          <Link
            key={env}
            href={`/changes/exports?environment=${env}`}
            aria-current={env === environment ? 'page' : undefined}
            className={cn(buttonClass(env === environment ? 'primary' : 'secondary', 'sm'))}
          >
            {ENVIRONMENT_LABELS[env]}
          </Link>
        ))}
      </nav>
      <p className="text-sm text-slate-700" data-testid="allowed-count">
        {ex.allowed.length} version{ex.allowed.length === 1 ? '' : 's'} allowed by enforcement in{' '}
        {ENVIRONMENT_LABELS[environment].toLowerCase()}.
      </p>

      <Card
        title="Claude Code"
        actions={
          <a className={buttonClass('secondary', 'sm')} href={`${EXPORT_URL}/claude-code?${q}`} download>
            Download managed-settings.json
          </a>
        }
      >
        <div className="space-y-3 text-sm text-slate-700">
          <p>
            Save as <code className="font-mono">managed-settings.json</code> in the managed settings directory. With{' '}
            <code className="font-mono">allowManagedMcpServersOnly</code>, only the entries here count. Each stdio server is
            pinned by its exact command (<code className="font-mono">serverCommand</code>, the approved version in it) and each
            remote by a URL pattern (<code className="font-mono">serverUrl</code>). No server names are written: a name is a label
            anyone can choose, not a security control.
          </p>
          <p>
            Once any <code className="font-mono">serverUrl</code> entry exists, Claude Code lets a remote server run only when its
            URL matches one; with none, no remote server runs at all, because there are no names to match. A{' '}
            <code className="font-mono">*</code> in a pattern matches any characters, so each one comes with{' '}
            {denied ? `${denied} ` : ''}
            <code className="font-mono">deniedMcpServers</code> entries that refuse what the URL template does not allow (another
            host, a query in the path).
          </p>
          <p data-testid="claude-entries">
            {settings.allowedMcpServers.filter((e) => 'serverCommand' in e).length} command entries,{' '}
            {settings.allowedMcpServers.filter((e) => 'serverUrl' in e).length} URL entries, {denied} deny entries.
          </p>
          <LeftOutTable label="Claude Code" testId="left-out-claude-code" rows={ex.claudeCode.leftOut} />
        </div>
      </Card>

      <Card
        title="ToolHive"
        actions={
          <a className={buttonClass('secondary', 'sm')} href={`${EXPORT_URL}/toolhive?${q}`} download>
            Download all profiles (.zip)
          </a>
        }
      >
        <div className="space-y-3 text-sm text-slate-700">
          <p>
            One bare permission profile per server:{' '}
            <code className="font-mono">thv run --isolate-network --permission-profile FILE &lt;server&gt;</code>. A server
            without network permission gets an explicit deny-all network section. Host patterns keep their form (
            <code className="font-mono">.github.com</code> also covers its subdomains; a bare host only itself) and the ports the
            source declared. The archive&apos;s README lists what was left out.
          </p>
          {ex.toolHive.files.length === 0 ? (
            <EmptyState title="No profile">
              No allowed server can be expressed as a ToolHive profile in this environment.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="ToolHive profiles">
              {ex.toolHive.files.map((f) => (
                <li
                  key={f.fileName}
                  className="flex flex-wrap items-center justify-between gap-2 py-2"
                  data-testid="toolhive-profile"
                >
                  <span>
                    <span className="font-mono text-xs">{f.serverName}</span> {f.version}
                    <span className="ml-2 text-xs text-slate-500">
                      {f.profile.network.outbound.insecure_allow_all
                        ? 'all outbound traffic'
                        : f.profile.network.outbound.allow_host.length
                          ? `${f.profile.network.outbound.allow_host.join(', ')}${f.profile.network.outbound.allow_port.length ? ` on ${f.profile.network.outbound.allow_port.join(', ')}` : ' (any port)'}`
                          : 'no network'}
                    </span>
                    {f.notes.map((n) => (
                      <span key={n} className="block text-xs text-amber-700">
                        {n}
                      </span>
                    ))}
                  </span>
                  <a
                    className={buttonClass('secondary', 'sm')}
                    href={`${EXPORT_URL}/toolhive-profile?${q}&server=${encodeURIComponent(f.fileName)}`}
                    download
                  >
                    {f.fileName}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <LeftOutTable label="ToolHive" testId="left-out-toolhive" rows={ex.toolHive.leftOut} />
        </div>
      </Card>
    </div>
  );
}
