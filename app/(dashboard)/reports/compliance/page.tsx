import type { Metadata } from 'next';
import Link from 'next/link';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { getComplianceReport } from '@/lib/server/reports/get-compliance-report';
import { forbiddenOnRefusal } from '@/lib/server/guards/forbidden-on-refusal';
import { VERIFICATION_STATE_LABELS, VERIFICATION_STATES, type ComplianceTotals } from '@/lib/domain/reports/compliance-report';
import { RISK_BAND_LABELS, RISK_BANDS } from '@/lib/domain/risk/score';
import { TIER_LABELS } from '@/lib/domain/tiers';
import { ENVIRONMENT_LABELS, ENVIRONMENTS, TIERS } from '@/lib/domain/types';
import { ZComplianceReportPageQuery, type TComplianceReportPageQuery } from '@/lib/validation/reports';
import { hrefBuilder, parseSearchParams, type RawSearchParams } from '@/lib/validation/search-params';
import { filterFields, SelectFilter } from '@/components/list/filters';
import { ListFilters } from '@/components/list/list-filters';
import { COMPLIANCE_REPORT_TABLE_COLUMNS } from '@/components/reports/compliance-report-columns';
import { DataTable } from '@/components/tables/data-table';
import { Pagination } from '@/components/tables/pagination';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDateTime } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Compliance report' };

const href = hrefBuilder<TComplianceReportPageQuery>('/reports/compliance', { page: 1 });

function Totals({ totals }: { totals: ComplianceTotals }) {
  const items: [string, string, string][] = [
    ['tools', 'Tools in use', `${totals.tools} (${totals.versions} versions)`],
    [
      'environments',
      'Versions per environment',
      ENVIRONMENTS.map((e) => `${ENVIRONMENT_LABELS[e]} ${totals.byEnvironment[e]}`).join(' · '),
    ],
    [
      'verification',
      'Verification',
      VERIFICATION_STATES.map((s) => `${VERIFICATION_STATE_LABELS[s]} ${totals.byVerification[s]}`).join(' · '),
    ],
    ['tiers', 'Tier', TIERS.map((t) => `${TIER_LABELS[t]} ${totals.byTier[t]}`).join(' · ')],
    ['exceptions', 'Under exception', `${totals.versionsUnderException} versions · ${totals.exceptions} exceptions in force`],
    [
      'risks',
      'Risk (residual, per tool)',
      `${RISK_BANDS.map((b) => `${RISK_BAND_LABELS[b]} ${totals.byRiskBand[b]}`).join(' · ')} · not assessed ${totals.unassessed} · overdue ${totals.reviewsOverdue}`,
    ],
  ];
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Totals" data-testid="report-totals">
      {items.map(([id, label, value]) => (
        <div key={id} className="rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200" data-testid={`total-${id}`}>
          <dt className="text-xs font-medium text-slate-500">{label}</dt>
          <dd className="mt-1 text-sm text-slate-800 tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function ComplianceReportPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const me = await requirePageUser('evidence:read');
  const { query, issues } = parseSearchParams(ZComplianceReportPageQuery, await searchParams);
  const { hide = [], ...filter } = query;
  const r = await getComplianceReport({
    actor: actorOf(me),
    input: { environment: filter.environment, page: filter.page, pageSize: 50 },
  }).catch(forbiddenOnRefusal);
  const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
  const f = filterFields(filter, issues);
  const pdfHref = `/api/reports/compliance/pdf${filter.environment ? `?environment=${filter.environment}` : ''}`;
  return (
    <div className="space-y-4">
      <PageHeader
        title="Compliance report"
        description={
          <>
            Every tool version in use (an active installation on an agent) with its verification, tier, declared permissions, the
            approved exceptions that cover it and its current risk.{' '}
            {r.scopedTo ? (
              <span data-testid="report-scope">
                Limited to your open audits&apos; environments:{' '}
                {r.scopedTo.map((e) => ENVIRONMENT_LABELS[e]).join(', ') || 'none'}.
              </span>
            ) : (
              <>
                The governing rules are in the{' '}
                <Link href="/reports/governance-policy" className="text-indigo-700 hover:underline">
                  governance policy
                </Link>
                .
              </>
            )}
          </>
        }
        actions={
          <a href={pdfHref} className={buttonClass('primary')} data-testid="download-report-pdf" download>
            Download PDF
          </a>
        }
      />
      <ListFilters query={query} issues={issues} path="/reports/compliance" label="Filter the compliance report">
        <SelectFilter
          {...f('environment')}
          label="Environment"
          anyLabel="All"
          options={ENVIRONMENTS.map((e) => ({ value: e, label: ENVIRONMENT_LABELS[e] }))}
        />
      </ListFilters>
      <Totals totals={r.totals} />
      <p className="text-xs text-slate-500">
        {r.environment ? `Environment: ${ENVIRONMENT_LABELS[r.environment]}` : 'All environments'} · generated{' '}
        {formatDateTime(r.generatedAt)} UTC
      </p>
      {r.rows.length === 0 ? (
        <EmptyState title="No tool is in use here">Tools appear once an installation on an agent is active.</EmptyState>
      ) : (
        <DataTable
          label="Compliance report"
          columns={COMPLIANCE_REPORT_TABLE_COLUMNS}
          rows={r.rows}
          getRowId={(x) => x.toolVersionId}
          rowTestId="report-row"
          visibility={{ hidden: hide, href: (h) => href({ ...query, hide: h }) }}
        />
      )}
      <Pagination label="Compliance report pages" page={r.page} pageCount={pages} href={(p) => href({ ...query, page: p })} />
    </div>
  );
}
