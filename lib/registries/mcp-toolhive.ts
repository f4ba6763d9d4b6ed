import { z } from 'zod';
import { PUBLISHER_META_KEY, type TMcpServer } from './mcp-registry-schema';

/**
 * ToolHive (Stacklok) publishes standard server.json entries and puts its own data under
 * `_meta[publisher-provided]["io.github.stacklok"][<image ref or remote URL>]`: a tier word, a
 * permission profile (what ToolHive enforces when it runs the server), and build provenance.
 * The same MCP connector reads the official registry and a ToolHive registry server; this file
 * is the one place that knows the extension's shape. Everything here is optional.
 */

export const TOOLHIVE_KEY = 'io.github.stacklok';

const strList = z.array(z.string()).nullish().catch(null);

export const ZToolHiveProfile = z.looseObject({
  privileged: z.boolean().nullish().catch(null),
  read: strList,
  write: strList,
  network: z
    .looseObject({
      outbound: z
        .looseObject({
          insecure_allow_all: z.boolean().nullish().catch(null),
          allow_host: strList,
          allow_port: z.array(z.number()).nullish().catch(null),
        })
        .nullish()
        .catch(null),
    })
    .nullish()
    .catch(null),
});
export type TToolHiveProfile = z.infer<typeof ZToolHiveProfile>;

const ZToolHiveEntry = z.looseObject({
  tier: z.string().nullish().catch(null),
  status: z.string().nullish().catch(null),
  permissions: ZToolHiveProfile.nullish().catch(null),
  provenance: z
    .looseObject({
      signer_identity: z.string().nullish(),
      cert_issuer: z.string().nullish(),
      repository_uri: z.string().nullish(),
      repository_ref: z.string().nullish(),
    })
    .nullish()
    .catch(null),
});

export interface ToolHiveExtension {
  /** The artifact the entry describes (image reference or remote URL). */
  key: string;
  tier: string | null;
  status: string | null;
  permissions: TToolHiveProfile | null;
  provenance: z.infer<typeof ZToolHiveEntry>['provenance'] | null;
}

/** The ToolHive entries of a server, one per image or remote; [] when it carries none. */
export function readToolHive(server: TMcpServer): ToolHiveExtension[] {
  const provided = server._meta?.[PUBLISHER_META_KEY];
  const block = provided && typeof provided === 'object' ? (provided as Record<string, unknown>)[TOOLHIVE_KEY] : null;
  if (!block || typeof block !== 'object') return [];
  const out: ToolHiveExtension[] = [];
  for (const [key, value] of Object.entries(block as Record<string, unknown>)) {
    const parsed = ZToolHiveEntry.safeParse(value);
    if (!parsed.success) continue;
    const e = parsed.data;
    out.push({
      key,
      tier: e.tier ?? null,
      status: e.status ?? null,
      permissions: e.permissions ?? null,
      provenance: e.provenance ?? null,
    });
  }
  return out;
}
