import { z } from 'zod';
import { intSetting, isItemLevel, parseDate, RegistryPageError } from './connector-support';
import { fetchJson, RegistryHttpError, type FetchJsonOptions } from './http';
import { mapServer, type McpMapOptions } from './mcp-registry-map';
import { nextCursorOf, parseServerEntry, ZMcpServerList, type TMcpServerResponse } from './mcp-registry-schema';
import type { ConnectorContext, RegistryConnector, SyncItemError, SyncPage } from './types';

/**
 * The official MCP Registry (and anything serving its /v0.1 API, e.g. ToolHive's registry server
 * with baseUrl …/registry). Lists servers with cursor pagination, incrementally with
 * updated_since = ctx.since, and fetches each listed server's versions (newest first, capped).
 *
 * Our cursor is `c=<registry cursor>&u=<updated_since>` so a resumed run continues the same
 * listing it started, whatever ctx.since says by then. A bad page throws RegistryPageError with
 * that cursor: every earlier page was already yielded (and committed by the engine).
 */

interface McpSettings {
  pageSize: number;
  maxVersionsPerServer: number;
  fetchVersions: boolean;
  concurrency: number;
  maxPages: number;
  sinceOverlapMs: number;
  http: FetchJsonOptions;
  map: McpMapOptions;
}

export function mcpSettings(ctx: ConnectorContext): McpSettings {
  const c = ctx.config ?? {};
  return {
    pageSize: intSetting(c, 'pageSize', 50, 100),
    maxVersionsPerServer: intSetting(c, 'maxVersionsPerServer', 10, 100),
    fetchVersions: c.fetchVersions !== false,
    concurrency: intSetting(c, 'concurrency', 4, 16),
    maxPages: intSetting(c, 'maxPages', 1000, 100_000),
    sinceOverlapMs: (c.sinceOverlapMinutes === 0 ? 0 : intSetting(c, 'sinceOverlapMinutes', 60, 7 * 24 * 60)) * 60_000,
    http: {
      fetch: ctx.fetch,
      signal: ctx.signal,
      timeoutMs: intSetting(c, 'timeoutMs', 15_000, 120_000),
      maxBytes: intSetting(c, 'maxBytes', 5 * 1024 * 1024, 50 * 1024 * 1024),
      maxRetries: intSetting(c, 'maxRetries', 3, 10),
      maxRetryDelayMs: intSetting(c, 'maxRetryDelayMs', 30_000, 300_000),
    },
    map: { namespaceAuthenticated: c.namespaceAuthenticated !== false, now: new Date() },
  };
}

export interface McpCursor {
  registryCursor: string | null;
  updatedSince: string | null;
}

export function encodeCursor(c: McpCursor): string {
  const p = new URLSearchParams();
  if (c.registryCursor) p.set('c', c.registryCursor);
  if (c.updatedSince) p.set('u', c.updatedSince);
  return p.toString();
}

/**
 * Our own cursor format, or (from an older run) a bare registry cursor. `since` is moved back by
 * `overlapMs`: entries updated while the previous run was listing are read again rather than
 * missed, and re-reading is harmless (records are keyed by payload hash).
 */
export function decodeCursor(cursor: string | null, since: string | null, overlapMs = 0): McpCursor {
  const sinceDate = parseDate(since);
  const validSince = sinceDate ? new Date(sinceDate.getTime() - overlapMs).toISOString() : null;
  if (!cursor) return { registryCursor: null, updatedSince: validSince };
  if (/^(c|u)=/.test(cursor)) {
    const p = new URLSearchParams(cursor);
    return { registryCursor: p.get('c'), updatedSince: p.get('u') };
  }
  return { registryCursor: cursor, updatedSince: validSince };
}

