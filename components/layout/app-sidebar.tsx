'use client';

import { useState } from 'react';
import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { Logo } from './logo';
import { SidebarNav, type SidebarSection } from './sidebar-nav';

/**
 * The sidebar on wide screens; on a phone a top bar whose "Menu" button opens the same
 * navigation (one nav element either way, so assistive technology meets it once).
 */
export function AppSidebar({ sections, footer }: { sections: SidebarSection[]; footer: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <aside className="z-20 flex shrink-0 flex-col border-b border-slate-200 bg-white px-3 py-3 md:sticky md:top-0 md:h-screen md:w-60 md:border-r md:border-b-0 md:py-4">
      <div className="flex items-center justify-between md:mb-6">
        <Link href="/" className="flex items-center gap-2 px-3 text-lg font-bold tracking-tight text-indigo-700">
          <Logo className="h-6 w-6" />
          ToolLedger
        </Link>
        <button
          type="button"
          className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 md:hidden"
          aria-expanded={open}
          aria-controls="main-menu"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Close' : 'Menu'}
        </button>
      </div>
      <div id="main-menu" className={cn('mt-3 flex-1 flex-col overflow-y-auto md:mt-0 md:flex', open ? 'flex' : 'hidden')}>
        <SidebarNav sections={sections} onNavigate={() => setOpen(false)} />
        <div className="mt-4 border-t border-slate-100 px-3 pt-3 md:mt-auto">{footer}</div>
      </div>
    </aside>
  );
}
