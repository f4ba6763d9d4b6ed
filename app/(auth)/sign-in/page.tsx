import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/server/session';
import { isDemoMode, oidcConfigured, env } from '@/lib/env';
import { DEMO_PASSWORD, DEMO_USERS } from '@/lib/demo/demo-users';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { safeCallbackUrl } from '@/lib/domain/auth/safe-callback-url';
import { SignInForm } from './sign-in-form';
import { SIGN_IN_NOTICES, signInErrorMessage } from './sign-in-messages';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; callbackUrl?: string; notice?: string }>;
}) {
  const { error, callbackUrl, notice } = await searchParams;
  if (await getCurrentUser()) redirect(safeCallbackUrl(callbackUrl));
  const demo = isDemoMode();
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md space-y-6">
        <div className="text-center">
          <p className="text-3xl font-bold tracking-tight text-indigo-700">ToolLedger</p>
          <p className="mt-2 text-sm text-slate-600">Govern the tools your AI agents install and run.</p>
        </div>
        <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          {notice && Object.hasOwn(SIGN_IN_NOTICES, notice) && (
            <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
              {SIGN_IN_NOTICES[notice]}
            </p>
          )}
          <SignInForm
            callbackUrl={safeCallbackUrl(callbackUrl)}
            initialError={signInErrorMessage(error)}
            oidcName={oidcConfigured() ? env().OIDC_NAME : undefined}
          />
        </div>
        {demo && (
          <div className="rounded-lg bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="demo-users">
            <p className="font-medium">
              Demo mode: sign in as any role with password <code className="font-mono">{DEMO_PASSWORD}</code>
            </p>
            <ul className="mt-2 space-y-0.5">
              {DEMO_USERS.map((u) => (
                <li key={u.email}>
                  <code className="font-mono">{u.email}</code> — {ROLE_LABELS[u.role]}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </main>
  );
}
