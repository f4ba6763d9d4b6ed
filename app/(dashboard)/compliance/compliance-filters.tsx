import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { FormField, inputClass } from '@/components/ui/form-field';
import { ENVIRONMENT_LABELS, ENVIRONMENTS } from '@/lib/domain/types';
import type { TComplianceFilter } from '@/lib/validation/policy';

/** A plain GET form: filters live in the URL. */
export function ComplianceFilters({ filter }: { filter: TComplianceFilter }) {
  return (
    <form method="get" action="/compliance" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Filter the compliance matrix">
      <FormField label="Tool name" name="q">
        <input id="q" name="q" defaultValue={filter.q} className={inputClass} placeholder="contains…" />
      </FormField>
      <FormField label="Status" name="status">
        <select id="status" name="status" defaultValue={filter.status ?? 'all'} className={inputClass}>
          <option value="all">Any</option>
          <option value="failing">Fails somewhere</option>
          <option value="covered">Covered by an exception</option>
          <option value="passing">Passes everywhere</option>
        </select>
      </FormField>
      <FormField label="Environment" name="environment">
        <select id="environment" name="environment" defaultValue={filter.environment ?? ''} className={inputClass}>
          <option value="">All</option>
          {ENVIRONMENTS.map((e) => (
            <option key={e} value={e}>
              {ENVIRONMENT_LABELS[e]}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Versions" name="scope">
        <select id="scope" name="scope" defaultValue={filter.scope ?? 'latest'} className={inputClass}>
          <option value="latest">Latest of each tool</option>
          <option value="all">Every version</option>
        </select>
      </FormField>
      <div className="flex items-center gap-2 sm:col-span-2 lg:col-span-4">
        <button type="submit" className={buttonClass('primary', 'sm')}>
          Apply filters
        </button>
        <Link href="/compliance" className={buttonClass('ghost', 'sm')}>
          Clear
        </Link>
      </div>
    </form>
  );
}
