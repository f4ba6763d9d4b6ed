import type { Metadata } from 'next';
import { cache } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { getToolPolicyStatus } from '@/lib/server/inventory/get-tool-policy-status';
import { PolicyStatusCard } from '@/components/inventory/policy-status-card';
import { can } from '@/lib/auth/permissions';
import { forbiddenOnRefusal } from '@/lib/server/guards/forbidden-on-refusal';
import { getToolDetail } from '@/lib/server/inventory/get-tool-detail';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { PublisherTrustBadge, TierBadge, VerificationBadge } from '@/components/inventory/badges';
import { VersionHistory } from '@/components/inventory/version-history';
import { InstallationsByEnvironment, OpenAlerts, ToolAuditHistory } from '@/components/inventory/tool-sections';
import { OwnershipForm } from '@/components/inventory/ownership-form';
import { activeQuarantine } from '@/components/inventory/version-facts';
import { updateToolOwnershipAction } from './actions';
import { RequestForEnvironment } from '@/components/change-requests/request-for-environment';
import { DefinitionScans } from '@/components/inventory/definition-scans';
import { listDefinitionScans } from '@/lib/server/tool-definitions/list-definition-scans';
// Risk assessments (issue 12).
import { getToolRisk } from '@/lib/server/risks/get-tool-risk';
import { ToolRiskSummary } from '@/components/risks/tool-risk-summary';
import { getPublisherReviewStatus } from '@/lib/server/vendors/get-publisher-review-status';
import { VendorReviewStatusBadge } from '@/components/vendors/vendor-badges';
import { listPolicyExceptions } from '@/lib/server/exceptions/list-policy-exceptions';
import { ExceptionTable } from '@/components/exceptions/exception-table';
// Invocation monitoring (issue 11.5).
import { getToolBaseline } from '@/lib/server/monitoring/get-tool-baseline';
import { listLeastPrivilege } from '@/lib/server/monitoring/list-least-privilege';
import { LeastPrivilegeList, ToolBaselinePanel, ToolRecentEvents } from '@/components/monitoring/tool-monitoring';
// Incident response (issue 14.6).
import { listToolIncidents } from '@/lib/server/incidents/list-tool-incidents';
import { ToolIncidentsCard } from '@/components/incidents/tool-incidents-card';
// Data flow maps (issue 12.2).
import { getToolDataFlow } from '@/lib/server/data-flows/get-tool-data-flow';
import { ToolDataFlowCard } from '@/components/flows/tool-data-flow-card';

// The title and the page read the same tool once per request.
// One read per request for the title and the page; the page guard runs first in both.
const loadTool = cache(async (toolId: string) =>
  getToolDetail({ actor: actorOf(await requirePageUser('inventory:read')), input: { toolId } }).catch(forbiddenOnRefusal),
);

export async function generateMetadata({ params }: { params: Promise<{ toolId: string }> }): Promise<Metadata> {
  const detail = await loadTool((await params).toolId);
  return { title: detail ? `${detail.tool.name} · Inventory` : 'Tool not found' };
}