function apiBase(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/v0.1`;
}

export function listUrl(baseUrl: string, cursor: McpCursor, limit: number): string {
  // Deleted (moderated) entries are what we most need to see; the registry hides them by default.
  const p = new URLSearchParams({ limit: String(limit), include_deleted: 'true' });
  if (cursor.registryCursor) p.set('cursor', cursor.registryCursor);
  if (cursor.updatedSince) p.set('updated_since', cursor.updatedSince);
  return `${apiBase(baseUrl)}/servers?${p.toString()}`;
}

interface Parsed {
  entries: TMcpServerResponse[];
  errors: SyncItemError[];
}

/** Malformed entries become item errors (skipped, reported, the run ends PARTIAL); the rest is kept. */
function parseEntries(raw: unknown[], where: string): Parsed {
  const out: Parsed = { entries: [], errors: [] };
  raw.forEach((item, i) => {
    const parsed = parseServerEntry(item, i);
    if (parsed.ok) return void out.entries.push(parsed.entry);
    const who = parsed.issue.name ? ` (${parsed.issue.name})` : '';
    out.errors.push({
      externalId: parsed.issue.name,
      message: `MCP registry ${where}: entry ${i + 1}${who} is malformed, skipped: ${parsed.issue.message}`,
    });
  });
  return out;
}

interface Versions extends Parsed {
  /** The registry returned every version and we kept them all (no 404, no cap, nothing skipped). */
  complete: boolean;
}

async function fetchVersions(ctx: ConnectorContext, name: string, s: McpSettings): Promise<Versions> {
  const url = `${apiBase(ctx.baseUrl)}/servers/${encodeURIComponent(name)}/versions?include_deleted=true`;
  try {
    // 404: the server is not (or no longer) served by name; its list entry alone is mapped.
    const res = await fetchJson(url, z.unknown(), { ...s.http, acceptStatus: [404] });
    if (res.status === 404) return { entries: [], errors: [], complete: false };
    const list = ZMcpServerList.safeParse(res.data);
    if (!list.success) {
      const issue = list.error.issues[0];
      throw new RegistryHttpError(
        'invalid-shape',
        url,
        `Unexpected response from ${url}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
        res.status,
      );
    }
    const parsed = parseEntries(list.data.servers, `versions of ${name}`);
    const complete = parsed.errors.length === 0 && list.data.servers.length <= s.maxVersionsPerServer;
    return { entries: parsed.entries.slice(0, s.maxVersionsPerServer), errors: parsed.errors, complete };
  } catch (e) {
    if (!isItemLevel(e)) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    return {
      entries: [],
      errors: [
        {
          externalId: name,
          message: `MCP registry: versions of ${name} could not be read; mapped from its list entry only: ${reason}`,
        },
      ],
      complete: false,
    };
  }
}

async function readPage(ctx: ConnectorContext, s: McpSettings, at: McpCursor): Promise<SyncPage> {
  const resume = at.registryCursor || at.updatedSince ? encodeCursor(at) : null;
  const url = listUrl(ctx.baseUrl, at, s.pageSize);
  try {
    const list = await fetchJson(url, ZMcpServerList, s.http);
    const { entries, errors } = parseEntries(
      list.data.servers,
      `page ${at.registryCursor ? `after cursor ${at.registryCursor}` : '1'}`,
    );
    const byName = new Map<string, TMcpServerResponse[]>();
    for (const e of entries) byName.set(e.server.name, [...(byName.get(e.server.name) ?? []), e]);
    const names = [...byName.keys()];
    const complete = new Set<string>();
    if (s.fetchVersions) {
      for (let i = 0; i < names.length; i += s.concurrency) {
        const chunk = names.slice(i, i + s.concurrency);
        const results = await Promise.all(chunk.map((n) => fetchVersions(ctx, n, s)));
        chunk.forEach((n, j) => {
          const r = results[j]!;
          errors.push(...r.errors);
          if (r.complete) complete.add(n);
          byName.set(n, [...r.entries, ...(byName.get(n) ?? [])]);
        });
      }
    }
    const next = nextCursorOf(list.data);
    if (next !== null && next === at.registryCursor) {
      throw new RegistryPageError(
        'invalid-shape',
        url,
        `MCP registry returned the same cursor "${next}" again; stopping to avoid an endless loop`,
        resume,
      );
    }
    const tools = names.map((n) => ({
      ...mapServer((byName.get(n) ?? []).slice(0, s.maxVersionsPerServer), s.map),
      versionListComplete: complete.has(n),
    }));
    return {
      tools,
      errors,
      nextCursor: next === null ? null : encodeCursor({ registryCursor: next, updatedSince: at.updatedSince }),
    };
  } catch (e) {
    throw RegistryPageError.wrap(e, 'MCP registry sync stopped', resume);
  }
}

export const mcpRegistryConnector: RegistryConnector = {
  kind: 'MCP_REGISTRY',

  async testConnection(ctx) {
    const s = mcpSettings(ctx);
    try {
      const res = await fetchJson(listUrl(ctx.baseUrl, { registryCursor: null, updatedSince: null }, 1), ZMcpServerList, s.http);
      const first = res.data.servers.length > 0 ? parseServerEntry(res.data.servers[0], 0) : null;
      if (first && !first.ok)
        return { ok: false, error: `MCP registry answered, but its first entry is malformed: ${first.issue.message}` };
      return {
        ok: true,
        detail: first
          ? `MCP registry answered; first server ${first.entry.server.name}`
          : 'MCP registry answered with no servers',
      };
    } catch (e) {
      return { ok: false, error: e instanceof RegistryHttpError ? e.message : `MCP registry check failed: ${String(e)}` };
    }
  },

  async *pages(ctx, cursor) {
    const s = mcpSettings(ctx);
    let at = decodeCursor(cursor, ctx.since, s.sinceOverlapMs);
    for (let n = 0; n < s.maxPages; n++) {
      const page = await readPage(ctx, s, at);
      yield page;
      if (page.nextCursor === null) return;
      at = decodeCursor(page.nextCursor, null);
    }
    // Ending quietly would let the engine clear the cursor and lose the rest of the listing.
    throw new RegistryPageError(
      'aborted',
      ctx.baseUrl,
      `MCP registry sync paused after ${s.maxPages} pages (config maxPages); the next run continues from there`,
      encodeCursor(at),
    );
  },
};
