'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';

export interface SidebarSection {
  heading: string | null;
  items: { href: string; label: string; count?: number }[];
}

/** The main navigation: sections with headings, the current page marked, counts beside labels. */
export function SidebarNav({ sections, onNavigate }: { sections: SidebarSection[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  const under = (href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`));
  // The most specific item is the current page: /monitoring/least-privilege is not also Alerts (/monitoring).
  const current = sections
    .flatMap((s) => s.items.map((i) => i.href))
    .filter(under)
    .sort((a, b) => b.length - a.length)[0];
  return (
    <nav aria-label="Main" className="space-y-4">
      {sections.map((section) => (
        <div key={section.heading ?? 'home'}>
          {section.heading && (
            <h2 className="mb-1 px-3 text-[11px] font-semibold tracking-wider text-slate-400 uppercase">{section.heading}</h2>
          )}
          <ul className="space-y-0.5">
            {section.items.map((item) => {
              const active = item.href === current;
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    onClick={onNavigate}
                    aria-current={active ? 'page' : undefined}
                    className={cn(
                      'flex items-center justify-between rounded-md px-3 py-1.5 text-sm font-medium',
                      active ? 'bg-indigo-50 text-indigo-700' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900',
                    )}
                  >
                    {item.label}
                    {item.count !== undefined && item.count > 0 && (
                      // The count is read out by the title; the link's name stays its label.
                      <span
                        aria-hidden="true"
                        title={`${item.count} open`}
                        className="rounded-full bg-rose-100 px-1.5 text-xs font-semibold text-rose-700 tabular-nums"
                        data-testid="nav-count"
                      >
                        {item.count}
                      </span>
                    )}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
