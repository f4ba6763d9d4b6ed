'use client';

import { useEffect, useRef, useTransition } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { FormField, inputClass } from '@/components/ui/form-field';
import { buttonClass } from '@/components/ui/button';
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

/**
 * Filter controls. Every change rewrites the URL (router.replace), and the server page reads it;
 * without JavaScript the same form submits as a plain GET.
 */
export function InventoryFilters({ query, registries, publishers, errors }: InventoryFiltersProps) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [pending, startTransition] = useTransition();
  const searchRef = useRef<HTMLInputElement>(null);

  // The page remounts this form when other filters change (its key); the search box is kept
  // mounted so typing keeps focus, and follows the URL when it changes elsewhere (Clear, back).
  useEffect(() => {
    const input = searchRef.current;
    if (input && document.activeElement !== input) input.value = query.q ?? '';
  }, [query.q]);

  function apply() {
    const form = formRef.current;
    if (!form) return;
    const data = new FormData(form);
    const params = new URLSearchParams();
    const tiers = data.getAll('tier').map(String);
    for (const [key, value] of data.entries()) {
      if (key === 'tier' || typeof value !== 'string' || value.trim() === '') continue;
      if (key === 'pageSize' && value === String(INVENTORY_DEFAULT_PAGE_SIZE)) continue;
      params.set(key, value.trim());
    }
    if (tiers.length) params.set('tier', tiers.join(','));
    if (query.sort !== 'name') params.set('sort', query.sort);
    if (query.dir !== 'asc') params.set('dir', query.dir);
    startTransition(() => router.replace(`/inventory${params.size ? `?${params.toString()}` : ''}`, { scroll: false }));
  }

  function applySoon() {
    clearTimeout(timer.current);
    timer.current = setTimeout(apply, 400);
  }

  const select = (name: string, label: string, value: string | undefined, options: { value: string; label: string }[]) => (
    <FormField label={label} name={name} error={errors[name]}>
      <select id={name} name={name} defaultValue={value ?? ''} onChange={apply} className={inputClass}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FormField>
  );

  return (
    <form
      ref={formRef}
      method="get"
      action="/inventory"
      aria-label="Filter the inventory"
      aria-busy={pending}
      onSubmit={(e) => {
        e.preventDefault();
        clearTimeout(timer.current);
        apply();
      }}
      className="space-y-4"
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <FormField label="Search" name="q" error={errors.q} hint="Name, description or publisher" className="sm:col-span-2">
          <input ref={searchRef} id="q" name="q" type="search" defaultValue={query.q ?? ''} onChange={applySoon} className={inputClass} placeholder="e.g. github, pdf, slack" />
        </FormField>
        {select('env', 'Environment', query.env, ENVIRONMENTS.map((e) => ({ value: e, label: ENVIRONMENT_LABELS[e] })))}
        {select('verification', 'Verification', query.verification, [
          { value: 'PASSED', label: 'Passed' },
          { value: 'FAILED', label: 'Failed' },
          { value: 'UNVERIFIED', label: 'Unverified' },
        ])}
        {DIMENSIONS.map((d) => select(d, DIMENSION_LABELS[d], query[d], LEVELS[d].map((l) => ({ value: l, label: formatLevel(d, l) }))))}
        {select('registry', 'Registry', query.registry, registries.map((r) => ({ value: r.id, label: r.name })))}
        {select('publisher', 'Publisher', query.publisher, publishers.map((p) => ({ value: p.id, label: `${p.name} (${p.registryName})` })))}
        <FormField label="Rows per page" name="pageSize" error={errors.pageSize}>
          <select id="pageSize" name="pageSize" defaultValue={String(query.pageSize)} onChange={apply} className={inputClass}>
            {[10, 25, 50, 100].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Tier</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {TIERS.map((t) => (
            <label key={t} className="inline-flex items-center gap-1.5 text-sm text-slate-700">
              <input type="checkbox" name="tier" value={t} defaultChecked={query.tier?.includes(t) ?? false} onChange={apply} />
              {TIER_LABELS[t]}
            </label>
          ))}
        </div>
        {errors.tier && (
          <p role="alert" className="mt-1 text-xs font-medium text-rose-600">
            {errors.tier}
          </p>
        )}
      </fieldset>
      <div className="flex items-center gap-2">
        <button type="submit" className={buttonClass('primary', 'sm')}>
          Apply filters
        </button>
        <Link href="/inventory" className={buttonClass('ghost', 'sm')}>
          Clear
        </Link>
        {pending && <span className="text-xs text-slate-500">Updating…</span>}
      </div>
    </form>
  );
}
