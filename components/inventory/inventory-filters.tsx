import { RISK_BAND_LABELS, riskBand } from '@/lib/domain/risk/score';
import { FilterBar } from '@/components/list/filter-bar';
import { MultiSelectFilter, SearchFilter, SelectFilter } from '@/components/list/filters';
import { DIMENSIONS, DIMENSION_LABELS, LEVELS, formatLevel } from '@/lib/domain/permissions';
import { ENVIRONMENTS, ENVIRONMENT_LABELS, TIERS } from '@/lib/domain/types';
import { TIER_LABELS } from '@/lib/domain/tiers';
import { INVENTORY_DEFAULT_PAGE_SIZE, type TInventoryQuery } from '@/lib/validation/inventory';

export interface InventoryFiltersProps {
  query: TInventoryQuery;
  registries: { id: string; name: string }[];
  publishers: { id: string; name: string; registryName: string }[];
  errors: Record<string, string>;
}

/** The inventory's filters on the shared filter bar; sort stays as the column headers set it. */
export function InventoryFilters({ query, registries, publishers, errors }: InventoryFiltersProps) {
  return (
    <FilterBar
      path="/inventory"
      label="Filter the inventory"
      defaults={{ pageSize: String(INVENTORY_DEFAULT_PAGE_SIZE) }}
      keep={{ sort: query.sort !== 'name' ? query.sort : undefined, dir: query.dir !== 'asc' ? query.dir : undefined }}
    >
      <SearchFilter
        name="q"
        label="Search"
        value={query.q}
        error={errors.q}
        hint="Name, description or publisher"
        placeholder="e.g. github, pdf, slack"
      />
      <SelectFilter
        name="env"
        label="Environment"
        value={query.env}
        error={errors.env}
        options={ENVIRONMENTS.map((e) => ({ value: e, label: ENVIRONMENT_LABELS[e] }))}
      />
      <SelectFilter
        name="verification"
        label="Verification"
        value={query.verification}
        error={errors.verification}
        options={[
          { value: 'PASSED', label: 'Passed' },
          { value: 'FAILED', label: 'Failed' },
          { value: 'UNVERIFIED', label: 'Unverified' },
        ]}
      />
      <SelectFilter
        name="exception"
        label="Policy exception"
        value={query.exception}
        error={errors.exception}
        options={[{ value: 'covered', label: 'Covered by exception' }]}
      />
      <SelectFilter
        name="subprocessor"
        label="Data flow"
        value={query.subprocessor}
        error={errors.subprocessor}
        options={[{ value: 'yes', label: 'Subprocessor (data leaves)' }]}
      />
      {DIMENSIONS.map((d) => (
        <SelectFilter
          key={d}
          name={d}
          label={DIMENSION_LABELS[d]}
          value={query[d]}
          error={errors[d]}
          options={LEVELS[d].map((l) => ({ value: l, label: formatLevel(d, l) }))}
        />
      ))}
      <SelectFilter
        name="registry"
        label="Registry"
        value={query.registry}
        error={errors.registry}
        options={registries.map((r) => ({ value: r.id, label: r.name }))}
      />
      <SelectFilter
        name="publisher"
        label="Publisher"
        value={query.publisher}
        error={errors.publisher}
        options={publishers.map((p) => ({ value: p.id, label: `${p.name} (${p.registryName})` }))}
      />
      <SelectFilter
        name="riskAtLeast"
        label="Residual risk at least"
        value={query.riskAtLeast?.toString()}
        error={errors.riskAtLeast}
        options={[5, 10, 16].map((n) => ({ value: String(n), label: `${n} (${RISK_BAND_LABELS[riskBand(n)].toLowerCase()})` }))}
      />
      <SelectFilter
        name="pageSize"
        label="Rows per page"
        value={String(query.pageSize)}
        error={errors.pageSize}
        anyLabel={null}
        options={[10, 25, 50, 100].map((n) => ({ value: String(n), label: String(n) }))}
      />
      <MultiSelectFilter
        name="tier"
        label="Tier"
        values={query.tier}
        error={errors.tier}
        options={TIERS.map((t) => ({ value: t, label: TIER_LABELS[t] }))}
      />
    </FilterBar>
  );
}
