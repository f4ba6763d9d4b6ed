import { PageHeader } from '@/components/ui/page-header';
import { RiskTabs } from './risk-tabs';

type RiskView = React.ComponentProps<typeof RiskTabs>['current'];

// What each view of the register lists, with the trust services criteria it serves.
const DESCRIPTIONS: Record<RiskView, string> = {
  '/risks':
    'Each tool’s current risk assessment (CC3.2, CC9.1): likelihood × impact before and after its controls, the treatment, who owns it and when it is reviewed next. Assess a tool from its risk page; every reassessment is kept.',
  '/risks/publishers':
    'Vendor reviews of each tool publisher (CC9.1, CC9.2): its verified organizational identity, trust level and track record, the reviewer’s rating and conclusion, and when it is reviewed next. Every re-review is kept.',
  '/risks/registries':
    'Vendor reviews of each registry tools come from (CC9.1, CC9.2): how it verifies publishers and packages, what it signs and how much of what we synced carries a signature, the reviewer’s rating and conclusion. Every re-review is kept.',
};

/** The risk register's three views share one title and their tabs; each says what it lists. */
export function RiskRegisterHeader({ current }: { current: RiskView }) {
  return (
    <>
      <PageHeader title="Risk register" description={DESCRIPTIONS[current]} />
      <RiskTabs current={current} />
    </>
  );
}
