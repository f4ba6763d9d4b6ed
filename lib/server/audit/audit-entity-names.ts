import 'server-only';
import type { PrismaClient } from '@prisma/client';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';

type Refs = { entityType: string; entityId: string }[];
type Lookup = (db: PrismaClient, ids: string[]) => Promise<[string, string][]>;

/**
 * What a person calls each kind of record, looked up for one page of the audit trail (a
 * handful of IN queries, never per row). The record keeps the id; the page shows the name.
 */
const LOOKUPS: Record<string, Lookup> = {
  Tool: async (db, ids) =>
    (await db.tool.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((t) => [t.id, t.name]),
  ToolVersion: async (db, ids) =>
    (
      await db.toolVersion.findMany({
        where: { id: { in: ids } },
        select: { id: true, version: true, tool: { select: { name: true } } },
      })
    ).map((v) => [v.id, `${v.tool.name} ${v.version}`]),
  User: async (db, ids) =>
    (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  ApiKey: async (db, ids) =>
    (await db.apiKey.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((k) => [k.id, k.name]),
  Registry: async (db, ids) =>
    (await db.registry.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((r) => [r.id, r.name]),
  Agent: async (db, ids) =>
    (await db.agent.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((a) => [a.id, a.name]),
  Publisher: async (db, ids) =>
    (await db.publisher.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]),
  Alert: async (db, ids) =>
    (await db.alert.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map((a) => [a.id, a.title]),
  Policy: async (db, ids) =>
    (await db.policy.findMany({ where: { id: { in: ids } }, select: { id: true, environment: true, version: true } })).map(
      (p) => [p.id, `${ENVIRONMENT_LABELS[p.environment]} policy v${p.version}`],
    ),
  ChangeRequest: async (db, ids) =>
    (await db.changeRequest.findMany({ where: { id: { in: ids } }, select: { id: true, tool: { select: { name: true } } } })).map(
      (c) => [c.id, `Request for ${c.tool?.name ?? 'an unknown tool'}`],
    ),
  SyncRun: async (db, ids) =>
    (await db.syncRun.findMany({ where: { id: { in: ids } }, select: { id: true, registry: { select: { name: true } } } })).map(
      (r) => [r.id, `${r.registry.name} sync`],
    ),
  // SIEM hand-off (issue 11.6).
  WebhookEndpoint: async (db, ids) =>
    (await db.webhookEndpoint.findMany({ where: { id: { in: ids } }, select: { id: true, url: true } })).map((w) => [
      w.id,
      `Webhook ${w.url}`,
    ]),
  // Incident response (issue 14.6).
  Incident: async (db, ids) =>
    (await db.incident.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, title: true } })).map((i) => [
      i.id,
      `INC-${i.number} ${i.title}`,
    ]),
  ToolQuarantine: async (db, ids) =>
    (
      await db.toolQuarantine.findMany({ where: { id: { in: ids } }, select: { id: true, tool: { select: { name: true } } } })
    ).map((q) => [q.id, `Quarantine of ${q.tool.name}`]),
};

/** `${entityType}:${id}` → name, for the records that still exist and have one. */
export async function auditEntityNames(db: PrismaClient, refs: Refs): Promise<Map<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const r of refs)
    if (LOOKUPS[r.entityType]) byType.set(r.entityType, (byType.get(r.entityType) ?? new Set()).add(r.entityId));
  const found = await Promise.all(
    [...byType].map(async ([type, ids]) =>
      (await LOOKUPS[type]!(db, [...ids])).map(([id, name]) => [`${type}:${id}`, name] as const),
    ),
  );
  return new Map(found.flat());
}
