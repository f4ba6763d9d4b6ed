import 'server-only';
import type { Prisma } from '@prisma/client';
import type { PublisherFacts } from '@/lib/domain/vendors/suggest-publisher';
import type { RegistryFacts } from '@/lib/domain/vendors/suggest-registry';
import { notFound } from '@/lib/server/errors';

/** Alert kinds that mean "the same version now ships something else" (lib/domain/sync-alerts.ts). */
const REPUBLISH_KINDS = ['digest-changed', 'definitions-changed'];

/**
 * A publisher's identity and track record, read inside the caller's transaction so the stored
 * suggestion matches the facts at the moment of the review. Callers check the actor.
 * Incidents are those linked to one of its tools or their versions (lib/server/incidents).
 */
export async function loadPublisherFacts(tx: Prisma.TransactionClient, publisherId: string): Promise<PublisherFacts> {
  const publisher = await tx.publisher.findUnique({
    where: { id: publisherId },
    select: { trustLevel: true, identityVerifiedAt: true, identityWithdrawnAt: true },
  });
  if (!publisher) throw notFound('Publisher');
  const ofPublisher = { tool: { publisherId } };
  const [tools, versions, verificationRuns, failedVerifications, republishes, signerChanges, incidents] = await Promise.all([
    tx.tool.count({ where: { publisherId } }),
    tx.toolVersion.count({ where: ofPublisher }),
    tx.verificationRecord.count({ where: { toolVersion: ofPublisher } }),
    tx.verificationRecord.count({ where: { toolVersion: ofPublisher, tier: 'FAILED' } }),
    tx.alert.count({ where: { ...ofPublisher, kind: { in: REPUBLISH_KINDS } } }),
    tx.alert.count({ where: { ...ofPublisher, kind: 'signer-changed' } }),
    tx.incident.count({
      where: { links: { some: { OR: [{ tool: { publisherId } }, { toolVersion: ofPublisher }] } } },
    }),
  ]);
  return { ...publisher, tools, versions, verificationRuns, failedVerifications, republishes, signerChanges, incidents };
}

/** A registry's kind and what it vouches for in the synced data (signed versions, verified publishers). */
export async function loadRegistryFacts(tx: Prisma.TransactionClient, registryId: string): Promise<RegistryFacts> {
  const registry = await tx.registry.findUnique({ where: { id: registryId }, select: { kind: true } });
  if (!registry) throw notFound('Registry');
  const ofRegistry = { tool: { registryId } };
  const [publishers, publishersIdentityVerified, versions, versionsSigned, versionsWithProvenance, deletedTools] =
    await Promise.all([
      tx.publisher.count({ where: { registryId } }),
      tx.publisher.count({ where: { registryId, identityVerifiedAt: { not: null }, identityWithdrawnAt: null } }),
      tx.toolVersion.count({ where: ofRegistry }),
      tx.toolVersion.count({ where: { ...ofRegistry, provenance: { path: ['signaturePresent'], equals: true } } }),
      tx.toolVersion.count({ where: { ...ofRegistry, provenance: { path: ['provenancePresent'], equals: true } } }),
      tx.tool.count({ where: { registryId, registryStatus: 'deleted' } }),
    ]);
  return {
    kind: registry.kind,
    publishers,
    publishersIdentityVerified,
    versions,
    versionsSigned,
    versionsWithProvenance,
    deletedTools,
  };
}
