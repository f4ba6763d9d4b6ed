import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { snapshotTables } from '@/lib/testing/db-snapshot';
import { createPublisher, createRegistry, createTool } from '@/lib/testing/factories';
import { getPrisma } from '@/lib/db/client';
import { SYSTEM_ACTOR, type Actor } from '@/lib/server/actor';
import { AppError } from '@/lib/server/errors';
import type { TReviewPublisherInput, TReviewRegistryInput } from '@/lib/validation/vendors';
import { getPublisherReview } from './get-publisher-review';
import { getRegistryReview } from './get-registry-review';
import { getPublisherReviewStatus } from './get-publisher-review-status';
import { listPublisherReviews } from './list-publisher-reviews';
import { listRegistryReviews } from './list-registry-reviews';
import { raiseOverdueVendorReviewAlerts } from './raise-overdue-vendor-review-alerts';
import { reviewPublisher } from './review-publisher';
import { reviewRegistry } from './review-registry';
import { getRiskOverview } from '@/lib/server/risks/get-risk-overview';
import { riskAssessmentsSection } from '@/lib/server/evidence/sections/risk-assessments';
import type { PackScope, Row } from '@/lib/server/evidence/sections/types';

const t = withTestDatabase();
const NOW = new Date('2026-06-01T12:00:00Z');
let officer: Actor;
let reviewer: Actor;
const auditor: Actor = { type: 'USER', id: 'u-auditor', label: 'auditor@example.test', role: 'AUDITOR' };
let registryId: string;
let publisherId: string;
let quietPublisherId: string;

beforeAll(async () => {
  const db = await getPrisma();
  const o = await db.user.create({ data: { email: 'officer@vendor.test', name: 'Olga Officer', role: 'COMPLIANCE_OFFICER' } });
  const r = await db.user.create({ data: { email: 'reviewer@vendor.test', name: 'Rita Reviewer', role: 'SECURITY_REVIEWER' } });
  officer = { type: 'USER', id: o.id, label: o.email, role: o.role };
  reviewer = { type: 'USER', id: r.id, label: r.email, role: r.role };
  registryId = (await createRegistry(db, { name: 'AgentNode test' })).id;
  const publisher = await createPublisher(db, { registryId, name: 'Acme Tools', trustLevel: 'TRUSTED' });
  publisherId = publisher.id;
  await db.publisher.update({ where: { id: publisherId }, data: { identityVerifiedAt: new Date('2026-01-10T00:00:00Z') } });
  quietPublisherId = (await createPublisher(db, { registryId, name: 'Quiet Co', trustLevel: 'UNVERIFIED' })).id;
  // Track record: two versions, the second failed its verification; one re-publish alert. Trusted
  // base low, +1 failed verification, +1 re-publish: high, approved with conditions.
  const { tool } = await createTool(db, {
    registryId,
    publisherId,
    name: 'acme-mailer',
    versions: [
      { version: '1.0.0', provenance: { signaturePresent: true, signatureVerified: true, provenancePresent: true } },
      { version: '1.1.0', failedCheck: true },
    ],
  });
  await db.alert.create({
    data: {
      kind: 'digest-changed',
      severity: 'CRITICAL',
      title: 'acme-mailer 1.0.0 changed',
      detail: {},
      toolId: tool.id,
      dedupeKey: 'd1',
    },
  });
});

const validPublisher = (over: Record<string, unknown> = {}): TReviewPublisherInput =>
  ({
    publisherId,
    identityConfirmed: 'on',
    rating: 'HIGH',
    conclusion: 'APPROVED_WITH_CONDITIONS',
    notes: 'Only versions that pass verification; digest pinned at approval',
    owner: 'Vendor management',
    ...over,
  }) as TReviewPublisherInput;

const validRegistry = (over: Record<string, unknown> = {}): TReviewRegistryInput =>
  ({
    registryId,
    verification: 'Runs four checks per version',
    signing: 'Publisher Ed25519 signatures over the artifact digest',
    rating: 'LOW',
    conclusion: 'APPROVED',
    owner: 'Platform security',
    ...over,
  }) as TReviewRegistryInput;

async function refusedWithNothingStored(call: () => Promise<unknown>, status: number, path?: string) {
  const before = await snapshotTables(t.db());
  const err = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).status).toBe(status);
  if (path) expect((err as AppError).issues.map((i) => i.path)).toContain(path);
  expect(await snapshotTables(t.db())).toEqual(before);
}

