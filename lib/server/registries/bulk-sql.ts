import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Prisma, Tool } from '@prisma/client';
import { withBulkArgs } from '@/lib/db/bulk-args';

/**
 * Bulk writes for the sync's hot path. A page of 100 tools carries ~300 versions and ~300
 * verification records with their raw payloads; sending them as ONE JSON parameter that
 * PostgreSQL unpacks with jsonb_to_recordset is several times faster than row-by-row
 * parameters, on PGlite above all. That parameter goes to the driver by handle
 * (lib/db/bulk-args.ts): a page's JSON is about a megabyte, and passed as an ordinary argument
 * Prisma's WASM engine spent ~250 ms of CPU per page copying it in and out (issue 9.3).
 * Column lists mirror prisma/schema/inventory.prisma.
 */

export const newId = (): string => randomUUID();

// Prisma stores DateTime as UTC in timestamp(3) columns.
const NOW = `(CURRENT_TIMESTAMP AT TIME ZONE 'UTC')`;

type Json = Prisma.InputJsonValue | null;

/** Runs `sql` with `rows` as its JSON parameter $1, passed by handle. */
export function executeWithJson(tx: Prisma.TransactionClient, sql: string, rows: unknown): Promise<number> {
  return withBulkArgs([JSON.stringify(rows)], ([json]) => tx.$executeRawUnsafe(sql, json));
}

export interface VersionRow {
  id: string;
  toolId: string;
  version: string;
  publishedAt: Date | null;
  artifactDigest: string | null;
  toolDefsHash: string | null;
  toolDefinitions: Json;
  network: string;
  filesystem: string;
  codeExecution: string;
  dataAccess: string;
  declaredPermissions: Json;
  allowedDomains: string[];
  provenance: Json;
  quarantineStatus: string | null;
  yankedAt: Date | null;
  riskSignals: Json;
  tier: string;
  trustScore: number | null;
  verificationState: string;
  lastVerifiedAt: Date | null;
}

// ToolVersion's columns as the sync writes them (insertToolVersions, insertTools).
const VERSION_COLUMNS = `"id","toolId","version","publishedAt","artifactDigest","toolDefsHash","toolDefinitions","network","filesystem","codeExecution","dataAccess","declaredPermissions","allowedDomains","provenance","quarantineStatus","yankedAt","riskSignals","tier","trustScore","verificationState","lastVerifiedAt","createdAt","updatedAt"`;
const VERSION_VALUES = `x."id",x."toolId",x."version",x."publishedAt",x."artifactDigest",x."toolDefsHash",x."toolDefinitions",x."network",x."filesystem",x."codeExecution",x."dataAccess",x."declaredPermissions",COALESCE(x."allowedDomains", '{}'),x."provenance",x."quarantineStatus",x."yankedAt",x."riskSignals",x."tier",x."trustScore",x."verificationState",x."lastVerifiedAt",${NOW},${NOW}`;
const VERSION_RECORD = `x("id" text,"toolId" text,"version" text,"publishedAt" timestamp(3),"artifactDigest" text,"toolDefsHash" text,"toolDefinitions" jsonb,"network" "NetworkLevel","filesystem" "FilesystemLevel","codeExecution" "CodeExecutionLevel","dataAccess" "DataAccessLevel","declaredPermissions" jsonb,"allowedDomains" text[],"provenance" jsonb,"quarantineStatus" text,"yankedAt" timestamp(3),"riskSignals" jsonb,"tier" "Tier","trustScore" integer,"verificationState" "VerificationState","lastVerifiedAt" timestamp(3))`;

export async function insertToolVersions(tx: Prisma.TransactionClient, rows: readonly VersionRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  return executeWithJson(
    tx,
    `INSERT INTO "ToolVersion" (${VERSION_COLUMNS})
     SELECT ${VERSION_VALUES} FROM jsonb_to_recordset($1::jsonb) AS ${VERSION_RECORD}`,
    rows,
  );
}

export interface RecordRow {
  id: string;
  toolVersionId: string;
  registryId: string;
  verifiedAt: Date;
  fetchedAt: Date;
  installCheck: string;
  importCheck: string;
  smokeCheck: string;
  permissionCheck: string;
  checks: Json;
  trustScore: number | null;
  tier: string;
  registryTier: string | null;
  tierCappedFrom: string | null;
  tierCapReason: string | null;
  rawPayload: Json;
  payloadSha256: string;
}

/** Appends records; a (version, payload hash) already stored is skipped. Returns how many were added. */
export async function insertVerificationRecords(tx: Prisma.TransactionClient, rows: readonly RecordRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  return executeWithJson(
    tx,
    `INSERT INTO "VerificationRecord" ("id","toolVersionId","registryId","verifiedAt","fetchedAt","installCheck","importCheck","smokeCheck","permissionCheck","checks","trustScore","tier","registryTier","tierCappedFrom","tierCapReason","rawPayload","payloadSha256")
     SELECT x.* FROM jsonb_to_recordset($1::jsonb) AS x("id" text,"toolVersionId" text,"registryId" text,"verifiedAt" timestamp(3),"fetchedAt" timestamp(3),"installCheck" "CheckStatus","importCheck" "CheckStatus","smokeCheck" "CheckStatus","permissionCheck" "CheckStatus","checks" jsonb,"trustScore" integer,"tier" "Tier","registryTier" text,"tierCappedFrom" "Tier","tierCapReason" text,"rawPayload" jsonb,"payloadSha256" text)
     ON CONFLICT ("toolVersionId","payloadSha256") DO NOTHING`,
    rows,
  );
}

export interface ToolLatestRow {
  id: string;
  latestVersionId: string;
  latestVersionName: string;
  tier: string;
  trustScore: number | null;
  verificationState: string;
  lastVerifiedAt: Date | null;
  network: string;
  filesystem: string;
  codeExecution: string;
  dataAccess: string;
}

