import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { FormField, inputClass } from '@/components/ui/form-field';
import type { TAuditFilterInput } from '@/lib/validation/audit';

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and shared. */
export function AuditFilters({
  filter,
  entityTypes,
  errors,
}: {
  filter: TAuditFilterInput;
  entityTypes: string[];
  errors: Record<string, string>;
}) {
  return (
    <form method="get" action="/audit" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label="Filter the audit trail">
      <FormField label="Entity type" name="entityType" error={errors.entityType}>
        <select id="entityType" name="entityType" defaultValue={filter.entityType ?? ''} className={inputClass}>
          <option value="">Any</option>
          {entityTypes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Entity id" name="entityId" error={errors.entityId}>
        <input id="entityId" name="entityId" defaultValue={filter.entityId} className={inputClass} />
      </FormField>
      <FormField label="Actor" name="actor" error={errors.actor}>
        <input id="actor" name="actor" defaultValue={filter.actor} placeholder="email, key name or id" className={inputClass} />
      </FormField>
      <FormField label="Action" name="action" error={errors.action}>
        <input id="action" name="action" defaultValue={filter.action} placeholder="e.g. user." className={inputClass} />
      </FormField>
      <FormField label="From (UTC)" name="from" error={errors.from}>
        <input id="from" name="from" type="date" defaultValue={filter.from} className={inputClass} />
      </FormField>
      <FormField label="To (UTC)" name="to" error={errors.to}>
        <input id="to" name="to" type="date" defaultValue={filter.to} className={inputClass} />
      </FormField>
      <div className="flex items-center gap-2 sm:col-span-3 lg:col-span-6">
        <button type="submit" className={buttonClass('primary', 'sm')}>
          Apply filters
        </button>
        <Link href="/audit" className={buttonClass('ghost', 'sm')}>
          Clear
        </Link>
      </div>
    </form>
  );
}
