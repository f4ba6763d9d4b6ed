import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { FormField, inputClass } from '@/components/ui/form-field';
import type { TEnforcementLogFilter } from '@/lib/validation/enforce';

export function EnforcementFilters({ filter }: { filter: TEnforcementLogFilter }) {
  return (
    <form method="get" action="/enforcement" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label="Filter the enforcement log">
      <FormField label="Outcome" name="outcome">
        <select id="outcome" name="outcome" defaultValue={filter.outcome ?? ''} className={inputClass}>
          <option value="">Any</option>
          <option value="ALLOW">Allowed</option>
          <option value="DENY">Denied</option>
        </select>
      </FormField>
      <FormField label="Action" name="action">
        <select id="action" name="action" defaultValue={filter.action ?? ''} className={inputClass}>
          <option value="">Any</option>
          <option value="INSTALL">Install</option>
          <option value="INVOKE">Invoke</option>
        </select>
      </FormField>
      <FormField label="Agent" name="agent">
        <input id="agent" name="agent" defaultValue={filter.agent} placeholder="exact name" className={inputClass} />
      </FormField>
      <FormField label="Tool" name="tool">
        <input id="tool" name="tool" defaultValue={filter.tool} placeholder="exact name" className={inputClass} />
      </FormField>
      <FormField label="From (UTC)" name="from">
        <input id="from" name="from" type="date" defaultValue={filter.from} className={inputClass} />
      </FormField>
      <FormField label="To (UTC)" name="to">
        <input id="to" name="to" type="date" defaultValue={filter.to} className={inputClass} />
      </FormField>
      <div className="flex items-center gap-2 sm:col-span-3 lg:col-span-6">
        <button type="submit" className={buttonClass('primary', 'sm')}>
          Apply filters
        </button>
        <Link href="/enforcement" className={buttonClass('ghost', 'sm')}>
          Clear
        </Link>
      </div>
    </form>
  );
}
