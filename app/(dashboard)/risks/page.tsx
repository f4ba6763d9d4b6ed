import type { Metadata } from 'next';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { listRiskRegister } from '@/lib/server/risks/list-risk-register';
import { ZRiskRegisterQuery } from '@/lib/validation/risk';
import { buildHref, parseSearchParams, ZHiddenColumns } from '@/lib/validation/search-params';
import { RISK_BAND_LABELS, RISK_BANDS, TREATMENT_LABELS, TREATMENTS } from '@/lib/domain/risk/score';
import { ListFilters } from '@/components/list/list-filters';
import { CheckboxFilter, filterFields, SearchFilter, SelectFilter } from '@/components/list/filters';
import { Pagination } from '@/components/tables/pagination';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatCount } from '@/components/ui/format';
import { RiskHeatMaps } from '@/components/risks/heat-map';
import { RiskRegisterTable } from '@/components/risks/risk-register-table';
import { RiskTabs } from '@/components/risks/risk-tabs';

export const metadata: Metadata = { title: 'Risk register' };

const ZRisksPageQuery = ZRiskRegisterQuery.extend({ hide: ZHiddenColumns });
type TRisksPageQuery = ReturnType<typeof ZRisksPageQuery.parse>;
const href = (q: Partial<TRisksPageQuery>) =>
  buildHref('/risks', { ...q, overdue: q.overdue ? '1' : undefined }, { page: 1, pageSize: 25 });

export default async function RisksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser('risk:read');
  const { query, issues } = parseSearchParams(ZRisksPageQuery, await searchParams);
  const { hide = [], ...filter } = query;
  const register = await listRiskRegister({ actor: actorOf(user), input: filter });
  const f = filterFields(filter, issues);
  const pages = Math.max(1, Math.ceil(register.total / register.pageSize));
  return (
    <div className="space-y-4">
      <PageHeader
        title="Risk register"
        description="Each tool’s current risk assessment (CC3.2, CC9.1): likelihood × impact before and after its controls, the treatment, who owns it and when it is reviewed next. Assess a tool from its risk page; every reassessment is kept."
      />
      <RiskTabs current="/risks" />
      <ListFilters query={query} issues={issues} typed={['q']} path="/risks" label="Filter the risk register">
        <SearchFilter {...f('q')} label="Tool" />
        <SelectFilter
          {...f('band')}
          label="Residual rating"
          options={RISK_BANDS.map((b) => ({ value: b, label: RISK_BAND_LABELS[b] }))}
        />
        <SelectFilter
          {...f('treatment')}
          label="Treatment"
          options={TREATMENTS.map((t) => ({ value: t, label: TREATMENT_LABELS[t] }))}
        />
        <SelectFilter
          {...f('minResidual')}
          value={filter.minResidual?.toString()}
          label="Residual score at least"
          options={[4, 5, 8, 10, 12, 16, 20].map((n) => ({ value: String(n), label: String(n) }))}
        />
        <CheckboxFilter name="overdue" label="Review overdue" checked={filter.overdue} />
      </ListFilters>
      <Card title="Heat map">
        <RiskHeatMaps inherent={register.heat.inherent} residual={register.heat.residual} />
      </Card>
      <p className="text-sm text-slate-600">
        {formatCount(register.total, 'assessed tool')}
        {register.overdue > 0 && (
          <span className="font-medium text-rose-700">
            , {register.overdue} review{register.overdue === 1 ? '' : 's'} overdue
          </span>
        )}
      </p>
      {register.rows.length === 0 ? (
        <EmptyState title="No assessments match">Change the filters, or assess a tool from its inventory page.</EmptyState>
      ) : (
        <RiskRegisterTable rows={register.rows} visibility={{ hidden: hide, href: (h) => href({ ...query, hide: h }) }} />
      )}
      <Pagination label="Risk register pages" page={register.page} pageCount={pages} href={(p) => href({ ...query, page: p })} />
    </div>
  );
}
