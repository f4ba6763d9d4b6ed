'use client';

import { useRef, useTransition } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { buttonClass } from '@/components/ui/button';

export interface FilterBarProps {
  /** The list page's path; the form submits there (a plain GET without JavaScript). */
  path: string;
  /** Accessible name of the form, e.g. "Filter the audit trail". */
  label: string;
  /** Query values the controls do not show but the view keeps (sort, tab, page size). */
  keep?: Record<string, string | undefined>;
  /** Values equal to these are left out of the address. */
  defaults?: Record<string, string>;
  children: React.ReactNode;
}

const TYPING = new Set(['search', 'text', 'date', 'number']);

/**
 * The filter bar of every list page. Each change rewrites the URL (router.replace, page back to
 * 1) and the server page re-reads it through its zod schema, so a filtered view is a link
 * anyone can bookmark; typing is debounced. Without JavaScript it is the same form as a GET.
 */
export function FilterBar({ path, label, keep = {}, defaults = {}, children }: FilterBarProps) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [pending, startTransition] = useTransition();

  function apply() {
    const form = formRef.current;
    if (!form) return;
    const values = new Map<string, string[]>();
    for (const [key, value] of new FormData(form).entries()) {
      if (typeof value !== 'string' || value.trim() === '') continue;
      values.set(key, [...(values.get(key) ?? []), value.trim()]);
    }
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(keep)) if (value) params.set(key, value);
    for (const [key, list] of values) {
      const text = list.join(',');
      if (defaults[key] === text) params.delete(key);
      else params.set(key, text);
    }
    params.delete('page');
    const qs = params.toString();
    startTransition(() => router.replace(`${path}${qs ? `?${qs}` : ''}`, { scroll: false }));
  }

  function onChange(e: React.ChangeEvent<HTMLFormElement>) {
    clearTimeout(timer.current);
    const target = e.target as unknown as HTMLInputElement;
    if (TYPING.has(target.type)) timer.current = setTimeout(apply, 400);
    else apply();
  }

  return (
    <form
      ref={formRef}
      method="get"
      action={path}
      aria-label={label}
      aria-busy={pending}
      onChange={onChange}
      onSubmit={(e) => {
        e.preventDefault();
        clearTimeout(timer.current);
        apply();
      }}
      className="space-y-3"
    >
      {Object.entries(keep).map(([key, value]) => (value ? <input key={key} type="hidden" name={key} value={value} /> : null))}
      <div className="grid items-start gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-6">{children}</div>
      <div className="flex items-center gap-2">
        <button type="submit" className={buttonClass('primary', 'sm')}>
          Apply filters
        </button>
        <Link href={path} className={buttonClass('ghost', 'sm')}>
          Clear
        </Link>
        <span className="text-xs text-slate-500" aria-live="polite">
          {pending ? 'Updating…' : ''}
        </span>
      </div>
    </form>
  );
}
