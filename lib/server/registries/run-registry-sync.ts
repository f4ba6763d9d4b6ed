import 'server-only';
import { Prisma, type PrismaClient, type SyncRun, type SyncTrigger } from '@prisma/client';
import { ENVIRONMENTS, type Environment } from '@/lib/domain/types';
import { connectorFor } from '@/lib/registries/registry-connectors';
import type { RegistryConnector, SourceValidators, SyncItemError } from '@/lib/registries/types';
import { z } from 'zod';
import type { Actor } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { conflict, notFound } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZStartRegistrySyncInput, type TStartRegistrySyncInput } from '@/lib/validation/registry';
import { connectorConfig } from './registry-api-key';
import { registryFetch } from './registry-network-policy';
import { getCurrentPolicies } from '@/lib/server/policies/get-current-policies';
import { readAhead } from '@/lib/registries/read-ahead';
import { ingestSyncPage } from './ingest-sync-page';
import { setRunTotal } from './sync-progress';

export interface SyncContextInput extends OperationContextInput {
  /** Tests and the bench hand in their own connector or fetch. */
  connector?: RegistryConnector;
  fetch?: typeof fetch;
  /** Tests shorten the run's deadline. */
  deadlineMs?: number;
  /**
   * The schedule's due check saw this lastSyncAt: start only if it is unchanged, or another
   * instance that finished a run since then would be followed by a second one at once.
   */
  ifLastSyncAt?: Date | null;
}

interface SyncInput {
  trigger: SyncTrigger;
  actor: Actor;
  connector?: RegistryConnector;
  fetch?: typeof fetch;
  deadlineMs?: number;
  ifLastSyncAt?: Date | null;
}

/** Validators as a sync stored them (Tool.syncValidators); anything else is ignored, not trusted. */
const ZStoredValidators = z.object({
  rev: z.string(),
  urls: z.array(z.object({ url: z.string(), etag: z.string().optional(), lastModified: z.string().optional() })),
});

/** A RUNNING run older than this was cut off (process stopped): it is closed as FAILED. */
const ABANDONED_AFTER_MS = 30 * 60_000;
/** Overall deadline of one run (below ABANDONED_AFTER_MS): a registry that drips answers cannot hold a run forever. */
export const SYNC_DEADLINE_MS = 25 * 60_000;
/** Stale-verification fallback when an environment has no policy row yet. */
const DEFAULT_MAX_AGE_DAYS = 90;
const MAX_STORED_ERRORS = 50;

/** Starts a sync and returns the run at once; `done` settles when it finishes (never rejects). */
export async function startRegistrySync(
  { actor, input: raw }: OperationCall<TStartRegistrySyncInput>,
  ctx: SyncContextInput = {},
): Promise<{ run: SyncRun; done: Promise<SyncRun> }> {
  const { db: prisma } = await operationContext(ctx);
  const { registryId, trigger } = authorize(actor, 'registry:sync', ZStartRegistrySyncInput, raw);
  const input: SyncInput = {
    trigger,
    actor,
    connector: ctx.connector,
    fetch: ctx.fetch,
    deadlineMs: ctx.deadlineMs,
    ifLastSyncAt: ctx.ifLastSyncAt,
  };
  const registry = await prisma.registry.findUnique({ where: { id: registryId } });
  if (!registry) throw notFound('Registry');
  if (!registry.enabled) throw conflict(`Registry ${registry.name} is disabled`);
  const connector = input.connector ?? connectorFor(registry.kind);
  if (!connector) throw conflict(`No connector for ${registry.kind} registries in this build`);
  const run = await prisma.$transaction(async (tx) => {
    // One sync per registry at a time, across instances: the lock serializes this check.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sync:${registry.id}`}))`;
    await tx.syncRun.updateMany({
      where: { registryId: registry.id, status: 'RUNNING', startedAt: { lt: new Date(Date.now() - ABANDONED_AFTER_MS) } },
      data: { status: 'FAILED', finishedAt: new Date(), error: 'Interrupted: the process running it stopped' },
    });
    const running = await tx.syncRun.findFirst({ where: { registryId: registry.id, status: 'RUNNING' } });
    if (running) throw conflict(`A sync of ${registry.name} is already running (started ${running.startedAt.toISOString()})`);
    if (input.ifLastSyncAt !== undefined) {
      const now = await tx.registry.findUniqueOrThrow({ where: { id: registry.id }, select: { lastSyncAt: true } });
      if (now.lastSyncAt?.getTime() !== input.ifLastSyncAt?.getTime()) throw conflict(`${registry.name} was synced meanwhile`);
    }
    const created = await tx.syncRun.create({
      data: {
        registryId: registry.id,
        trigger: input.trigger,
        startedById: input.actor.type === 'USER' ? input.actor.id : null,
        cursorBefore: registry.syncCursor,
      },
    });
    await recordAuditEvent(tx, input.actor, {
      action: 'registry.syncStarted',
      entityType: 'SyncRun',
      entityId: created.id,
      after: { registry: registry.name, trigger: input.trigger, resumeFrom: registry.syncCursor },
    });
    return created;
  });
  const done = execute(prisma, run, registry, connector, input);
  return { run, done };
}

/** Runs a sync to the end (seed, scheduler, tests, bench). */
export async function runRegistrySync(call: OperationCall<TStartRegistrySyncInput>, ctx?: SyncContextInput): Promise<SyncRun> {
  return (await startRegistrySync(call, ctx)).done;
}

