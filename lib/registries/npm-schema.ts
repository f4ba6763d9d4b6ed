import { z } from 'zod';

/**
 * npm's full packument (GET /{name}; npm/registry docs/responses/package-metadata.md). Loose
 * objects: a package.json field passes through untouched into the raw payload. Versions stay
 * `unknown` in the envelope and are parsed one by one, only those we map, so one odd old
 * version of a 3,000-version package cannot sink the run, and the error names the version.
 */

const optStr = z.string().nullish();

/** Old packuments sometimes give people as "Name <email> (url)" strings. */
export const ZNpmPerson = z.union([
  z.looseObject({ name: optStr, email: optStr }),
  z.string().transform((s) => ({ name: s.replace(/\s*[<(].*$/, '').trim() || null, email: null })),
]);
export type TNpmPerson = z.infer<typeof ZNpmPerson>;

export const ZNpmRepository = z.union([z.string(), z.looseObject({ type: optStr, url: optStr, directory: optStr })]);

export const ZNpmDist = z.looseObject({
  tarball: optStr,
  shasum: optStr,
  integrity: optStr,
  fileCount: z.number().nullish(),
  unpackedSize: z.number().nullish(),
  signatures: z.array(z.looseObject({ keyid: optStr, sig: optStr })).nullish(),
  attestations: z
    .looseObject({
      url: optStr,
      provenance: z.looseObject({ predicateType: optStr }).nullish(),
    })
    .nullish(),
});

export const ZNpmVersion = z.looseObject({
  name: optStr,
  version: z.string().min(1).max(256),
  description: optStr,
  /** npm sets a message string; some mirrors write `true`. An empty string means "un-deprecated". */
  deprecated: z.union([z.string(), z.boolean()]).nullish(),
  scripts: z.record(z.string(), z.unknown()).nullish(),
  hasInstallScript: z.boolean().nullish(),
  _npmUser: ZNpmPerson.nullish(),
  maintainers: z.array(ZNpmPerson).nullish(),
  repository: ZNpmRepository.nullish(),
  bin: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
  mcpName: optStr,
  gitHead: optStr,
  dist: ZNpmDist.nullish(),
});
export type TNpmVersion = z.infer<typeof ZNpmVersion>;

export const ZNpmPackument = z.looseObject({
  name: z.string().min(1).max(214),
  description: optStr,
  'dist-tags': z.record(z.string(), z.string()).nullish(),
  time: z.record(z.string(), z.unknown()).nullish(),
  maintainers: z.array(ZNpmPerson).nullish(),
  repository: ZNpmRepository.nullish(),
  versions: z.record(z.string(), z.unknown()).nullish(),
});
export type TNpmPackument = z.infer<typeof ZNpmPackument>;

/** npm's naming rule (lowercase, url-safe, optional @scope/), so config typos fail before any request. */
export const NPM_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

export function repositoryUrlOf(repo: z.infer<typeof ZNpmRepository> | null | undefined): string | null {
  if (!repo) return null;
  return typeof repo === 'string' ? repo : (repo.url ?? null);
}

export function timeOf(packument: TNpmPackument, key: string): string | null {
  const t = packument.time?.[key];
  return typeof t === 'string' ? t : null;
}

export function parseVersion(
  packument: TNpmPackument,
  version: string,
): { ok: true; manifest: TNpmVersion } | { ok: false; message: string } {
  const parsed = ZNpmVersion.safeParse(packument.versions?.[version]);
  if (parsed.success) return { ok: true, manifest: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.join('.') : '(manifest)';
  return { ok: false, message: `version ${version}: ${path}: ${issue?.message ?? 'invalid'}` };
}

/** The Registry row's `config` for kind NPM (strict, for the form/API that edits it). */
export const ZNpmRegistryConfig = z
  .object({
    packages: z
      .array(z.string().regex(NPM_NAME, 'not a valid npm package name (lowercase, optional @scope/)'))
      .min(1, 'list at least one npm package to follow')
      .max(5_000),
    pageSize: z.number().int().min(1).max(50).optional(), // 10
    maxVersions: z.number().int().min(1).max(500).optional(), // 20 newest
    provenanceWindow: z.number().int().min(1).max(50).optional(), // 3
    timeoutMs: z.number().int().min(100).max(120_000).optional(), // 20000
    maxBytes: z
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024)
      .optional(), // 20 MiB
    maxRetries: z.number().int().min(0).max(10).optional(), // 3
    maxRetryDelayMs: z.number().int().min(0).max(300_000).optional(), // 30000
    note: z.string().max(500).optional(),
  })
  .strict();
export type TNpmRegistryConfig = z.infer<typeof ZNpmRegistryConfig>;
