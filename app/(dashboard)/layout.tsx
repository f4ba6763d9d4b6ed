import { actorOf, requirePageUser } from '@/lib/server/session';
import { can, ROLE_LABELS } from '@/lib/auth/permissions';
import { countOpenAlerts } from '@/lib/server/alerts/count-open-alerts';
import { NAV_GROUPS, NAV_ITEMS } from '@/components/layout/nav-items';
import { AppSidebar } from '@/components/layout/app-sidebar';
import type { SidebarSection } from '@/components/layout/sidebar-nav';
import { SignOutButton } from '@/components/layout/sign-out-button';
import { Providers } from '@/components/layout/providers';

export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const visible = NAV_ITEMS.filter((i) => can(user.role, i.permission) && !i.hiddenFor?.includes(user.role));
  const openAlerts = can(user.role, 'alert:read') ? await countOpenAlerts({ actor: actorOf(user), input: {} }) : undefined;
  const item = (i: (typeof NAV_ITEMS)[number]) => ({
    href: i.href,
    label: i.label,
    ...(i.count === 'openAlerts' ? { count: openAlerts } : {}),
  });
  const sections: SidebarSection[] = [
    { heading: null, items: visible.filter((i) => !i.group).map(item) },
    ...NAV_GROUPS.map((g) => ({ heading: g, items: visible.filter((i) => i.group === g).map(item) })).filter(
      (s) => s.items.length > 0,
    ),
  ];
  return (
    <Providers>
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-indigo-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <div className="flex min-h-screen flex-col md:flex-row">
        <AppSidebar
          sections={sections}
          footer={
            <div data-testid="current-user">
              <p className="truncate text-sm font-medium text-slate-800">{user.name}</p>
              <p className="truncate text-xs text-slate-500">{user.email}</p>
              <p className="mt-1 text-xs font-medium text-indigo-700" data-testid="current-role">
                {ROLE_LABELS[user.role]}
              </p>
              <div className="mt-2">
                <SignOutButton />
              </div>
            </div>
          }
        />
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none md:px-8">
          {children}
        </main>
      </div>
    </Providers>
  );
}
