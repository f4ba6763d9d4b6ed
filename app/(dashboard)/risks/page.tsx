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
import { Card } from '@/components/ui/card';
import { RiskHeatMaps } from '@/components/risks/heat-map';
import { RiskRegisterTable } from '@/components/risks/risk-register-table';
import { RiskRegisterHeader } from '@/components/risks/risk-register-header';

export const metadata: Metadata = { title: 'Risk register' };
// What the page lists and who may read it; the address adds the filters.
const LIST = { path: '/risks', permission: 'risk:read', schema: ZRiskRegisterQuery, load: listRiskRegister } as const;

export default async function RisksPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { bar, results, filter, data, f, visibility } = await loadListPage({ ...LIST, searchParams });
  return (
    <div className="space-y-4">
      <RiskRegisterHeader current="/risks" />
      <ListFilters {...bar} typed={['q']} label="Filter the risk register">
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
        {...results}
        noun="assessed tool"
        summary={<ReviewSummary overdue={data.overdue} />}
        pagesLabel="Risk register pages"
        empty={{ title: 'No assessments match', body: 'Change the filters, or assess a tool from its inventory page.' }}
      >
        <RiskRegisterTable rows={data.rows} visibility={visibility} />
      </ListResults>
    </div>
  );
}
