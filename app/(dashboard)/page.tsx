import Link from 'next/link';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { getInventoryOverview } from '@/lib/server/inventory/get-inventory-overview';
import { getNeedsAttention } from '@/lib/server/overview/get-needs-attention';
// Risk assessments (issue 12).
import { getRiskOverview } from '@/lib/server/risks/get-risk-overview';
import { OverdueReviewList } from '@/components/risks/overdue-review-list';
// Data flow maps (issue 12.2).
import { getDataFlowOverview } from '@/lib/server/data-flows/get-data-flow-overview';
import { DataFlowOverviewSection } from '@/components/flows/data-flow-overview';
import { can } from '@/lib/auth/permissions';
import { NeedsAttentionPanels } from '@/components/overview/needs-attention';
import { formatNumber } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { ChartFrame } from '@/components/charts/chart-frame';
import { CountBarChart } from '@/components/charts/count-bar-chart';
import { StackedLevelsChart } from '@/components/charts/stacked-levels-chart';
import { DIMENSIONS, DIMENSION_LABELS, LEVELS } from '@/lib/domain/permissions';
import { ENVIRONMENTS, ENVIRONMENT_LABELS, TIERS } from '@/lib/domain/types';
import { TIER_LABELS } from '@/lib/domain/tiers';

const TIER_COLORS = {
  GOLD: '#ca8a04',
  VERIFIED: '#059669',
  PARTIAL: '#f59e0b',
  UNVERIFIED: '#94a3b8',
  FAILED: '#e11d48',
} as const;
const ENV_COLORS = { PRODUCTION: '#e11d48', STAGING: '#f59e0b', DEVELOPMENT: '#0ea5e9' } as const;
const STATE_COLORS = { PASSED: '#059669', FAILED: '#e11d48', UNVERIFIED: '#94a3b8' } as const;

function Stat({ label, value, href }: { label: string; value: number; href: string }) {
  return (
    <Link href={href} className="rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200 hover:ring-indigo-300">
      <div className="text-xs text-slate-500">{label}</div>
      <div className="mt-1 text-xl font-semibold tabular-nums text-slate-900">{formatNumber(value)}</div>
    </Link>
  );
}

export default async function OverviewPage() {
  const me = await requirePageUser('inventory:read');
  const actor = actorOf(me);
  // The four reads are independent: asked together, the page waits for the slowest, not the sum
  // (on PostgreSQL they run on separate connections).
  const [o, attention, risk, flows] = await Promise.all([
    getInventoryOverview({ actor, input: {} }),
    getNeedsAttention({ actor, input: {} }),
    can(me.role, 'risk:read') ? getRiskOverview({ actor, input: {} }) : null,
    can(me.role, 'dataFlow:read') ? getDataFlowOverview({ actor, input: {} }) : null,
  ]);
  const tierData = TIERS.map((t) => ({ label: TIER_LABELS[t], value: o.byTier[t], color: TIER_COLORS[t] }));
  const envData = ENVIRONMENTS.map((e) => ({ label: ENVIRONMENT_LABELS[e], value: o.byEnvironment[e], color: ENV_COLORS[e] }));
  const stateData = (['PASSED', 'FAILED', 'UNVERIFIED'] as const).map((s) => ({
    label: s.charAt(0) + s.slice(1).toLowerCase(),
    value: o.byVerification[s],
    color: STATE_COLORS[s],
  }));
  const permData = DIMENSIONS.map((d) => {
    const [low, mid, high] = LEVELS[d];
    return {
      label: DIMENSION_LABELS[d],
      low: o.byPermission[d][low] ?? 0,
      mid: o.byPermission[d][mid] ?? 0,
      high: o.byPermission[d][high] ?? 0,
    };
  });

  return (
    <div className="space-y-6">
      <PageHeader
        title="Overview"
        description="What needs a person today, then the tools, tiers and permissions across your agents (tier and permissions of each tool's latest version)."
      />
      {attention && <NeedsAttentionPanels n={attention} />}
      <h2 className="pt-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">Inventory at a glance</h2>
      <div className="grid gap-4 sm:grid-cols-4">
        <Stat label="Tools in the inventory" value={o.totalTools} href="/inventory" />
        <Stat label="Used in production" value={o.byEnvironment.PRODUCTION} href="/inventory?env=PRODUCTION" />
        <Stat label="Failed verification" value={o.byVerification.FAILED} href="/inventory?verification=FAILED" />
        <Stat label="Open alerts" value={o.openAlerts} href="/monitoring?state=OPEN" />
      </div>
      {risk && (
        <>
          <h2 className="pt-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">Risk</h2>
          <div className="grid gap-4 sm:grid-cols-4">
            <Stat label="Tools in use without a risk assessment" value={risk.unassessedInUse} href="/inventory" />
            <Stat label="High or critical residual risk" value={risk.highOrCritical} href="/risks?minResidual=10" />
            <Stat label="Risk reviews overdue" value={risk.overdue} href="/risks?overdue=1" />
            <Stat label="Vendor reviews overdue" value={risk.vendorOverdue} href="/risks/publishers?status=OVERDUE" />
          </div>
          <OverdueReviewList reviews={risk.overdueReviews} />
        </>
      )}
      {flows && <DataFlowOverviewSection o={flows} />}
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartFrame
          title="Tools by tier"
          testId="chart-tier"
          table={{ head: ['Tier', 'Tools'], rows: tierData.map((d) => [d.label, d.value]) }}
        >
          <CountBarChart data={tierData} />
        </ChartFrame>
        <ChartFrame
          title="Tools by environment"
          description="Distinct tools installed (not revoked) on at least one agent."
          testId="chart-environment"
          table={{ head: ['Environment', 'Tools'], rows: envData.map((d) => [d.label, d.value]) }}
        >
          <CountBarChart data={envData} />
        </ChartFrame>
        <ChartFrame
          title="Permission levels by dimension"
          description="Lowest level grey, middle amber, highest red (network none/internal/external, filesystem none/read/write, code none/sandboxed/unrestricted, data none/read/read-write)."
          testId="chart-permissions"
          table={{
            head: ['Dimension', 'Lowest', 'Middle', 'Highest'],
            rows: permData.map((d) => [d.label, d.low, d.mid, d.high]),
          }}
        >
          <StackedLevelsChart data={permData} names={{ low: 'lowest', mid: 'middle', high: 'highest' }} />
        </ChartFrame>
        <ChartFrame
          title="Verification state"
          testId="chart-verification"
          table={{ head: ['State', 'Tools'], rows: stateData.map((d) => [d.label, d.value]) }}
        >
          <CountBarChart data={stateData} />
        </ChartFrame>
      </div>
    </div>
  );
}