const KIND_LABELS = { MCP_SERVER: 'MCP server', AGENT_PLUGIN: 'Agent plugin', TOOL_PACKAGE: 'Tool package' } as const;
const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export default async function ToolPage({ params }: { params: Promise<{ toolId: string }> }) {
  const me = await requirePageUser('inventory:read');
  const detail = await loadTool((await params).toolId);
  if (!detail) notFound();
  const { tool } = detail;
  const latest = detail.versions.find((v) => v.id === tool.latestVersionId);
  const statuses =
    latest && can(me.role, 'policy:read')
      ? await getToolPolicyStatus({ actor: actorOf(me), input: { toolVersionId: latest.id } })
      : [];
  const risk = can(me.role, 'risk:read') ? await getToolRisk({ actor: actorOf(me), input: { toolId: tool.id } }) : null;
  const incidents = can(me.role, 'incident:read')
    ? await listToolIncidents({ actor: actorOf(me), input: { id: tool.id } })
    : null;
  // Vendor review of the publisher (issue 12.1), read under the same risk:read as the risk card.
  const publisherReview = risk ? ((await getPublisherReviewStatus([tool.publisher.id])).get(tool.publisher.id) ?? null) : null;
  const dataFlow = can(me.role, 'dataFlow:read')
    ? await getToolDataFlow({ actor: actorOf(me), input: { toolId: tool.id } })
    : null;
  const exceptions = can(me.role, 'exception:read')
    ? await listPolicyExceptions({ actor: actorOf(me), input: { toolId: tool.id, pageSize: 10 } })
    : null;
  const monitoring = can(me.role, 'invocation:read')
    ? await Promise.all([
        getToolBaseline({ actor: actorOf(me), input: { toolId: tool.id } }),
        listLeastPrivilege({ actor: actorOf(me), input: { toolId: tool.id } }),
      ])
    : null;

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/inventory" className="text-indigo-700 hover:underline">
          ← Inventory
        </Link>
      </p>
      <PageHeader
        title={tool.name}
        description={tool.description || undefined}
        actions={
          <div className="flex items-center gap-2" data-testid="tool-tier">
            <TierBadge tier={tool.tier} />
            <span className="text-sm text-slate-700">
              trust score <strong>{tool.trustScore ?? '—'}</strong>
            </span>
          </div>
        }
      />
      {latest && statuses.length > 0 ? (
        <Card title={`Policy status of the latest version (${latest.version})`}>
          <PolicyStatusCard
            statuses={statuses}
            toolId={tool.id}
            toolVersionId={latest.id}
            version={latest.version}
            canRequest={can(me.role, 'changeRequest:create')}
          />
        </Card>
      ) : (
        can(me.role, 'changeRequest:create') && <RequestForEnvironment toolId={tool.id} toolVersionId={tool.latestVersionId} />
      )}
      <Card title="Summary">
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Fact label="Kind">{KIND_LABELS[tool.kind]}</Fact>
          <Fact label="Registry">
            {tool.registry.name}{' '}
            <span className="text-xs text-slate-500">({tool.registry.kind.toLowerCase().replace('_', ' ')})</span>
            <div className="font-mono text-xs text-slate-500">{tool.externalId}</div>
          </Fact>
          <Fact label="Publisher">
            <div>{tool.publisher.name}</div>
            <PublisherTrustBadge level={tool.publisher.trustLevel} />
            {tool.publisher.identityWithdrawnAt ? (
              <div className="text-xs text-rose-700">identity withdrawn {day.format(tool.publisher.identityWithdrawnAt)}</div>
            ) : tool.publisher.identityVerifiedAt ? (
              <div className="text-xs text-slate-500">identity verified {day.format(tool.publisher.identityVerifiedAt)}</div>
            ) : null}
            {publisherReview && (
              <div className="text-xs">
                <Link href={`/risks/publishers/${tool.publisher.id}`} className="text-indigo-700 hover:underline">
                  Vendor review
                </Link>
                : <VendorReviewStatusBadge status={publisherReview.status} />
              </div>
            )}
          </Fact>
          <Fact label="Latest version">
            <span className="font-mono">{tool.latestVersionName ?? '—'}</span>{' '}
            <VerificationBadge state={tool.verificationState} />
            <div className="text-xs text-slate-500">
              {tool.lastVerifiedAt ? `verified ${day.format(tool.lastVerifiedAt)}` : 'never verified'}
            </div>
          </Fact>
          <Fact label="Artifact digest (latest)">
            <span className="font-mono text-xs break-all">{latest?.artifactDigest ?? 'not reported'}</span>
          </Fact>
          <Fact label="Registry status">
            {tool.registryStatus ?? 'active'}
            {tool.deprecatedAt && (
              <Badge tone="yellow" className="ml-1">
                deprecated {day.format(tool.deprecatedAt)}
              </Badge>
            )}
            {activeQuarantine(latest?.quarantineStatus) && (
              <Badge tone="red" className="ml-1">
                quarantine: {activeQuarantine(latest?.quarantineStatus)}
              </Badge>
            )}
            {latest?.yankedAt && (
              <Badge tone="red" className="ml-1">
                latest version yanked
              </Badge>
            )}
          </Fact>
          <Fact label="Owner">{tool.owner ?? <span className="text-slate-500">unassigned</span>}</Fact>
          <Fact label="Data classification">{tool.dataClassification.toLowerCase()}</Fact>
          {tool.repositoryUrl && (
            <Fact label="Repository">
              <span className="font-mono text-xs break-all">{tool.repositoryUrl}</span>
            </Fact>
          )}
        </dl>
      </Card>
      {can(me.role, 'inventory:update') && (
        <Card title="Ownership">
          <OwnershipForm
            action={updateToolOwnershipAction}
            toolId={tool.id}
            owner={tool.owner}
            dataClassification={tool.dataClassification}
          />
        </Card>
      )}
      {risk && (
        <Card title="Risk">
          <ToolRiskSummary risk={risk} canAssess={can(me.role, 'risk:assess')} />
        </Card>
      )}
      {incidents && <ToolIncidentsCard toolId={tool.id} data={incidents} canOpen={can(me.role, 'incident:respond')} />}
      {dataFlow && (
        <Card title="Data flow">
          <ToolDataFlowCard flow={dataFlow} canMap={can(me.role, 'dataFlow:map')} />
        </Card>
      )}
      {exceptions && (
        <Card
          title={`Policy exceptions (${exceptions.total})`}
          actions={
            <Link href={`/exceptions?toolId=${tool.id}`} className="text-sm text-indigo-700 hover:underline">
              All for this tool
            </Link>
          }
        >
          {exceptions.rows.length === 0 ? (
            <p className="text-sm text-slate-500">No exception was ever requested for this tool.</p>
          ) : (
            <ExceptionTable rows={exceptions.rows} label="Policy exceptions of this tool" />
          )}
        </Card>
      )}
      <Card title={`Open alerts (${detail.alerts.length})`}>
        <OpenAlerts alerts={detail.alerts} />
      </Card>
      <Card title="Agents using it">
        <InstallationsByEnvironment detail={detail} />
      </Card>
      {monitoring && (
        <>
          <Card title="Invocation baseline (last 7 days)">
            <ToolBaselinePanel baseline={monitoring[0]} />
          </Card>
          <Card title={`Least privilege (unused in ${monitoring[1].days} days)`}>
            <LeastPrivilegeList rows={monitoring[1].rows} days={monitoring[1].days} showTool={false} />
            {monitoring[1].total > monitoring[1].rows.length && (
              <p className="mt-2 text-sm">
                Showing {monitoring[1].rows.length} of {monitoring[1].total} versions.{' '}
                <Link className="text-indigo-700 hover:underline" href={`/monitoring/least-privilege?toolId=${tool.id}`}>
                  All of them
                </Link>
              </p>
            )}
          </Card>
          <Card title="Recent invocations">
            <ToolRecentEvents baseline={monitoring[0]} />
          </Card>
        </>
      )}
      <Card title={`Versions (${detail.versions.length})`}>
        {detail.versions.length === 0 ? (
          <p className="text-sm text-slate-500">No versions synced yet.</p>
        ) : (
          <VersionHistory versions={detail.versions} latestVersionId={tool.latestVersionId} />
        )}
      </Card>
      <Card title="Tool definitions check">
        <DefinitionScans scans={await listDefinitionScans({ actor: actorOf(me), input: { toolId: tool.id } })} />
      </Card>
      <Card title="Audit history">
        <ToolAuditHistory detail={detail} />
      </Card>
    </div>
  );
}
