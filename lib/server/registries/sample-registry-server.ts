import 'server-only';
import type { PrismaClient } from '@prisma/client';
import { env } from '@/lib/env';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { demoCatalog } from '@/sample-registry/demo-catalog';
import { startSampleRegistry, type SampleRegistry } from '@/sample-registry/server';

export const SAMPLE_REGISTRY_NAME = 'AgentNode (bundled sample)';

/** Where the app serves the sample registry: the configured port on loopback. */
export function sampleRegistryUrl(port = env().TOOLLEDGER_SAMPLE_REGISTRY_PORT): string {
  return `http://127.0.0.1:${port}`;
}

const holder = globalThis as typeof globalThis & { __toolledgerSampleRegistry?: Promise<SampleRegistry> };

/**
 * Demo mode: the app serves the bundled AgentNode sample registry itself, so "Sync now" works
 * on a machine without internet. If the configured port is taken (another instance on the same
 * machine), it takes a free port and points the sample Registry rows (config.sample = true)
 * at it, audited.
 */
export async function ensureSampleRegistryServer(prisma: PrismaClient): Promise<SampleRegistry> {
  holder.__toolledgerSampleRegistry ??= (async () => {
    const port = env().TOOLLEDGER_SAMPLE_REGISTRY_PORT;
    const server = await startSampleRegistry({ catalog: demoCatalog(2), port }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EADDRINUSE') throw e;
      return startSampleRegistry({ catalog: demoCatalog(2), port: 0 });
    });
    const rows = await prisma.registry.findMany({ where: { config: { path: ['sample'], equals: true } } });
    for (const row of rows) {
      // The npm mirror is served under a path of the same server (config.samplePath, e.g. /npm).
      const samplePath = (row.config as { samplePath?: unknown } | null)?.samplePath;
      const baseUrl = server.url + (typeof samplePath === 'string' ? samplePath : '');
      if (row.baseUrl === baseUrl) continue;
      await prisma.$transaction(async (tx) => {
        await tx.registry.update({ where: { id: row.id }, data: { baseUrl } });
        await recordAuditEvent(tx, SYSTEM_ACTOR, {
          action: 'registry.updated',
          entityType: 'Registry',
          entityId: row.id,
          before: { baseUrl: row.baseUrl },
          after: { baseUrl, reason: 'sample registry served on another port' },
        });
      });
    }
    return server;
  })().catch((e: unknown) => {
    holder.__toolledgerSampleRegistry = undefined;
    throw e;
  });
  return holder.__toolledgerSampleRegistry;
}
