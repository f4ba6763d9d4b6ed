import type { Metadata } from 'next';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { listRiskRegister } from '@/lib/server/risks/list-risk-register';
import { ZRiskRegisterQuery } from '@/lib/validation/risk';
import { buildHref, parseSearchParams, ZHiddenColumns } from '@/lib/validation/search-params';
import { fieldErrorsOf } from '@/lib/server/guards/action-result';
import { RISK_BAND_LABELS, RISK_BANDS, TREATMENT_LABELS, TREATMENTS } from '@/lib/domain/risk/score';
import { FilterBar } from '@/components/list/filter-bar';
import { CheckboxFilter, QueryIssues, SearchFilter, SelectFilter } from '@/components/list/filters';
import { Pagination } from '@/components/tables/pagination';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatCount } from '@/components/ui/format';
import { RiskHeatMaps } from '@/components/risks/heat-map';
import { RiskRegisterTable } from '@/components/risks/risk-register-table';

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
  const errors = fieldErrorsOf(issues);
  const pages = Math.max(1, Math.ceil(register.total / register.pageSize));
  return (
    <div className="space-y-4">
      <PageHeader
        title="Risk register"
        description="Each tool’s current risk assessment (CC3.2, CC9.1): likelihood × impact before and after its controls, the treatment, who owns it and when it is reviewed next. Assess a tool from its risk page; every reassessment is kept."
      />
      <QueryIssues issues={issues} />
      <FilterBar
        key={JSON.stringify(filter)}
        path="/risks"
        label="Filter the risk register"
        keep={{ hide: hide.join(',') || undefined }}
      >
        <SearchFilter name="q" label="Tool" value={filter.q} error={errors.q} />
        <SelectFilter
          name="band"
          label="Residual rating"
          value={filter.band}
          error={errors.band}
          options={RISK_BANDS.map((b) => ({ value: b, label: RISK_BAND_LABELS[b] }))}
        />
        <SelectFilter
          name="treatment"
          label="Treatment"
          value={filter.treatment}
          error={errors.treatment}
          options={TREATMENTS.map((t) => ({ value: t, label: TREATMENT_LABELS[t] }))}
        />
        <SelectFilter
          name="minResidual"
          label="Residual score at least"
          value={filter.minResidual?.toString()}
          error={errors.minResidual}
          options={[4, 5, 8, 10, 12, 16, 20].map((n) => ({ value: String(n), label: String(n) }))}
        />
        <CheckboxFilter name="overdue" label="Review overdue" checked={filter.overdue} />
      </FilterBar>
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