describe('publisher review: the pre-filled suggestion', () => {
  it('reads the identity and track record and suggests a rating with its reasons', async () => {
    const review = await getPublisherReview({ actor: officer, input: { publisherId } }, { now: NOW });
    expect(review?.facts).toMatchObject({ tools: 1, versions: 2, verificationRuns: 2, failedVerifications: 1, republishes: 1 });
    expect(review?.suggestion.identity).toMatchObject({ value: true, verifiedOn: '2026-01-10' });
    expect(review?.suggestion.rating.value).toBe('HIGH');
    expect(review?.suggestion.rating.reasons.join(' | ')).toMatch(
      /Trust level trusted.*1 of 2 verification runs failed.*1 re-publish/,
    );
    expect(review?.suggestion.conclusion.value).toBe('APPROVED_WITH_CONDITIONS');
    expect(review?.status).toBe('NOT_REVIEWED');
    expect(await getPublisherReview({ actor: officer, input: { publisherId: 'missing' } })).toBeNull();
  });
});

describe('reviewPublisher: bad input stores nothing', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown rating', { rating: 'SEVERE' }, 'rating'],
    ['an unknown conclusion', { conclusion: 'MAYBE' }, 'conclusion'],
    ['a rating override without a reason', { rating: 'MEDIUM' }, 'ratingReason'],
    ['a conclusion override with a blank reason', { conclusion: 'APPROVED', conclusionReason: '  ' }, 'conclusionReason'],
    ['conditions without notes', { notes: ' ' }, 'notes'],
    ['no owner', { owner: '' }, 'owner'],
    ['next review in the past', { nextReviewOn: '2026-05-01' }, 'nextReviewOn'],
    ['next review beyond a year', { nextReviewOn: '2027-06-05' }, 'nextReviewOn'],
    ['next review not a day', { nextReviewOn: '2026-02-30' }, 'nextReviewOn'],
    ['a control character', { notes: 'a\u0000b' }, 'notes'],
  ])('%s → 400 on %s', async (_name, over, path) => {
    await refusedWithNothingStored(
      () => reviewPublisher({ actor: officer, input: validPublisher(over) }, { now: NOW }),
      400,
      path,
    );
  });

  it('an unknown publisher is 404; the auditor, the security reviewer and the system are refused', async () => {
    await refusedWithNothingStored(
      () => reviewPublisher({ actor: officer, input: validPublisher({ publisherId: 'nope' }) }, { now: NOW }),
      404,
    );
    for (const actor of [auditor, reviewer, SYSTEM_ACTOR])
      await refusedWithNothingStored(() => reviewPublisher({ actor, input: validPublisher() }, { now: NOW }), 403);
  });
});

