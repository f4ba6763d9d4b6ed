import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/server/session';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'No access' };

const KNOWN = new Set([
  'Your access to this audit has not opened yet',
  'Your access to this audit has closed',
  'You are not assigned to this audit',
  'That record is outside this audit’s scope',
]);

/** Where a refused audit page lands: the reason, nothing of the audit (the attempt is logged). */
export default async function NoAccessPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  await requirePageUser('engagement:read');
  const { reason } = await searchParams;
  return (
    <div className="space-y-4" data-testid="no-access">
      <PageHeader title="No access" />
      <p className="text-sm text-slate-700">{reason && KNOWN.has(reason) ? reason : 'You may not open this audit now'}.</p>
      <Link href="/audits" className="text-sm font-medium text-indigo-700 hover:underline">
        Back to your audits
      </Link>
    </div>
  );
}
