import { z } from 'zod';
import { intSetting, isItemLevel, RegistryPageError } from './connector-support';
import { fetchJsonIfChanged, RegistryHttpError, type FetchJsonOptions } from './http';
import { mapPackage, NpmMappingError, type NpmMapOptions } from './npm-map';
import { NPM_NAME, ZNpmPackument } from './npm-schema';
import { npmRevision, rememberedValidators, validatorsToKeep } from './npm-validators';
import type { ConnectorContext, NormalizedTool, RegistryConnector, SourceValidators, SyncItemError } from './types';

/**
 * npm package metadata for tools published as npm packages. npm has no "list everything", so the
 * Registry row names the packages to follow (config.packages). Each page carries `pageSize`
 * packages; the cursor is the index of the next package in that list. A package npm does not know
 * (404) or whose document is malformed is an item error on its page (the run ends PARTIAL); a
 * timeout, network error or 5xx stops the run at that page, and the next run resumes there.
 *
 * Conditional requests (issue 9.3): the packument's ETag / Last-Modified is remembered with the
 * tool (sourceValidators, npm-validators.ts); the next run asks with If-None-Match /
 * If-Modified-Since, and a 304 reports the package unchanged: nothing is re-read or stored for
 * it, as with AgentNode. Any other answer is read in full, in the same request.
 */

interface NpmSettings {
  packages: string[];
  pageSize: number;
  http: FetchJsonOptions;
  map: NpmMapOptions;
}

export function npmSettings(ctx: ConnectorContext): NpmSettings {
  const c = ctx.config ?? {};
  const raw = c.packages;
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new RegistryPageError(
      'invalid-shape',
      ctx.baseUrl,
      'npm registry config: "packages" must list the npm package names to follow, e.g. {"packages":["@acme/weather-mcp"]}',
      null,
    );
  }
  const bad = raw.find((n) => typeof n !== 'string' || !NPM_NAME.test(n));
  if (bad !== undefined) {
    throw new RegistryPageError(
      'invalid-shape',
      ctx.baseUrl,
      `npm registry config: ${JSON.stringify(bad)} is not a valid npm package name`,
      null,
    );
  }
  let publicRegistry = false;
  try {
    publicRegistry = new URL(ctx.baseUrl).hostname === 'registry.npmjs.org';
  } catch {
    // an unparsable baseUrl fails on the first request with a readable reason
  }
  return {
    packages: [...new Set(raw as string[])],
    pageSize: intSetting(c, 'pageSize', 10, 50),
    http: {
      fetch: ctx.fetch,
      signal: ctx.signal,
      timeoutMs: intSetting(c, 'timeoutMs', 20_000, 120_000),
      // Full packuments of long-lived packages run to megabytes.
      maxBytes: intSetting(c, 'maxBytes', 20 * 1024 * 1024, 100 * 1024 * 1024),
      maxRetries: intSetting(c, 'maxRetries', 3, 10),
      maxRetryDelayMs: intSetting(c, 'maxRetryDelayMs', 30_000, 300_000),
    },
    map: {
      maxVersions: intSetting(c, 'maxVersions', 20, 500),
      provenanceWindow: intSetting(c, 'provenanceWindow', 3, 50),
      now: new Date(),
      publicRegistry,
    },
  };
}

/** `@scope/name` → `@scope%2fname`, as the registry expects. */
export function packumentUrl(baseUrl: string, name: string): string {
  const path = name.startsWith('@') ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name);
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/%2F/g, '%2f')}`;
}

/** A package read in full, unchanged since the remembered answer (304), or unknown to npm (404). */
type PackageAnswer = { tool: NormalizedTool } | { unchanged: true } | { missing: true };

async function fetchPackage(
  ctx: ConnectorContext,
  s: NpmSettings,
  name: string,
  previous?: SourceValidators,
): Promise<PackageAnswer> {
  const url = packumentUrl(ctx.baseUrl, name);
  const rev = npmRevision(s.map);
  const asked = rememberedValidators(previous, url, rev);
  const res = await fetchJsonIfChanged(url, z.unknown(), asked, { ...s.http, acceptStatus: [404] });
  if (res.notModified) return { unchanged: true };
  if (res.status === 404) return { missing: true };
  const packument = ZNpmPackument.safeParse(res.data);
  if (!packument.success) {
    const issue = packument.error.issues[0];
    throw new RegistryHttpError(
      'invalid-shape',
      url,
      `Unexpected response from ${url}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
      res.status,
    );
  }
  if (packument.data.name !== name) {
    throw new RegistryHttpError(
      'invalid-shape',
      url,
      `${url} answered with package "${packument.data.name}" instead of "${name}"`,
      res.status,
    );
  }
  let tool: NormalizedTool;
  try {
    tool = mapPackage(packument.data, s.map);
  } catch (e) {
    if (e instanceof NpmMappingError) throw new RegistryHttpError('invalid-shape', url, e.message, res.status);
    throw e;
  }
  return { tool: { ...tool, sourceValidators: validatorsToKeep(url, res.headers, tool, rev) } };
}

/** One package: mapped, unchanged, or an item error (unknown name, malformed document); transient errors throw. */
async function readPackage(
  ctx: ConnectorContext,
  s: NpmSettings,
  name: string,
  previous: SourceValidators | undefined,
): Promise<{ tool: NormalizedTool } | { unchanged: true } | { error: SyncItemError }> {
  try {
    const answer = await fetchPackage(ctx, s, name, previous);
    if (!('missing' in answer)) return answer;
    return {
      error: { externalId: name, message: `npm has no package named "${name}" (HTTP 404); check the registry's package list` },
    };
  } catch (e) {
    if (!isItemLevel(e)) throw e;
    return { error: { externalId: name, message: `npm package ${name} skipped: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

function parseCursor(cursor: string | null, total: number): number {
  if (!cursor || !/^\d+$/.test(cursor)) return 0;
  const n = Number(cursor);
  return n < total ? n : 0;
}

export const npmConnector: RegistryConnector = {
  kind: 'NPM',

  async testConnection(ctx) {
    try {
      const s = npmSettings(ctx);
      const name = s.packages[0]!;
      const answer = await fetchPackage(ctx, s, name);
      if (!('tool' in answer)) return { ok: false, error: `npm registry answered, but has no package "${name}"` };
      return { ok: true, detail: `npm registry answered; ${name} has ${answer.tool.versions.length} recent version(s)` };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : `npm registry check failed: ${String(e)}` };
    }
  },

  async *pages(ctx, cursor) {
    const s = npmSettings(ctx);
    for (let start = parseCursor(cursor, s.packages.length); start < s.packages.length; start += s.pageSize) {
      const names = s.packages.slice(start, start + s.pageSize);
      const tools: NormalizedTool[] = [];
      const errors: SyncItemError[] = [];
      const unchanged: string[] = [];
      try {
        // The validators of this page's packages only, so memory stays flat however long the list.
        const previous = ctx.previousValidators ? await ctx.previousValidators(names) : new Map<string, SourceValidators>();
        const results = await Promise.all(names.map((n) => readPackage(ctx, s, n, previous.get(n))));
        results.forEach((r, i) => {
          if ('tool' in r) tools.push(r.tool);
          else if ('unchanged' in r) unchanged.push(names[i]!);
          else errors.push(r.error);
        });
      } catch (e) {
        throw RegistryPageError.wrap(e, 'npm sync stopped', String(start));
      }
      const next = start + s.pageSize;
      yield { tools, unchanged, errors, total: s.packages.length, nextCursor: next < s.packages.length ? String(next) : null };
    }
  },
};