describe('reviewPublisher: history, list, overdue, status for other registers', () => {
  let firstId: string;

  it('records a review confirming the suggestion, with the audit record', async () => {
    const a = await reviewPublisher({ actor: officer, input: validPublisher() }, { now: NOW });
    firstId = a.id;
    expect(a).toMatchObject({
      identityConfirmed: true,
      trustLevel: 'TRUSTED',
      rating: 'HIGH',
      conclusion: 'APPROVED_WITH_CONDITIONS',
      overrides: [],
      previousId: null,
    });
    expect(a.identityVerifiedAt?.toISOString().slice(0, 10)).toBe('2026-01-10');
    expect(a.trackRecord).toMatchObject({ versions: 2, failedVerifications: 1, republishes: 1, incidents: 0 });
    expect(a.nextReviewAt.toISOString().slice(0, 10)).toBe('2026-08-30'); // high: 90 days
    const audit = await (await getPrisma()).auditEvent.findFirst({ where: { entityId: a.id } });
    expect(audit).toMatchObject({ action: 'publisherAssessment.recorded', entityType: 'PublisherAssessment' });
  });

  it('a second review from the same starting point is a conflict', async () => {
    await refusedWithNothingStored(() => reviewPublisher({ actor: officer, input: validPublisher() }, { now: NOW }), 409);
  });

  it('the list shows reviewed and never-reviewed publishers and filters them', async () => {
    const all = await listPublisherReviews({ actor: officer, input: {} }, { now: NOW });
    expect(all.rows.map((r) => [r.name, r.status])).toEqual([
      ['Acme Tools', 'CURRENT'],
      ['Quiet Co', 'NOT_REVIEWED'],
    ]);
    expect(all).toMatchObject({ total: 2, notReviewed: 1, overdue: 0 });
    const ids = async (input: Record<string, unknown>) =>
      (await listPublisherReviews({ actor: officer, input }, { now: NOW })).rows.map((r) => r.id);
    expect(await ids({ status: 'NOT_REVIEWED' })).toEqual([quietPublisherId]);
    expect(await ids({ rating: 'HIGH' })).toEqual([publisherId]);
    expect(await ids({ conclusion: 'APPROVED' })).toEqual([]);
    expect(await ids({ q: 'acme' })).toEqual([publisherId]);
    await expect(listPublisherReviews({ actor: officer, input: { status: 'LATE' } as never })).rejects.toMatchObject({
      status: 400,
    });
  });

  it('overdue reviews are flagged and alerted once; a re-review resolves the alert and keeps the history', async () => {
    const later = new Date('2026-09-15T00:00:00Z');
    expect((await listPublisherReviews({ actor: officer, input: { status: 'OVERDUE' } }, { now: later })).rows).toHaveLength(1);
    expect(await raiseOverdueVendorReviewAlerts({ actor: SYSTEM_ACTOR, input: {} }, { now: later })).toBe(1);
    expect(await raiseOverdueVendorReviewAlerts({ actor: SYSTEM_ACTOR, input: {} }, { now: later })).toBe(0);
    const db = await getPrisma();
    expect(await db.alert.findFirst({ where: { kind: 'publisher-review-overdue' } })).toMatchObject({
      state: 'OPEN',
      severity: 'HIGH',
      title: 'Vendor review of publisher Acme Tools overdue since 2026-08-30',
    });
    // Hidden for an auditor (ADR 0010: not scoped to an audit), read here by the compliance officer.
    expect(await getRiskOverview({ actor: auditor, input: {} }, { now: later })).toBeNull();
    const overview = (await getRiskOverview({ actor: officer, input: {} }, { now: later }))!;
    expect(overview.vendorOverdue).toBe(1);
    expect(overview.overdueReviews).toEqual([
      {
        kind: 'publisher',
        name: 'Acme Tools',
        href: `/risks/publishers/${publisherId}`,
        dueAt: new Date('2026-08-30T12:00:00Z'),
      },
    ]);
    const status = await getPublisherReviewStatus([publisherId, quietPublisherId, 'unknown'], { now: later });
    expect(status.get(publisherId)).toMatchObject({ status: 'OVERDUE', assessmentId: firstId, rating: 'HIGH' });
    expect(status.get(quietPublisherId)).toMatchObject({ status: 'NOT_REVIEWED', assessmentId: null });
    expect(status.get('unknown')?.status).toBe('NOT_REVIEWED');

    const second = await reviewPublisher(
      {
        actor: officer,
        input: validPublisher({
          previousId: firstId,
          rating: 'MEDIUM',
          ratingReason: 'The re-publish was a registry re-index; the digest matches the signed release',
          conclusion: 'APPROVED',
          conclusionReason: 'Medium vendors are approved',
        }),
      },
      { now: later },
    );
    expect(second.overrides).toEqual([
      {
        field: 'rating',
        suggested: 'HIGH',
        chosen: 'MEDIUM',
        reason: 'The re-publish was a registry re-index; the digest matches the signed release',
      },
      { field: 'conclusion', suggested: 'APPROVED_WITH_CONDITIONS', chosen: 'APPROVED', reason: 'Medium vendors are approved' },
    ]);
    expect(await db.alert.findFirst({ where: { kind: 'publisher-review-overdue' } })).toMatchObject({ state: 'RESOLVED' });
    const review = await getPublisherReview({ actor: officer, input: { publisherId } }, { now: later });
    expect(review?.current?.id).toBe(second.id);
    expect(review?.status).toBe('CURRENT');
    expect(review?.history.map((h) => h.id)).toEqual([second.id, firstId]);
    expect(review?.history[0]!.changes.map((c) => c.path)).toEqual(
      expect.arrayContaining(['rating', 'conclusion', 'nextReviewOn', 'overrides']),
    );
  });

  it('reviews are append-only in the database itself', async () => {
    const db = await getPrisma();
    await expect(db.publisherAssessment.update({ where: { id: firstId }, data: { owner: 'x' } })).rejects.toThrow(/append-only/);
    await expect(db.publisherAssessment.delete({ where: { id: firstId } })).rejects.toThrow(/append-only/);
  });
});

