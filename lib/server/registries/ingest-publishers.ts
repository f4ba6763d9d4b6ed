import 'server-only';
import type { Prisma, PublisherTrust } from '@prisma/client';
import { detectPublisherWithdrawal, type DetectedAlert } from '@/lib/domain/sync-alerts';
import type { AuditEntry } from '@/lib/server/audit/record-audit-event';
import type { NormalizedPublisher } from '@/lib/registries/types';

export interface PublisherResult {
  idByExternalId: Map<string, string>;
  alerts: (DetectedAlert & { toolId: null })[];
  audits: AuditEntry[];
}

const RANK: Record<PublisherTrust, number> = { UNVERIFIED: 0, VERIFIED: 1, TRUSTED: 2, CURATED: 3 };

/**
 * Creates new publishers and updates changed ones. A publisher falling back to UNVERIFIED
 * after being verified has had its identity withdrawn: stamped and alerted.
 */
export async function upsertPublishers(
  tx: Prisma.TransactionClient,
  registryId: string,
  incoming: readonly NormalizedPublisher[],
  now: Date,
): Promise<PublisherResult> {
  const unique = new Map(incoming.map((p) => [p.externalId, p]));
  const existing = await tx.publisher.findMany({ where: { registryId, externalId: { in: [...unique.keys()] } } });
  const byExternal = new Map(existing.map((p) => [p.externalId, p]));
  const result: PublisherResult = { idByExternalId: new Map(existing.map((p) => [p.externalId, p.id])), alerts: [], audits: [] };

  const fresh = [...unique.values()].filter((p) => !byExternal.has(p.externalId));
  if (fresh.length > 0) {
    const created = await tx.publisher.createManyAndReturn({
      data: fresh.map((p) => ({
        registryId,
        externalId: p.externalId,
        name: p.name,
        trustLevel: p.trustLevel,
        websiteUrl: p.websiteUrl ?? null,
        identityVerifiedAt: p.trustLevel === 'UNVERIFIED' ? null : (p.identityVerifiedAt ?? now),
      })),
      select: { id: true, externalId: true, name: true, trustLevel: true },
    });
    for (const c of created) {
      result.idByExternalId.set(c.externalId, c.id);
      result.audits.push({ action: 'publisher.imported', entityType: 'Publisher', entityId: c.id, after: c });
    }
  }

  for (const p of unique.values()) {
    const row = byExternal.get(p.externalId);
    if (!row) continue;
    const websiteUrl = p.websiteUrl ?? null;
    if (row.name === p.name && row.trustLevel === p.trustLevel && row.websiteUrl === websiteUrl) continue;
    const withdrawn = detectPublisherWithdrawal({
      subject: row.id,
      publisherName: p.name,
      before: row.trustLevel,
      after: p.trustLevel,
      verifiedSince: row.identityVerifiedAt,
    });
    const data: Prisma.PublisherUpdateInput = { name: p.name, trustLevel: p.trustLevel, websiteUrl };
    if (withdrawn) {
      data.identityWithdrawnAt = now;
      result.alerts.push({ ...withdrawn, toolId: null });
    } else if (RANK[p.trustLevel] > RANK[row.trustLevel] && p.trustLevel !== 'UNVERIFIED') {
      data.identityVerifiedAt = row.identityVerifiedAt ?? now;
      data.identityWithdrawnAt = null;
    }
    await tx.publisher.update({ where: { id: row.id }, data });
    result.audits.push({
      action: withdrawn ? 'publisher.identityWithdrawn' : 'publisher.updated',
      entityType: 'Publisher',
      entityId: row.id,
      before: { name: row.name, trustLevel: row.trustLevel, websiteUrl: row.websiteUrl },
      after: { name: p.name, trustLevel: p.trustLevel, websiteUrl },
    });
  }
  return result;
}
