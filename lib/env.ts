import { z } from 'zod';

// Validated once; a wrong setting stops the app at start with the list of what is wrong.
const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection string')
    .optional(),
  TOOLLEDGER_DATA_DIR: z.string().min(1).default('.data/pglite'),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** Session lifetime in seconds (default 8 hours). */
  TOOLLEDGER_SESSION_MAX_AGE: z.coerce.number().int().positive().default(8 * 60 * 60),
  /** Demo mode seeds demo users and API keys and shows them on the sign-in page. */
  TOOLLEDGER_DEMO: z.enum(['true', 'false']).optional(),
  /** Port of the bundled sample AgentNode registry the app serves in demo mode (0 = any free port). */
  TOOLLEDGER_SAMPLE_REGISTRY_PORT: z.coerce.number().int().min(0).max(65_535).default(4319),
  /** Minutes between scheduled registry syncs (0 switches the schedule off). */
  TOOLLEDGER_SYNC_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(60),
  /** Encrypts registry API keys at rest (AES-256-GCM); 32 characters or more. */
  TOOLLEDGER_SECRET_KEY: z.string().min(32, 'must be 32 characters or more').optional(),
  /** Comma-separated host or host:port entries registry connectors may reach on private addresses. */
  TOOLLEDGER_ALLOWED_REGISTRY_HOSTS: z.string().optional(),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default('Company SSO'),
  /** Role given to an OIDC user signing in for the first time. */
  OIDC_DEFAULT_ROLE: z.enum(['ADMIN', 'COMPLIANCE_OFFICER', 'SECURITY_REVIEWER', 'AUDITOR']).default('AUDITOR'),
});

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(
    Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}

/**
 * Demo mode (the default, on PGlite and PostgreSQL alike): an empty database gets demo data,
 * and the sign-in page lists the demo accounts. Production sets TOOLLEDGER_DEMO=false.
 */
export function isDemoMode(): boolean {
  return env().TOOLLEDGER_DEMO !== 'false';
}

export function oidcConfigured(): boolean {
  const e = env();
  return Boolean(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET);
}
