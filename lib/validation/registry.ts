import { z } from 'zod';
import { isSecretFieldName } from '@/lib/domain/redact-secrets';
import { zText } from './text';

export const REGISTRY_KINDS = ['AGENTNODE', 'MCP_REGISTRY', 'NPM'] as const;
export const REGISTRY_KIND_LABELS: Record<(typeof REGISTRY_KINDS)[number], string> = {
  AGENTNODE: 'AgentNode',
  MCP_REGISTRY: 'MCP Registry',
  NPM: 'npm',
};

const ZBaseUrl = zText()
  .trim()
  .url('Enter a full URL, e.g. https://agentnode.net')
  .refine((u) => /^https?:\/\//i.test(u), 'Only http:// and https:// registries are supported')
  // A user:password in the URL would be shown and audited in clear: it belongs in the API key field.
  .refine((u) => !/^https?:\/\/[^/?#]*@/i.test(u), 'Put credentials in the API key field, not in the URL')
  .transform((u) => u.replace(/\/+$/, ''));

/** Set by the app on the bundled sample registry only; an admin cannot claim it. */
export const RESERVED_CONFIG_KEYS = ['sample'] as const;

function secretPath(value: unknown, path: string[] = []): string | null {
  if (!value || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    if (isSecretFieldName(k)) return [...path, k].join('.');
    const inner = secretPath(v, [...path, k]);
    if (inner) return inner;
  }
  return null;
}

/**
 * Connector settings as JSON text in the form (e.g. {"perPage": 50} or {"packages": ["@acme/x"]}),
 * or the object it parsed to (so the guard and the operation can both parse: idempotent).
 */
const ZConfigJson = z
  .union([zText({ multiline: true }), z.record(zText(), z.unknown())])
  .optional()
  .transform((raw, ctx) => {
    let value: unknown = raw;
    if (typeof raw === 'string' || raw === undefined) {
      const text = (raw ?? '').trim();
      if (!text) return {};
      try {
        value = JSON.parse(text);
      } catch {
        value = null;
      }
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: 'Settings must be a JSON object, e.g. {"perPage": 50}' });
      return z.NEVER;
    }
    // PostgreSQL's jsonb refuses a NUL even when JSON escaped it.
    if (JSON.stringify(value).includes('\\u0000')) {
      ctx.addIssue({ code: 'custom', message: 'Settings may not contain control characters' });
      return z.NEVER;
    }
    const secret = secretPath(value);
    if (secret) {
      ctx.addIssue({
        code: 'custom',
        message: `Settings may not hold "${secret}": put the key in the API key field (settings are shown and audited in clear)`,
      });
      return z.NEVER;
    }
    const reserved = RESERVED_CONFIG_KEYS.find((k) => k in value);
    if (reserved) {
      ctx.addIssue({ code: 'custom', message: `"${reserved}" is set by the app for its bundled sample registry` });
      return z.NEVER;
    }
    return value as Record<string, unknown>;
  });

const ZEnabled = z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean());

/** Empty = no key (create) or keep the stored one (edit). `env:NAME` reads it from the server's environment. */
const ZApiKey = zText()
  .trim()
  .max(2000, 'API key is too long')
  .optional()
  .refine(
    (v) => !v?.startsWith('env:') || /^env:[A-Za-z_][A-Za-z0-9_]*$/.test(v),
    'Write env: and a variable name, e.g. env:AGENTNODE_API_KEY',
  )
  .transform((v) => v || undefined);

export const ZCreateRegistryInput = z.object({
  name: zText().trim().min(2, 'Give the registry a name (2 characters or more)').max(80),
  kind: z.enum(REGISTRY_KINDS, 'Choose a registry type'),
  baseUrl: ZBaseUrl,
  config: ZConfigJson,
  apiKey: ZApiKey,
  enabled: ZEnabled,
});
export type TCreateRegistryInput = z.input<typeof ZCreateRegistryInput>;

export const ZUpdateRegistryInput = ZCreateRegistryInput.omit({ kind: true }).extend({
  id: zText().min(1),
  enabled: ZEnabled,
  /** Checked: remove the stored key. */
  clearApiKey: ZEnabled.optional(),
});
export type TUpdateRegistryInput = z.input<typeof ZUpdateRegistryInput>;

export const ZRegistryIdInput = z.object({ id: zText().min(1) });
export const ZSetRegistryEnabledInput = z.object({ id: zText().min(1), enabled: ZEnabled });
export type TSetRegistryEnabledInput = z.input<typeof ZSetRegistryEnabledInput>;
export type TRegistryIdInput = z.input<typeof ZRegistryIdInput>;

export const SYNC_TRIGGERS = ['MANUAL', 'SCHEDULE', 'API', 'STARTUP'] as const;
export const ZStartRegistrySyncInput = z.object({ registryId: zText().min(1), trigger: z.enum(SYNC_TRIGGERS) });
export type TStartRegistrySyncInput = z.input<typeof ZStartRegistrySyncInput>;

export const ALERT_STATES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const;
export const ALERT_SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;

/** Alert inbox filters, read from the URL. Unknown values fall back to "all" rather than erroring. */
export const ZAlertFilter = z.object({
  state: z
    .enum([...ALERT_STATES, 'ALL'])
    .catch('OPEN')
    .default('OPEN'),
  severity: z.enum(ALERT_SEVERITIES).optional().catch(undefined),
  kind: zText().trim().max(60).optional().catch(undefined),
  toolId: zText().trim().max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type TAlertFilter = z.infer<typeof ZAlertFilter>;

export const ZSyncRunFilter = z.object({
  registryId: zText().trim().max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
