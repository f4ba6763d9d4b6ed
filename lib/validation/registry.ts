import { z } from 'zod';
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
  .transform((u) => u.replace(/\/+$/, ''));

/** Connector settings as JSON text in the form (e.g. {"perPage": 50} or {"packages": ["@acme/x"]}). */
const ZConfigJson = zText()
  .trim()
  .optional()
  .transform((text, ctx) => {
    if (!text) return {};
    try {
      const value: unknown = JSON.parse(text);
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: 'Settings must be a JSON object, e.g. {"perPage": 50}' });
    return z.NEVER;
  });

const ZEnabled = z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean());

export const ZCreateRegistryInput = z.object({
  name: zText().trim().min(2, 'Give the registry a name (2 characters or more)').max(80),
  kind: z.enum(REGISTRY_KINDS, 'Choose a registry type'),
  baseUrl: ZBaseUrl,
  config: ZConfigJson,
  enabled: ZEnabled,
});
export type TCreateRegistryInput = z.infer<typeof ZCreateRegistryInput>;

export const ZUpdateRegistryInput = ZCreateRegistryInput.omit({ kind: true }).extend({ id: zText().min(1), enabled: ZEnabled });
export type TUpdateRegistryInput = z.infer<typeof ZUpdateRegistryInput>;

export const ZRegistryIdInput = z.object({ id: zText().min(1) });
export const ZSetRegistryEnabledInput = z.object({ id: zText().min(1), enabled: ZEnabled });

export const ALERT_STATES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const;
export const ALERT_SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;

/** Alert inbox filters, read from the URL. Unknown values fall back to "all" rather than erroring. */
export const ZAlertFilter = z.object({
  state: z.enum([...ALERT_STATES, 'ALL']).catch('OPEN').default('OPEN'),
  severity: z.enum(ALERT_SEVERITIES).optional().catch(undefined),
  kind: zText().trim().max(60).optional().catch(undefined),
  toolId: zText().trim().max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type TAlertFilter = z.infer<typeof ZAlertFilter>;

export const ZAlertActionInput = z.object({ id: zText().min(1), action: z.enum(['acknowledge', 'resolve']) });

export const ZSyncRunFilter = z.object({
  registryId: zText().trim().max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
