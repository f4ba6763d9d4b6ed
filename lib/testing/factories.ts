// Test, bench and demo data factories. They write rows the way the sync engine does, including
// the latest-version fields denormalized onto Tool, so the inventory sees factory data exactly
// as it sees synced data. Keep the signatures stable: other tests import them.
import { createHash, randomBytes } from 'node:crypto';
import type {
  Environment,
  InstallationState,
  Prisma,
  PrismaClient,
  PublisherTrust,
  RegistryKind,
  ToolKind,
} from '@prisma/client';
import { deriveTier } from '@/lib/domain/tiers';
import { NO_PERMISSIONS } from '@/lib/domain/permissions';
import type { PermissionSet } from '@/lib/domain/types';

export type Db = PrismaClient | Prisma.TransactionClient;

let counter = 0;
/** Unique suffix for names that must not collide inside one test database. */
export function uniq(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${randomBytes(3).toString('hex')}`;
}

/** A cuid-shaped id, for bulk inserts that need to know ids before writing. */
export function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(8).toString('hex')}`;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function createRegistry(db: Db, over: { name?: string; kind?: RegistryKind; baseUrl?: string } = {}) {
  return db.registry.create({
    data: {
      name: over.name ?? uniq('registry'),
      kind: over.kind ?? 'AGENTNODE',
      baseUrl: over.baseUrl ?? 'https://registry.example.test',
    },
  });
}

export async function createPublisher(db: Db, over: { registryId: string; name?: string; trustLevel?: PublisherTrust }) {
  const name = over.name ?? uniq('publisher');
  return db.publisher.create({
    data: { registryId: over.registryId, externalId: name, name, trustLevel: over.trustLevel ?? 'VERIFIED' },
  });
}

export interface VersionSpec {
  version: string;
  publishedAt?: Date;
  permissions?: Partial<PermissionSet>;
  /** Verification score; null = no verification record (Unverified). Default 95. */
  score?: number | null;
  /** Makes the sandbox check fail (tier Failed whatever the score). */
  failedCheck?: boolean;
  artifactDigest?: string;
  declaredPermissions?: Prisma.InputJsonValue;
  allowedDomains?: string[];
  provenance?: Prisma.InputJsonValue;
  riskSignals?: Prisma.InputJsonValue;
  quarantineStatus?: string;
  yankedAt?: Date;
}

/** The derived facts of one version spec, as the sync engine computes them. */
export function versionFacts(spec: VersionSpec) {
  const score = spec.score === undefined ? 95 : spec.score;
  const verified = score !== null;
  const failed = verified && Boolean(spec.failedCheck);
  const tier = verified ? deriveTier({ score, anyCheckFailed: failed }) : 'UNVERIFIED';
  const perms: PermissionSet = { ...NO_PERMISSIONS, ...spec.permissions };
  const verificationState = !verified ? 'UNVERIFIED' : failed ? 'FAILED' : 'PASSED';
  return { score, verified, failed, tier, perms, verificationState } as const;
}

export function checksFor(failed: boolean) {
  return [
    { name: 'installation', status: 'PASS', detail: 'installed cleanly', durationMs: 1200 },
    { name: 'import', status: 'PASS', detail: 'module loads', durationMs: 300 },
    {
      name: 'sandbox',
      status: failed ? 'FAIL' : 'PASS',
      detail: failed ? 'smoke test exited with code 1' : 'smoke test passed',
      durationMs: 4200,
    },
    { name: 'permissions', status: 'PASS', detail: 'declared permissions match observed behaviour', durationMs: 800 },
  ];
}

/** Creates a tool with its versions (oldest first) and their verification records; Tool carries the last version's facts. */
export async function createTool(
  db: Db,
  over: {
    registryId: string;
    publisherId: string;
    name?: string;
    description?: string;
    kind?: ToolKind;
    owner?: string;
    versions?: VersionSpec[];
  },
) {
  const name = over.name ?? uniq('tool');
  const specs = over.versions ?? [{ version: '1.0.0' }];
  const tool = await db.tool.create({
    data: {
      registryId: over.registryId,
      publisherId: over.publisherId,
      externalId: name,
      name,
      description: over.description ?? `${name} does things`,
      kind: over.kind ?? 'MCP_SERVER',
      owner: over.owner,
    },
  });
  const versions = [];
  let day = 0;
  for (const spec of specs) {
    const f = versionFacts(spec);
    const publishedAt = spec.publishedAt ?? new Date(Date.UTC(2026, 0, 1 + day++ * 7));
    const v = await db.toolVersion.create({
      data: {
        toolId: tool.id,
        version: spec.version,
        publishedAt,
        artifactDigest: spec.artifactDigest ?? `sha256:${sha256(`${name}@${spec.version}`)}`,
        ...f.perms,
        declaredPermissions: spec.declaredPermissions,
        allowedDomains: spec.allowedDomains ?? [],
        provenance: spec.provenance,
        riskSignals: spec.riskSignals,
        quarantineStatus: spec.quarantineStatus,
        yankedAt: spec.yankedAt,
        tier: f.tier,
        trustScore: f.score,
        verificationState: f.verificationState,
        lastVerifiedAt: f.verified ? publishedAt : null,
      },
    });
    if (f.verified) {
      const raw = { slug: name, version: spec.version, score: f.score };
      await db.verificationRecord.create({
        data: {
          toolVersionId: v.id,
          registryId: over.registryId,
          verifiedAt: publishedAt,
          installCheck: 'PASS',
          importCheck: 'PASS',
          smokeCheck: f.failed ? 'FAIL' : 'PASS',
          permissionCheck: 'PASS',
          checks: checksFor(f.failed),
          trustScore: f.score,
          tier: f.tier,
          registryTier: f.tier.toLowerCase(),
          rawPayload: raw,
          payloadSha256: sha256(JSON.stringify(raw)),
        },
      });
    }
    versions.push(v);
  }
  const latest = versions[versions.length - 1];
  const updated = latest ? await db.tool.update({ where: { id: tool.id }, data: latestFields(latest) }) : tool;
  return { tool: updated, versions };
}

/** Tool's denormalized copy of its latest version (what the inventory filters and sorts on). */
export function latestFields(v: {
  id: string;
  version: string;
  tier: PermissionlessTier;
  trustScore: number | null;
  network: PermissionSet['network'];
  filesystem: PermissionSet['filesystem'];
  codeExecution: PermissionSet['codeExecution'];
  dataAccess: PermissionSet['dataAccess'];
  verificationState: 'PASSED' | 'FAILED' | 'UNVERIFIED';
  lastVerifiedAt: Date | null;
}) {
  return {
    latestVersionId: v.id,
    latestVersionName: v.version,
    tier: v.tier,
    trustScore: v.trustScore,
    network: v.network,
    filesystem: v.filesystem,
    codeExecution: v.codeExecution,
    dataAccess: v.dataAccess,
    verificationState: v.verificationState,
    lastVerifiedAt: v.lastVerifiedAt,
  };
}
type PermissionlessTier = 'GOLD' | 'VERIFIED' | 'PARTIAL' | 'UNVERIFIED' | 'FAILED';

export async function createAgent(db: Db, over: { environment?: Environment; name?: string; owner?: string } = {}) {
  const environment = over.environment ?? 'PRODUCTION';
  return db.agent.create({
    data: { name: over.name ?? uniq(`agent-${environment.toLowerCase()}`), environment, owner: over.owner ?? 'platform-team' },
  });
}

/** Installs a version on an agent; toolId and environment are denormalized from them. */
export async function createInstallation(db: Db, over: { agentId: string; toolVersionId: string; state?: InstallationState }) {
  const [agent, version] = await Promise.all([
    db.agent.findUniqueOrThrow({ where: { id: over.agentId }, select: { environment: true } }),
    db.toolVersion.findUniqueOrThrow({ where: { id: over.toolVersionId }, select: { toolId: true, artifactDigest: true } }),
  ]);
  const state = over.state ?? 'ACTIVE';
  const approved = state === 'APPROVED' || state === 'ACTIVE';
  return db.installation.create({
    data: {
      agentId: over.agentId,
      toolVersionId: over.toolVersionId,
      toolId: version.toolId,
      environment: agent.environment,
      state,
      approvedDigest: approved ? version.artifactDigest : null,
      approvedAt: approved ? new Date() : null,
      activatedAt: state === 'ACTIVE' ? new Date() : null,
      revokedAt: state === 'REVOKED' ? new Date() : null,
    },
  });
}
