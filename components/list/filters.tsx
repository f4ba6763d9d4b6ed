import { cn } from '@/components/ui/cn';
import { FormField, inputClass } from '@/components/ui/form-field';

export interface FilterOption {
  value: string;
  label: string;
}

interface Common {
  name: string;
  label: string;
  error?: string;
  className?: string;
}

/** One value from a list; "Any" (empty) leaves the filter off. */
export function SelectFilter({
  name,
  label,
  value,
  options,
  error,
  className,
  anyLabel = 'Any',
}: Common & { value?: string; options: FilterOption[]; anyLabel?: string | null }) {
  return (
    <FormField label={label} name={name} error={error} className={className}>
      <select
        id={name}
        name={name}
        defaultValue={value ?? ''}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
      >
        {anyLabel !== null && <option value="">{anyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FormField>
  );
}

/** Several values of one field, as checkboxes (sent as repeated keys, joined in the URL). */
export function MultiSelectFilter({
  name,
  label,
  values,
  options,
  error,
  className,
}: Common & { values?: readonly string[]; options: FilterOption[] }) {
  return (
    <fieldset className={cn('sm:col-span-2 lg:col-span-3', className)} aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-700">{label}</legend>
      <div className="mt-1.5 flex flex-wrap gap-x-3 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="inline-flex items-center gap-1.5 text-sm text-slate-700">
            <input type="checkbox" name={name} value={o.value} defaultChecked={values?.includes(o.value) ?? false} />
            {o.label}
          </label>
        ))}
      </div>
      {error && (
        <p id={`${name}-error`} role="alert" className="mt-1 text-xs font-medium text-rose-600">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Free text; the bar applies it after the person stops typing. */
export function SearchFilter({
  name,
  label,
  value,
  placeholder,
  hint,
  error,
  className,
}: Common & { value?: string; placeholder?: string; hint?: string }) {
  return (
    <FormField label={label} name={name} error={error} hint={hint} className={cn('sm:col-span-2', className)}>
      <input
        id={name}
        name={name}
        type="search"
        defaultValue={value ?? ''}
        placeholder={placeholder}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
      />
    </FormField>
  );
}

/** A from/to pair of UTC days (inclusive), named `from` and `to` unless told otherwise. */
export function DateRangeFilter({
  from,
  to,
  errors = {},
  names = { from: 'from', to: 'to' },
}: {
  from?: string;
  to?: string;
  errors?: Record<string, string>;
  names?: { from: string; to: string };
}) {
  const day = (name: string, label: string, value?: string) => (
    <FormField label={label} name={name} error={errors[name]}>
      <input
        id={name}
        name={name}
        type="date"
        defaultValue={value ?? ''}
        className={inputClass}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${name}-error` : undefined}
      />
    </FormField>
  );
  return (
    <>
      {day(names.from, 'From (UTC)', from)}
      {day(names.to, 'To (UTC)', to)}
    </>
  );
}

/** The address had filters the page could not read: say which and why, and show the rest. */
export function QueryIssues({ issues }: { issues: { path: string; message: string }[] }) {
  if (issues.length === 0) return null;
  return (
    <div role="alert" className="rounded-md bg-rose-50 p-3 text-sm text-rose-800 ring-1 ring-rose-200" data-testid="query-errors">
      <p className="font-medium">Some filters in the address were not understood and are ignored:</p>
      <ul className="mt-1 list-disc pl-5">
        {issues.map((i) => (
          <li key={i.path}>
            <span className="font-mono">{i.path}</span>: {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A yes/no filter (`name=1` when checked). */
export function CheckboxFilter({ name, label, checked }: { name: string; label: string; checked?: boolean }) {
  return (
    <label className="flex items-center gap-1.5 self-end pb-1.5 text-sm text-slate-700">
      <input type="checkbox" name={name} value="1" defaultChecked={checked ?? false} /> {label}
    </label>
  );
}

/**
 * Binds filter controls to the page's parsed query and its issues, so each control names its
 * field once: `const f = filterFields(query, issues)` then `<SelectFilter {...f('kind')} label="Kind" … />`.
 */
export function filterFields<Q extends object>(query: Q, issues: readonly { path: string; message: string }[]) {
  const errors: Record<string, string> = {};
  for (const i of issues) errors[i.path] ??= i.message;
  return (name: keyof Q & string) => {
    const value = query[name];
    return { name, value: typeof value === 'string' ? value : undefined, error: errors[name] };
  };
}

/** A select's options from an enum's values and its label table, in the values' order. */
export function optionsOf<V extends string>(values: readonly V[], labels: Readonly<Record<V, string>>): FilterOption[] {
  return values.map((value) => ({ value, label: labels[value] }));
}