async function maxAgeDays(prisma: PrismaClient): Promise<Record<Environment, number | null>> {
  const policies = await getCurrentPolicies({ fresh: true, db: prisma as unknown as Prisma.TransactionClient });
  const out = {} as Record<Environment, number | null>;
  for (const e of ENVIRONMENTS) {
    const p = policies[e];
    out[e] = p.id === undefined ? (p.maxVerificationAgeDays ?? DEFAULT_MAX_AGE_DAYS) : p.maxVerificationAgeDays;
  }
  return out;
}

async function execute(
  prisma: PrismaClient,
  run: SyncRun,
  registry: {
    id: string;
    name: string;
    baseUrl: string;
    config: Prisma.JsonValue;
    apiKeySealed: string | null;
    syncCursor: string | null;
  },
  connector: RegistryConnector,
  input: SyncInput,
): Promise<SyncRun> {
  const errors: { at: string; message: string }[] = [];
  const addErrors = (items: readonly SyncItemError[]) => {
    for (const e of items)
      if (errors.length < MAX_STORED_ERRORS) errors.push({ at: new Date().toISOString(), message: e.message });
  };
  let itemErrors = 0;
  let pagesDone = 0;
  let fatal: string | null = null;
  const deadlineMs = input.deadlineMs ?? SYNC_DEADLINE_MS;
  const deadline = AbortSignal.timeout(deadlineMs);
  try {
    const limits = await maxAgeDays(prisma);
    // Incremental sources ask for changes since the last run that got everything: the start
    // of the last SUCCEEDED run (a failed or partial run may have missed some).
    const lastGood = await prisma.syncRun.findFirst({
      where: { registryId: registry.id, status: 'SUCCEEDED' },
      orderBy: { startedAt: 'desc' },
      select: { startedAt: true },
    });
    const ctx = {
      baseUrl: registry.baseUrl,
      config: connectorConfig(registry),
      since: lastGood?.startedAt.toISOString() ?? null,
      signal: deadline,
      fetch: input.fetch ?? registryFetch(registry),
      // Sources whose listing hides entries (AgentNode: deprecated packages) re-read these.
      knownExternalIds: (await prisma.tool.findMany({ where: { registryId: registry.id }, select: { externalId: true } })).map(
        (t) => t.externalId,
      ),
      // Asked one page at a time, so the validators of the whole catalogue never sit in memory.
      previousValidators: async (externalIds: readonly string[]) => {
        const rows = await prisma.tool.findMany({
          where: { registryId: registry.id, externalId: { in: [...externalIds] }, syncValidators: { not: Prisma.DbNull } },
          select: { externalId: true, syncValidators: true },
        });
        const out = new Map<string, SourceValidators>();
        for (const r of rows) {
          const v = ZStoredValidators.safeParse(r.syncValidators);
          if (v.success) out.set(r.externalId, v.data);
        }
        return out;
      },
    };
    // One page ahead: the next page is fetched while this one is stored (lib/registries/read-ahead.ts).
    for await (const page of readAhead(connector.pages(ctx, registry.syncCursor))) {
      if (deadline.aborted) break;
      if (page.total !== undefined) setRunTotal(run.id, page.total);
      addErrors(page.errors ?? []);
      itemErrors += page.errors?.length ?? 0;
      await ingestSyncPage(
        prisma,
        page,
        { registryId: registry.id, actor: input.actor, now: new Date(), maxAgeDays: limits },
        async (tx, counts) => {
          await tx.syncRun.update({
            where: { id: run.id },
            data: {
              toolsSeen: { increment: counts.toolsSeen },
              versionsCreated: { increment: counts.versionsCreated },
              recordsCreated: { increment: counts.recordsCreated },
              alertsRaised: { increment: counts.alertsRaised },
              toolsUnchanged: { increment: counts.toolsUnchanged },
              pagesDone: { increment: 1 },
              cursorAfter: page.nextCursor,
              errors: errors,
            },
          });
          // The resume point moves only with a committed page.
          await tx.registry.update({ where: { id: registry.id }, data: { syncCursor: page.nextCursor } });
        },
      );
      pagesDone++;
    }
  } catch (e) {
    fatal = e instanceof Error ? e.message : String(e);
  }
  if (deadline.aborted) fatal = `Stopped at the run's deadline (${Math.round(deadlineMs / 1000)} s)`;
  const status = fatal ? (pagesDone > 0 ? 'PARTIAL' : 'FAILED') : itemErrors > 0 ? 'PARTIAL' : 'SUCCEEDED';
  const error = fatal
    ? `${fatal}${pagesDone > 0 ? ` (after ${pagesDone} page${pagesDone === 1 ? '' : 's'}; the next run resumes there)` : ''}`
    : itemErrors > 0
      ? `${itemErrors} item${itemErrors === 1 ? '' : 's'} could not be read; they are retried on the next run`
      : null;
  if (fatal) errors.push({ at: new Date().toISOString(), message: fatal });
  setRunTotal(run.id, undefined);
  return prisma.$transaction(async (tx) => {
    const finished = await tx.syncRun.update({ where: { id: run.id }, data: { status, finishedAt: new Date(), error, errors } });
    await tx.registry.update({
      where: { id: registry.id },
      data: {
        lastSyncAt: finished.finishedAt,
        lastSyncStatus: status,
        lastSyncError: error,
        ...(fatal ? {} : { syncCursor: null }),
      },
    });
    await recordAuditEvent(tx, input.actor, {
      action: 'registry.syncFinished',
      entityType: 'SyncRun',
      entityId: run.id,
      after: {
        registry: registry.name,
        status,
        toolsSeen: finished.toolsSeen,
        toolsUnchanged: finished.toolsUnchanged,
        versionsCreated: finished.versionsCreated,
        recordsCreated: finished.recordsCreated,
        alertsRaised: finished.alertsRaised,
        error,
      },
    });
    return finished;
  });
}
