'use client';

import { useSearchParams } from 'next/navigation';
import { permissionLabel } from './permission-labels';

/**
 * Names what the role lacks, in words. A client component because Next's forbidden boundary
 * takes no props: the permission travels in the address (?need=…) and only the browser-side
 * hook can read it there.
 */
export function ForbiddenReason() {
  const label = permissionLabel(useSearchParams().get('need'));
  return (
    <p className="mt-2 text-sm text-slate-600" data-testid="forbidden-reason">
      {label ? `Your role may not ${label}.` : 'Your role does not include this.'} Ask an admin if you need it.
    </p>
  );
}
