'use client';

import { signOut } from 'next-auth/react';
import { useHydrated } from '@/components/ui/use-hydrated';

export function SignOutButton() {
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      disabled={!hydrated}
      onClick={() => signOut({ callbackUrl: '/sign-in' })}
      className="text-xs font-medium text-slate-500 hover:text-slate-900 disabled:cursor-wait"
    >
      Sign out
    </button>
  );
}