/** Refreshes the denormalized latest-version fields of many tools in one statement. */
export async function updateToolsLatest(tx: Prisma.TransactionClient, rows: readonly ToolLatestRow[]): Promise<void> {
  if (rows.length === 0) return;
  await executeWithJson(
    tx,
    `UPDATE "Tool" AS t SET "latestVersionId"=x."latestVersionId","latestVersionName"=x."latestVersionName","tier"=x."tier","trustScore"=x."trustScore","verificationState"=x."verificationState","lastVerifiedAt"=x."lastVerifiedAt","network"=x."network","filesystem"=x."filesystem","codeExecution"=x."codeExecution","dataAccess"=x."dataAccess","updatedAt"=${NOW}
     FROM jsonb_to_recordset($1::jsonb) AS x("id" text,"latestVersionId" text,"latestVersionName" text,"tier" "Tier","trustScore" integer,"verificationState" "VerificationState","lastVerifiedAt" timestamp(3),"network" "NetworkLevel","filesystem" "FilesystemLevel","codeExecution" "CodeExecutionLevel","dataAccess" "DataAccessLevel")
     WHERE t."id" = x."id"`,
    rows,
  );
}

/** The latest-version columns of a tool that has none (their column defaults). */
export const BARE_TOOL = {
  latestVersionId: null,
  latestVersionName: null,
  tier: 'UNVERIFIED',
  trustScore: null,
  verificationState: 'UNVERIFIED',
  lastVerifiedAt: null,
  network: 'NONE',
  filesystem: 'NONE',
  codeExecution: 'NONE',
  dataAccess: 'NONE',
} as const satisfies Partial<Tool>;

export interface ToolRow {
  id: string;
  registryId: string;
  publisherId: string;
  externalId: string;
  name: string;
  description: string;
  kind: string;
  repositoryUrl: string | null;
  registryStatus: string | null;
  deprecatedAt: Date | null;
  syncHash: string;
  syncValidators: Json;
  /** The latest version's fields, written with the tool (one of `versions`, or null). */
  latest: Omit<ToolLatestRow, 'id'> | null;
}

/**
 * Creates a page's new tools together with the page's new versions (of new and known tools) in
 * ONE statement, each new tool with its latest-version fields already set, and returns the tools
 * as stored. Tool.latestVersionId and ToolVersion.toolId reference each other; PostgreSQL checks
 * both foreign keys at the end of the whole statement, after both inserts, so neither row needs a
 * second write. Before, every new tool was inserted bare and then updated to point at its latest
 * version: a second write of each row in all of the Tool table's indexes (~40–85 ms a page of
 * 100 tools, issue 9.3).
 */
export async function insertTools(
  tx: Prisma.TransactionClient,
  rows: readonly ToolRow[],
  versions: readonly VersionRow[],
): Promise<Tool[]> {
  if (rows.length === 0) return [];
  const tools = rows.map(({ latest, ...r }) => ({ ...r, ...(latest ?? BARE_TOOL) }));
  return withBulkArgs([JSON.stringify(tools), JSON.stringify(versions)], ([toolJson, versionJson]) =>
    tx.$queryRawUnsafe<Tool[]>(
      `WITH v AS (
         INSERT INTO "ToolVersion" (${VERSION_COLUMNS})
         SELECT ${VERSION_VALUES} FROM jsonb_to_recordset($2::jsonb) AS ${VERSION_RECORD}
       )
       INSERT INTO "Tool" ("id","registryId","publisherId","externalId","name","description","kind","repositoryUrl","registryStatus","deprecatedAt","syncHash","syncValidators","latestVersionId","latestVersionName","tier","trustScore","verificationState","lastVerifiedAt","network","filesystem","codeExecution","dataAccess","updatedAt")
       SELECT x."id",x."registryId",x."publisherId",x."externalId",x."name",x."description",x."kind",x."repositoryUrl",x."registryStatus",x."deprecatedAt",x."syncHash",x."syncValidators",x."latestVersionId",x."latestVersionName",x."tier",x."trustScore",x."verificationState",x."lastVerifiedAt",x."network",x."filesystem",x."codeExecution",x."dataAccess",${NOW}
       FROM jsonb_to_recordset($1::jsonb) AS x("id" text,"registryId" text,"publisherId" text,"externalId" text,"name" text,"description" text,"kind" "ToolKind","repositoryUrl" text,"registryStatus" text,"deprecatedAt" timestamp(3),"syncHash" text,"syncValidators" jsonb,"latestVersionId" text,"latestVersionName" text,"tier" "Tier","trustScore" integer,"verificationState" "VerificationState","lastVerifiedAt" timestamp(3),"network" "NetworkLevel","filesystem" "FilesystemLevel","codeExecution" "CodeExecutionLevel","dataAccess" "DataAccessLevel")
       RETURNING *`,
      toolJson,
      versionJson,
    ),
  );
}

/**
 * Stores what each tool was last ingested from (content hash, HTTP validators). Bookkeeping of
 * the sync, not a change of the tool: updatedAt is left alone.
 */
export async function updateToolsSyncState(
  tx: Prisma.TransactionClient,
  rows: readonly { id: string; syncHash: string; syncValidators: Json }[],
): Promise<void> {
  if (rows.length === 0) return;
  await executeWithJson(
    tx,
    `UPDATE "Tool" AS t SET "syncHash"=x."syncHash","syncValidators"=x."syncValidators"
     FROM jsonb_to_recordset($1::jsonb) AS x("id" text,"syncHash" text,"syncValidators" jsonb)
     WHERE t."id" = x."id"`,
    rows,
  );
}
