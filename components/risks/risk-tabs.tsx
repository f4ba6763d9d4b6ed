import Link from 'next/link';
import { cn } from '@/components/ui/cn';

const TABS = [
  { href: '/risks', label: 'Tools' },
  { href: '/risks/publishers', label: 'Publishers' },
  { href: '/risks/registries', label: 'Registries' },
] as const;

/** The risk register's three views: tool risks, publisher (vendor) reviews, registry reviews. */
export function RiskTabs({ current }: { current: (typeof TABS)[number]['href'] }) {
  return (
    <nav aria-label="Risk register views" className="flex gap-1 border-b border-slate-200">
      {TABS.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={t.href === current ? 'page' : undefined}
          className={cn(
            '-mb-px border-b-2 px-3 py-2 text-sm',
            t.href === current
              ? 'border-indigo-600 font-medium text-indigo-700'
              : 'border-transparent text-slate-600 hover:text-slate-900',
          )}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
