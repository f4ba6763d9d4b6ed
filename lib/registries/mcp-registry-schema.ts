import { z } from 'zod';

/**
 * The official MCP Registry's /v0.1 shapes (OpenAPI ServerList / ServerResponse, server.json
 * schema 2025-12-11). Parsed defensively: every object is loose (new fields pass through into
 * the raw payload), only what we map is typed, and the pre-2025-09 snake_case spellings
 * (registry_type, is_secret, file_sha256, next_cursor) are read too because ToolHive and older
 * mirrors still serve them. Each list entry is parsed on its own so the error names the entry.
 */

const str = z.string();
const optStr = z.string().nullish();

const ZInputVariable = z.looseObject({ isSecret: z.boolean().nullish(), is_secret: z.boolean().nullish(), format: optStr });

export const ZMcpInput = z.looseObject({
  name: optStr,
  type: optStr,
  format: optStr,
  value: optStr,
  valueHint: optStr,
  isSecret: z.boolean().nullish(),
  is_secret: z.boolean().nullish(),
  isRequired: z.boolean().nullish(),
  /** `{placeholders}` in value, each an input of its own (e.g. a secret token inside a header). */
  variables: z.record(z.string(), ZInputVariable).nullish(),
});
export type TMcpInput = z.infer<typeof ZMcpInput>;

const inputs = z.array(ZMcpInput).nullish();

export const ZMcpPackage = z.looseObject({
  registryType: optStr,
  registry_type: optStr,
  registryBaseUrl: optStr,
  identifier: optStr,
  name: optStr,
  version: optStr,
  fileSha256: optStr,
  file_sha256: optStr,
  runtimeHint: optStr,
  runtime_hint: optStr,
  transport: z.looseObject({ type: optStr, url: optStr }).nullish(),
  environmentVariables: inputs,
  environment_variables: inputs,
  runtimeArguments: inputs,
  runtime_arguments: inputs,
  packageArguments: inputs,
  package_arguments: inputs,
});
export type TMcpPackage = z.infer<typeof ZMcpPackage>;

export const ZMcpRemote = z.looseObject({
  type: optStr,
  transport_type: optStr,
  url: str,
  headers: inputs,
});
export type TMcpRemote = z.infer<typeof ZMcpRemote>;

export const ZMcpServer = z.looseObject({
  $schema: optStr,
  name: z.string().min(1).max(200),
  title: optStr,
  description: optStr,
  version: z.string().min(1).max(255),
  websiteUrl: optStr,
  repository: z.looseObject({ url: optStr, source: optStr, id: optStr, subfolder: optStr }).nullish(),
  packages: z.array(ZMcpPackage).nullish(),
  remotes: z.array(ZMcpRemote).nullish(),
  _meta: z.record(z.string(), z.unknown()).nullish(),
});
export type TMcpServer = z.infer<typeof ZMcpServer>;

export const MCP_STATUSES = ['active', 'deprecated', 'deleted'] as const;
export type McpStatus = (typeof MCP_STATUSES)[number];

/** The registry's `_meta["io.modelcontextprotocol.registry/official"]` (or the same keys flat). */
export const ZMcpOfficialMeta = z.looseObject({
  status: optStr,
  statusMessage: optStr,
  statusChangedAt: optStr,
  publishedAt: optStr,
  published_at: optStr,
  updatedAt: optStr,
  updated_at: optStr,
  isLatest: z.boolean().nullish(),
  is_latest: z.boolean().nullish(),
});
export type TMcpOfficialMeta = z.infer<typeof ZMcpOfficialMeta>;

export const OFFICIAL_META_KEY = 'io.modelcontextprotocol.registry/official';
export const PUBLISHER_META_KEY = 'io.modelcontextprotocol.registry/publisher-provided';

export const ZMcpServerResponse = z.looseObject({
  server: ZMcpServer,
  _meta: z.record(z.string(), z.unknown()).nullish(),
});
export type TMcpServerResponse = z.infer<typeof ZMcpServerResponse>;

/** The list envelope; entries stay `unknown` here and are parsed one by one. */
export const ZMcpServerList = z.looseObject({
  servers: z.array(z.unknown()).max(10_000),
  metadata: z
    .looseObject({
      nextCursor: optStr,
      next_cursor: optStr,
      count: z.number().nullish(),
    })
    .nullish(),
});
export type TMcpServerList = z.infer<typeof ZMcpServerList>;

export interface McpEntryIssue {
  index: number;
  name: string | null;
  message: string;
}

/** Parses one list entry; on failure says which entry and which field, readably. */
export function parseServerEntry(
  raw: unknown,
  index: number,
): { ok: true; entry: TMcpServerResponse } | { ok: false; issue: McpEntryIssue } {
  const parsed = ZMcpServerResponse.safeParse(raw);
  if (parsed.success) return { ok: true, entry: parsed.data };
  const first = parsed.error.issues[0];
  const path = first && first.path.length > 0 ? first.path.join('.') : '(entry)';
  const maybeName = (raw as { server?: { name?: unknown } } | null)?.server?.name;
  return {
    ok: false,
    issue: { index, name: typeof maybeName === 'string' ? maybeName : null, message: `${path}: ${first?.message ?? 'invalid'}` },
  };
}

/** Official meta from the nested key (OpenAPI) or flat (the publishing doc's example). */
export function officialMeta(entry: TMcpServerResponse): TMcpOfficialMeta {
  const meta = entry._meta ?? {};
  const nested = ZMcpOfficialMeta.safeParse(meta[OFFICIAL_META_KEY]);
  if (nested.success && meta[OFFICIAL_META_KEY] !== undefined) return nested.data;
  const flat = ZMcpOfficialMeta.safeParse(meta);
  return flat.success ? flat.data : {};
}

export function nextCursorOf(list: TMcpServerList): string | null {
  const next = list.metadata?.nextCursor ?? list.metadata?.next_cursor ?? null;
  return next ? next : null;
}

/**
 * The Registry row's `config` for kind MCP_REGISTRY, for the form/API that edits it (strict: a typo
 * is a field error). Every key is optional; the connector falls back to the defaults shown.
 */
export const ZMcpRegistryConfig = z
  .object({
    pageSize: z.number().int().min(1).max(100).optional(), // 50
    maxVersionsPerServer: z.number().int().min(1).max(100).optional(), // 10
    fetchVersions: z.boolean().optional(), // true
    namespaceAuthenticated: z.boolean().optional(), // true: only the official registry proves namespaces
    sinceOverlapMinutes: z.number().int().min(0).max(10_080).optional(), // 60
    concurrency: z.number().int().min(1).max(16).optional(), // 4
    maxPages: z.number().int().min(1).max(100_000).optional(), // 1000 per run
    timeoutMs: z.number().int().min(100).max(120_000).optional(), // 15000
    maxBytes: z
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024)
      .optional(), // 5 MiB
    maxRetries: z.number().int().min(0).max(10).optional(), // 3
    maxRetryDelayMs: z.number().int().min(0).max(300_000).optional(), // 30000
    note: z.string().max(500).optional(),
  })
  .strict();
export type TMcpRegistryConfig = z.infer<typeof ZMcpRegistryConfig>;