describe('registry review', () => {
  it('pre-fills how the registry verifies and what it signs, with the coverage observed', async () => {
    const review = await getRegistryReview({ actor: officer, input: { registryId } }, { now: NOW });
    expect(review?.facts).toMatchObject({ publishers: 2, publishersIdentityVerified: 1, versions: 2, versionsSigned: 1 });
    expect(review?.suggestion.verification).toMatch(/install, import, sandbox smoke.*1 of 2 publishers with a verified identity/);
    expect(review?.suggestion.signing).toMatch(/Ed25519.*Observed: 1 of 2 versions signed, 1 with provenance\./);
    expect(review?.suggestion.rating.value).toBe('LOW');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no verification statement', { verification: ' ' }, 'verification'],
    ['no signing statement', { signing: '' }, 'signing'],
    ['a rating override without a reason', { rating: 'CRITICAL' }, 'ratingReason'],
    ['not approved without notes', { conclusion: 'NOT_APPROVED', conclusionReason: 'x' }, 'notes'],
  ])('%s → 400 on %s, nothing stored', async (_name, over, path) => {
    await refusedWithNothingStored(() => reviewRegistry({ actor: officer, input: validRegistry(over) }, { now: NOW }), 400, path);
  });

  it('records a review with its coverage, lists it, and a year later it is overdue and alerted', async () => {
    await refusedWithNothingStored(() => reviewRegistry({ actor: auditor, input: validRegistry() }, { now: NOW }), 403);
    const a = await reviewRegistry({ actor: officer, input: validRegistry() }, { now: NOW });
    expect(a).toMatchObject({ rating: 'LOW', conclusion: 'APPROVED', overrides: [] });
    expect(a.coverage).toMatchObject({ versions: 2, versionsSigned: 1, versionsWithProvenance: 1 });
    expect(a.nextReviewAt.toISOString().slice(0, 10)).toBe('2027-06-01');
    const list = await listRegistryReviews({ actor: officer, input: {} }, { now: NOW });
    expect(list.rows.map((r) => [r.name, r.status, r.review?.rating])).toEqual([['AgentNode test', 'CURRENT', 'LOW']]);
    const later = new Date('2027-06-02T00:00:00Z');
    // The registry's, and the publisher's medium re-review of 2026-09-15 (due 2027-03-14).
    expect(await raiseOverdueVendorReviewAlerts({ actor: SYSTEM_ACTOR, input: {} }, { now: later })).toBe(2);
    const db = await getPrisma();
    expect(await db.alert.findFirst({ where: { kind: 'registry-review-overdue' } })).toMatchObject({ severity: 'LOW' });
    expect(await db.alert.count({ where: { kind: 'publisher-review-overdue', state: 'OPEN' } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'registryAssessment.reviewOverdue', entityId: a.id } })).toBe(1);
  });
});

describe('evidence pack: the risk-assessments section', () => {
  const collect = async (scope: Partial<PackScope> & Pick<PackScope, 'to'>) => {
    const out: Row[] = [];
    const db = await getPrisma();
    for await (const r of riskAssessmentsSection.rows({
      db,
      scope: { from: new Date('2026-01-01T00:00:00Z'), environments: [], toolIds: [], ...scope },
    }))
      out.push(r);
    return out;
  };

  it('carries every publisher and registry review with its history, current as of the period end', async () => {
    const all = await collect({ to: new Date('2027-12-31T00:00:00Z') });
    expect(all.map((r) => [r.subject, r.subjectName, r.rating, r.current])).toEqual([
      ['publisher', 'Acme Tools', expect.any(String), expect.any(Boolean)],
      ['publisher', 'Acme Tools', expect.any(String), expect.any(Boolean)],
      ['registry', 'AgentNode test', 'LOW', true],
    ]);
    const publisherRows = all.filter((r) => r.subject === 'publisher');
    expect(publisherRows.filter((r) => r.current).map((r) => r.rating)).toEqual(['MEDIUM']);
    expect(publisherRows.find((r) => r.previousId)).toMatchObject({ rating: 'MEDIUM', conclusion: 'APPROVED' });
    expect(Object.keys(all[0]!)).toEqual([...riskAssessmentsSection.columns]);

    // At the end of August 2026 only the first publisher review existed: it was current then.
    const august = await collect({ to: new Date('2026-09-01T00:00:00Z') });
    expect(august.map((r) => [r.subject, r.rating, r.current])).toEqual([
      ['publisher', 'HIGH', true],
      ['registry', 'LOW', true],
    ]);
  });

  it('scoped to tools, keeps only their publishers and registries', async () => {
    const db = await getPrisma();
    const other = await createRegistry(db, { name: 'Elsewhere' });
    const otherPublisher = await createPublisher(db, { registryId: other.id, name: 'Other Inc' });
    const { tool } = await createTool(db, { registryId: other.id, publisherId: otherPublisher.id, name: 'other-tool' });
    expect(await collect({ to: new Date('2027-12-31T00:00:00Z'), toolIds: [tool.id] })).toEqual([]);
  });
});
