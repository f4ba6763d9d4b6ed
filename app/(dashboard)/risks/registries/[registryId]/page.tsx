import type { Metadata } from 'next';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { refusalOrNotFound } from '@/lib/server/guards/forbidden-on-refusal';
import { getRegistryReview } from '@/lib/server/vendors/get-registry-review';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { RegistryReviewForm } from '@/components/vendors/registry-review-form';
import { VendorReviewHistory } from '@/components/vendors/vendor-review-history';
import { VendorReviewHeader } from '@/components/vendors/vendor-review-header';
import { reviewRegistryAction } from '../../actions';

const load = cache(async (registryId: string) =>
  getRegistryReview({ actor: actorOf(await requirePageUser('risk:read')), input: { registryId } }).catch(refusalOrNotFound),
);

export async function generateMetadata({ params }: { params: Promise<{ registryId: string }> }): Promise<Metadata> {
  const review = await load((await params).registryId);
  return { title: review ? `${review.registry.name} · Registry review` : 'Registry not found' };
}

export default async function RegistryReviewPage({ params }: { params: Promise<{ registryId: string }> }) {
  const me = await requirePageUser('risk:read');
  const review = await load((await params).registryId);
  if (!review) notFound();
  const { registry, facts, suggestion, current, status, history } = review;
  return (
    <div className="space-y-6">
      <VendorReviewHeader
        back={{ href: '/risks/registries', label: 'Registry reviews' }}
        name={registry.name}
        description={`${registry.kind.replace('_', ' ').toLowerCase()} registry at ${registry.baseUrl}${registry.enabled ? '' : ' (disabled)'}.`}
        status={status}
        current={current}
      />
      <Card title="What ToolLedger knows">
        <p className="text-sm" data-testid="registry-facts">
          {facts.publishers} publishers ({facts.publishersIdentityVerified} with a verified identity); {facts.versions} versions (
          {facts.versionsSigned} signed, {facts.versionsWithProvenance} with provenance); {facts.deletedTools} removed by
          moderation.
        </p>
      </Card>
      {can(me.role, 'risk:assess') && (
        <Card title={current ? 'Re-review' : 'Review'}>
          <RegistryReviewForm
            action={reviewRegistryAction}
            registryId={registry.id}
            suggestion={suggestion}
            defaults={{
              previousId: current?.id,
              verification: current?.verification ?? suggestion.verification,
              signing: current?.signing ?? suggestion.signing,
              notes: current?.notes ?? '',
              owner: current?.owner ?? '',
            }}
          />
        </Card>
      )}
      <Card title={`History (${history.length})`}>
        {history.length === 0 ? (
          <EmptyState title="Not reviewed yet">
            {can(me.role, 'risk:assess') ? 'Start from the suggestion above.' : 'A compliance officer reviews registries here.'}
          </EmptyState>
        ) : (
          <VendorReviewHistory
            history={history}
            details={(a) => (
              <div className="mt-1 space-y-1 text-slate-700">
                <p>Verifies: {a.verification}</p>
                <p>Signs: {a.signing}</p>
              </div>
            )}
          />
        )}
      </Card>
    </div>
  );
}
