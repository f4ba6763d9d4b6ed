import { requirePageUser } from '@/lib/server/session';
import { PageHeader } from '@/components/ui/page-header';

export default async function OverviewPage() {
  await requirePageUser('inventory:read');
  return <PageHeader title="Overview" description="Tools, tiers and permissions across your agents." />;
}
