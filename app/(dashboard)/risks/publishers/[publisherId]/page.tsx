import type { Metadata } from 'next';
import { cache } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { refusalOrNotFound } from '@/lib/server/guards/forbidden-on-refusal';
import { getPublisherReview } from '@/lib/server/vendors/get-publisher-review';
import { PUBLISHER_TRUST_LABELS } from '@/lib/domain/vendors/suggest-publisher';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDate } from '@/components/ui/format';
import { PublisherReviewForm } from '@/components/vendors/publisher-review-form';
import { VendorReviewHistory } from '@/components/vendors/vendor-review-history';
import { VendorReviewHeader } from '@/components/vendors/vendor-review-header';
import { reviewPublisherAction } from '../../actions';

const load = cache(async (publisherId: string) =>
  getPublisherReview({ actor: actorOf(await requirePageUser('risk:read')), input: { publisherId } }).catch(refusalOrNotFound),
);

export async function generateMetadata({ params }: { params: Promise<{ publisherId: string }> }): Promise<Metadata> {
  const review = await load((await params).publisherId);
  return { title: review ? `${review.publisher.name} · Publisher review` : 'Publisher not found' };
}

interface TrackRecord {
  versions: number;
  verificationRuns: number;
  failedVerifications: number;
  republishes: number;
  signerChanges: number;
  incidents: number | null;
}

export default async function PublisherReviewPage({ params }: { params: Promise<{ publisherId: string }> }) {
  const me = await requirePageUser('risk:read');
  const review = await load((await params).publisherId);
  if (!review) notFound();
  const { publisher, facts, suggestion, current, status, history } = review;
  return (
    <div className="space-y-6">
      <VendorReviewHeader
        back={{ href: '/risks/publishers', label: 'Publisher reviews' }}
        name={publisher.name}
        description={`Publisher in ${publisher.registry.name} (${publisher.externalId}).`}
        status={status}
        current={current}
      />
      <Card title="What ToolLedger knows">
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3" data-testid="publisher-facts">
          <dt className="text-slate-500">Publisher trust</dt>
          <dd className="sm:col-span-2">{PUBLISHER_TRUST_LABELS[facts.trustLevel]}</dd>
          <dt className="text-slate-500">Organizational identity</dt>
          <dd className="sm:col-span-2">{suggestion.identity.reasons[0]}</dd>
          <dt className="text-slate-500">Track record</dt>
          <dd className="sm:col-span-2">
            {facts.tools} tools, {facts.versions} versions; {facts.failedVerifications} of {facts.verificationRuns} verification
            runs failed; {facts.republishes} re-publishes; {facts.signerChanges} signer changes; incidents:{' '}
            {facts.incidents ?? 'not recorded by this instance'}
          </dd>
          <dt className="text-slate-500">Tools</dt>
          <dd className="sm:col-span-2">
            {publisher.tools.map((t, i) => (
              <span key={t.id}>
                {i > 0 && ', '}
                <Link href={`/inventory/${t.id}`} className="text-indigo-700 hover:underline">
                  {t.name}
                </Link>
              </span>
            ))}
          </dd>
        </dl>
      </Card>
      {can(me.role, 'risk:assess') && (
        <Card title={current ? 'Re-review' : 'Review'}>
          <PublisherReviewForm
            action={reviewPublisherAction}
            publisherId={publisher.id}
            suggestion={suggestion}
            defaults={{
              previousId: current?.id,
              notes: current?.notes ?? '',
              owner: current?.owner ?? publisher.tools.find((t) => t.owner)?.owner ?? '',
            }}
          />
        </Card>
      )}
      <Card title={`History (${history.length})`}>
        {history.length === 0 ? (
          <EmptyState title="Not reviewed yet">
            {can(me.role, 'risk:assess') ? 'Start from the suggestion above.' : 'A compliance officer reviews publishers here.'}
          </EmptyState>
        ) : (
          <VendorReviewHistory
            history={history}
            details={(a) => {
              const t = a.trackRecord as unknown as TrackRecord;
              return (
                <p className="mt-1 text-slate-700">
                  Identity {a.identityConfirmed ? 'confirmed' : 'not confirmed'}
                  {a.identityVerifiedAt && ` (verified ${formatDate(a.identityVerifiedAt)})`} · trust{' '}
                  {PUBLISHER_TRUST_LABELS[a.trustLevel].toLowerCase()} · {t.versions} versions, {t.failedVerifications} failed
                  verifications, {t.republishes} re-publishes
                </p>
              );
            }}
          />
        )}
      </Card>
    </div>
  );
}
