import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';

export const metadata: Metadata = { title: 'Not allowed' };

/**
 * Where a page the role may not open redirects (?need=<permission>): answers 403, not 200,
 * and keeps the sidebar (app/(dashboard)/forbidden.tsx renders it inside the layout).
 */
export default function ForbiddenPage() {
  forbidden();
}
