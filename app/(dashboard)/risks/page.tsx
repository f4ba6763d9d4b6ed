import type { Metadata } from 'next';
import { listRiskRegister } from '@/lib/server/risks/list-risk-register';
import { ZRiskRegisterQuery } from '@/lib/validation/risk';
import type { RawSearchParams } from '@/lib/validation/search-params';
import { RISK_BAND_LABELS, RISK_BANDS, TREATMENT_LABELS, TREATMENTS } from '@/lib/domain/risk/score';
import { ListFilters } from '@/components/list/list-filters';
import { ListResults } from '@/components/list/list-results';
import { loadListPage } from '@/components/list/load-list-page';
import { ReviewSummary } from '@/components/list/review-summary';
import { CheckboxFilter, SearchFilter, SelectFilter, optionsOf } from '@/components/list/filters';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { RiskHeatMaps } from '@/components/risks/heat-map';
import { RiskRegisterTable } from '@/components/risks/risk-register-table';
import { RiskTabs } from '@/components/risks/risk-tabs';

export const metadata: Metadata = { title: 'Risk register' };

export default async function RisksPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { query, filter, issues, data, f, href, visibility } = await loadListPage({
    path: '/risks',
    permission: 'risk:read',
    schema: ZRiskRegisterQuery,
    searchParams,
    load: listRiskRegister,
    toUrl: (q) => ({ ...q, overdue: q.overdue ? '1' : undefined }),
  });
  return (
    <div className="space-y-4">
      <PageHeader
        title="Risk register"
        description="Each tool’s current risk assessment (CC3.2, CC9.1): likelihood × impact before and after its controls, the treatment, who owns it and when it is reviewed next. Assess a tool from its risk page; every reassessment is kept."
      />
      <RiskTabs current="/risks" />
      <ListFilters query={query} issues={issues} typed={['q']} path="/risks" label="Filter the risk register">
        <SearchFilter {...f('q')} label="Tool" />
        <SelectFilter {...f('band')} label="Residual rating" options={optionsOf(RISK_BANDS, RISK_BAND_LABELS)} />
        <SelectFilter {...f('treatment')} label="Treatment" options={optionsOf(TREATMENTS, TREATMENT_LABELS)} />
        <SelectFilter
          {...f('minResidual')}
          value={filter.minResidual?.toString()}
          label="Residual score at least"
          options={[4, 5, 8, 10, 12, 16, 20].map((n) => ({ value: String(n), label: String(n) }))}
        />
        <CheckboxFilter name="overdue" label="Review overdue" checked={filter.overdue} />
      </ListFilters>
      <Card title="Heat map">
        <RiskHeatMaps inherent={data.heat.inherent} residual={data.heat.residual} />
      </Card>
      <ListResults
        list={data}
        noun="assessed tool"
        summary={<ReviewSummary overdue={data.overdue} />}
        pagesLabel="Risk register pages"
        href={href}
        empty={{ title: 'No assessments match', body: 'Change the filters, or assess a tool from its inventory page.' }}
      >
        <RiskRegisterTable rows={data.rows} visibility={visibility} />
      </ListResults>
    </div>
  );
}
