import Link from 'next/link';
import { requirePageUser } from '@/lib/server/session';
import { can, ROLE_LABELS } from '@/lib/auth/permissions';
import { NAV_ITEMS } from '@/components/layout/nav-items';
import { SidebarNav } from '@/components/layout/sidebar-nav';
import { SignOutButton } from '@/components/layout/sign-out-button';
import { Providers } from '@/components/layout/providers';

export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const items = NAV_ITEMS.filter((i) => can(user.role, i.permission)).map(({ href, label }) => ({ href, label }));
  return (
    <Providers>
      <div className="flex min-h-screen">
        <aside className="sticky top-0 flex h-screen w-60 shrink-0 flex-col border-r border-slate-200 bg-white px-3 py-4">
          <Link href="/" className="mb-6 px-3 text-lg font-bold tracking-tight text-indigo-700">
            ToolLedger
          </Link>
          <SidebarNav items={items} />
          <div className="mt-auto border-t border-slate-100 px-3 pt-3" data-testid="current-user">
            <p className="truncate text-sm font-medium text-slate-800">{user.name}</p>
            <p className="truncate text-xs text-slate-500">{user.email}</p>
            <p className="mt-1 text-xs font-medium text-indigo-700" data-testid="current-role">
              {ROLE_LABELS[user.role]}
            </p>
            <div className="mt-2">
              <SignOutButton />
            </div>
          </div>
        </aside>
        <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
      </div>
    </Providers>
  );
}
