'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False in the server render and until React has hydrated, true after. Controls whose handler
 * lives in JavaScript stay disabled until then, so an early click is never silently lost
 * (and a sign-in form never falls back to a native GET carrying the password in the URL).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
