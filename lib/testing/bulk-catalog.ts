// Builds a large catalogue fast (bench and load tests): createMany in batches with ids chosen
// up front, the same derived fields as lib/testing/factories.ts.
import type { Environment, Prisma, PrismaClient } from '@prisma/client';
import { LEVELS } from '@/lib/domain/permissions';
import { checksFor, latestFields, newId, versionFacts, type VersionSpec } from './factories';

const WORDS = [
  'email',
  'parser',
  'github',
  'slack',
  'search',
  'pdf',
  'sql',
  'vector',
  'calendar',
  'weather',
  'jira',
  'crm',
  'billing',
  'ocr',
  'translate',
  'browser',
  'shell',
  'docs',
  's3',
  'kafka',
];
const ENVS: Environment[] = ['PRODUCTION', 'STAGING', 'DEVELOPMENT'];

/** Deterministic pseudo-random numbers, so every run builds the same catalogue. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Inserts rows through one JSON parameter per batch (jsonb_populate_recordset). Prisma's
 * createMany binds one parameter per cell, which costs ~1 ms per row on PGlite; this path
 * keeps the 10,000-tool bench build well under a minute on both databases.
 */
async function insertRows(prisma: PrismaClient, table: string, rows: object[], stamps = true, size = 5000) {
  const now = new Date();
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size).map((r) => (stamps ? { createdAt: now, updatedAt: now, ...r } : r));
    const first = batch[0];
    if (!first) continue;
    const cols = Object.keys(first)
      .map((c) => `"${c}"`)
      .join(', ');
    await prisma.$executeRawUnsafe(
      `INSERT INTO "${table}" (${cols}) SELECT ${cols} FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb)`,
      JSON.stringify(batch),
    );
  }
}

export async function createBulkCatalog(
  prisma: PrismaClient,
  opts: {
    tools: number;
    versionsPerTool: number;
    publishers?: number;
    agentsPerEnv?: number;
    installRatio?: number;
    /** Tools built and inserted per round (memory bound). */
    chunk?: number;
    log?: (line: string) => void;
  },
) {
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const registryId = newId();
  await prisma.registry.create({
    data: { id: registryId, name: `bulk-${registryId}`, kind: 'AGENTNODE', baseUrl: 'https://bulk.example.test' },
  });
  const publisherIds = Array.from({ length: opts.publishers ?? 200 }, () => newId());
  await prisma.publisher.createMany({
    data: publisherIds.map((id, i) => ({
      id,
      registryId,
      externalId: `pub-${i}`,
      name: `${pick(WORDS)}-labs-${i}`,
      trustLevel: pick(['UNVERIFIED', 'VERIFIED', 'TRUSTED', 'CURATED'] as const),
    })),
  });
  const agents = ENVS.flatMap((environment) =>
    Array.from({ length: opts.agentsPerEnv ?? 20 }, (_, i) => ({
      id: newId(),
      name: `bulk-${environment.toLowerCase()}-${i}-${registryId}`,
      environment,
      owner: 'bench',
    })),
  );
  await prisma.agent.createMany({ data: agents });

  // Built and inserted in chunks of tools, so 100,000 tools × 5 versions never sit in memory at once.
  const chunk = opts.chunk ?? 10_000;
  const built = { tools: 0, versions: 0, records: 0, installations: 0 };
  let t0 = performance.now();
  const lap = (what: string) => {
    opts.log?.(`  ${what}: ${Math.round(performance.now() - t0)} ms`);
    t0 = performance.now();
  };
  for (let from = 0; from < opts.tools; from += chunk) {
    const tools: Prisma.ToolCreateManyInput[] = [];
    const versions: Prisma.ToolVersionCreateManyInput[] = [];
    const records: Prisma.VerificationRecordCreateManyInput[] = [];
    const installs: Prisma.InstallationCreateManyInput[] = [];
    for (let t = from; t < Math.min(opts.tools, from + chunk); t++) {
      const toolId = newId();
      const name = `${pick(WORDS)}-${pick(WORDS)}-${t}`;
      let latest: ReturnType<typeof latestFields> | undefined;
      for (let v = 0; v < opts.versionsPerTool; v++) {
        const spec: VersionSpec = {
          version: `1.${v}.0`,
          score: rand() < 0.1 ? null : Math.floor(30 + rand() * 70),
          failedCheck: rand() < 0.08,
          permissions: {
            network: pick(LEVELS.network),
            filesystem: pick(LEVELS.filesystem),
            codeExecution: pick(LEVELS.codeExecution),
            dataAccess: pick(LEVELS.dataAccess),
          },
        };
        const f = versionFacts(spec);
        const id = newId();
        const publishedAt = new Date(Date.UTC(2025, 0, 1) + (t % 300) * 86_400_000 + v * 7 * 86_400_000);
        versions.push({
          id,
          toolId,
          version: spec.version,
          publishedAt,
          artifactDigest: `sha256:${id}`,
          ...f.perms,
          tier: f.tier,
          trustScore: f.score,
          verificationState: f.verificationState,
          lastVerifiedAt: f.verified ? publishedAt : null,
        });
        if (f.verified) {
          const checks = checksFor(f.failed);
          records.push({
            toolVersionId: id,
            registryId,
            verifiedAt: publishedAt,
            installCheck: 'PASS',
            importCheck: 'PASS',
            smokeCheck: f.failed ? 'FAIL' : 'PASS',
            permissionCheck: 'PASS',
            checks,
            trustScore: f.score,
            tier: f.tier,
            rawPayload: { id },
            payloadSha256: id,
          });
        }
        latest = latestFields({
          id,
          version: spec.version,
          tier: f.tier,
          trustScore: f.score,
          ...f.perms,
          verificationState: f.verificationState,
          lastVerifiedAt: f.verified ? publishedAt : null,
        });
        if (v === opts.versionsPerTool - 1 && rand() < (opts.installRatio ?? 0.3)) {
          const agent = pick(agents);
          installs.push({
            agentId: agent.id,
            toolVersionId: id,
            toolId,
            environment: agent.environment,
            state: pick(['ACTIVE', 'APPROVED', 'REQUESTED', 'REVOKED'] as const),
          });
        }
      }
      tools.push({
        id: toolId,
        registryId,
        publisherId: pick(publisherIds),
        externalId: name,
        name,
        description: `${name}: ${pick(WORDS)} integration for agents`,
        ...latest,
      });
    }
    // Tool.latestVersionId points at a version that does not exist yet: insert tools without it, then set it.
    await insertRows(
      prisma,
      'Tool',
      tools.map((t) => ({ ...t, latestVersionId: null })),
    );
    await insertRows(prisma, 'ToolVersion', versions);
    await insertRows(
      prisma,
      'VerificationRecord',
      records.map((r) => ({ id: newId(), fetchedAt: r.verifiedAt, ...r })),
      false,
    );
    await insertRows(
      prisma,
      'Installation',
      installs.map((r) => ({ id: newId(), ...r })),
    );
    built.tools += tools.length;
    built.versions += versions.length;
    built.records += records.length;
    built.installations += installs.length;
    lap(`${built.tools} tools with their versions, records and installations`);
  }
  await prisma.$executeRawUnsafe(
    `UPDATE "Tool" t SET "latestVersionId" = v.id FROM "ToolVersion" v WHERE v."toolId" = t.id AND v.version = t."latestVersionName"`,
  );
  lap('latest version links');
  return { registryId, ...built };
}
