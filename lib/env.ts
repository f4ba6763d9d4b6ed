import { z } from 'zod';
import { ZCreateUserInput } from '@/lib/validation/user';

const ZPostgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection string');

// Validated once; a wrong setting stops the app at start with the list of what is wrong.
const ZEnvFields = z.object({
  NODE_ENV: z.string().optional(),
  DATABASE_URL: ZPostgresUrl.optional(),
  /**
   * The owner role's connection, for migrations only. When set, the app runs on DATABASE_URL's
   * role with no power over the schema: INSERT and SELECT only on the append-only tables.
   */
  DATABASE_MIGRATION_URL: ZPostgresUrl.optional(),
  TOOLLEDGER_DATA_DIR: z.string().min(1).default('.data/pglite'),
  NEXTAUTH_SECRET: z.string().min(32, 'use at least 32 characters (openssl rand -base64 32)').optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** Session lifetime in seconds (default 8 hours). */
  TOOLLEDGER_SESSION_MAX_AGE: z.coerce
    .number()
    .int()
    .positive()
    .default(8 * 60 * 60),
  /** Demo data, demo accounts and demo API keys: see demoModeOf() for the default. */
  TOOLLEDGER_DEMO: z.enum(['true', 'false'], 'must be true or false').optional(),
  /** The first admin, created at start when the database has no active admin (same rules as every user). */
  TOOLLEDGER_ADMIN_EMAIL: ZCreateUserInput.shape.email.optional(),
  TOOLLEDGER_ADMIN_PASSWORD: ZCreateUserInput.shape.password.optional(),
  /** Signs audit chain checkpoints (HMAC-SHA256). Kept out of the database so the database alone cannot forge one. */
  TOOLLEDGER_CHECKPOINT_KEY: z.string().min(32, 'use at least 32 characters (openssl rand -base64 32)').optional(),
  /** Minutes between audit chain checkpoints (0 switches them off). */
  TOOLLEDGER_CHECKPOINT_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  /** Port of the bundled sample AgentNode registry the app serves in demo mode (0 = any free port). */
  TOOLLEDGER_SAMPLE_REGISTRY_PORT: z.coerce.number().int().min(0).max(65_535).default(4319),
  /** Minutes between scheduled registry syncs (0 switches the schedule off). */
  TOOLLEDGER_SYNC_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  /** Invocation events (issue 11): days kept; older events are refused at ingest and purged by month. */
  TOOLLEDGER_EVENTS_RETENTION_DAYS: z.coerce.number().int().min(31).max(3650).default(400),
  /** Encrypts registry API keys at rest (AES-256-GCM); 32 characters or more. */
  TOOLLEDGER_SECRET_KEY: z.string().min(32, 'must be 32 characters or more').optional(),
  // Evidence packs (issue 13).
  /** Ed25519 private key (PKCS#8 PEM) that signs evidence packs; without it the instance generates one, sealed with TOOLLEDGER_SECRET_KEY. */
  TOOLLEDGER_EVIDENCE_SIGNING_KEY: z.string().includes('PRIVATE KEY', { message: 'must be a PKCS#8 PEM private key' }).optional(),
  /** Where built evidence packs are kept (every instance needs the same directory). */
  TOOLLEDGER_EVIDENCE_DIR: z.string().min(1).default('.data/evidence-packs'),
  /** The name reports and the governance policy document give this instance (default: NEXTAUTH_URL's host). */
  TOOLLEDGER_INSTANCE_NAME: z.string().trim().min(1).max(100).optional(),
  /** Comma-separated host or host:port entries registry connectors may reach on private addresses. */
  TOOLLEDGER_ALLOWED_REGISTRY_HOSTS: z.string().optional(),
  /** The same for alert webhook endpoints (issue 11.6): a SIEM collector on the private network. */
  TOOLLEDGER_ALLOWED_WEBHOOK_HOSTS: z.string().optional(),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default('Company SSO'),
  /** Role given to an OIDC user signing in for the first time. */
  OIDC_DEFAULT_ROLE: z.enum(['ADMIN', 'COMPLIANCE_OFFICER', 'SECURITY_REVIEWER', 'AUDITOR']).default('AUDITOR'),
  /** Comma-separated email domains allowed to sign in through OIDC (exact match). */
  OIDC_ALLOWED_DOMAINS: z.string().optional(),
  /** Comma-separated values of the `groups` claim allowed to sign in through OIDC. */
  OIDC_ALLOWED_GROUPS: z.string().optional(),
  /** Public API requests per key per minute, shared by every instance (default far above 200 req/s). */
  TOOLLEDGER_API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(60_000),
  /** End-to-end tests only: a file holding a clock offset in ms (lib/server/clock.ts). Demo mode only. */
  TOOLLEDGER_TEST_CLOCK_FILE: z.string().optional(),
});

/**
 * Demo mode is on by default only with the embedded database outside production. A PostgreSQL
 * database (DATABASE_URL) or NODE_ENV=production turns it off unless TOOLLEDGER_DEMO=true says
 * otherwise, so demo accounts with a public password never reach a real deployment by accident.
 * (scripts/start.mjs applies the same rule before `next start` forces NODE_ENV=production.)
 */
export function demoModeOf(e: { TOOLLEDGER_DEMO?: 'true' | 'false'; DATABASE_URL?: string; NODE_ENV?: string }): boolean {
  if (e.TOOLLEDGER_DEMO) return e.TOOLLEDGER_DEMO === 'true';
  return !e.DATABASE_URL && e.NODE_ENV !== 'production';
}

// Outside demo mode nobody may sign in with a known secret: these have no safe default.
const REQUIRED_OUTSIDE_DEMO = {
  NEXTAUTH_SECRET: 'signs sessions; every instance needs the same one',
  TOOLLEDGER_ADMIN_EMAIL: 'the first admin, created when the database has no active admin',
  TOOLLEDGER_ADMIN_PASSWORD: "the first admin's password (at least 12 characters)",
  TOOLLEDGER_CHECKPOINT_KEY: 'signs audit chain checkpoints; keep it out of the database',
} as const;

const ZEnv = ZEnvFields.superRefine((e, ctx) => {
  if (e.DATABASE_MIGRATION_URL && !e.DATABASE_URL) {
    ctx.addIssue({ code: 'custom', path: ['DATABASE_MIGRATION_URL'], message: 'needs DATABASE_URL too (the runtime role)' });
  }
  if (demoModeOf(e)) return;
  if (e.TOOLLEDGER_TEST_CLOCK_FILE) {
    ctx.addIssue({ code: 'custom', path: ['TOOLLEDGER_TEST_CLOCK_FILE'], message: 'a test clock is refused outside demo mode' });
  }
  for (const [name, why] of Object.entries(REQUIRED_OUTSIDE_DEMO)) {
    if (!e[name as keyof typeof REQUIRED_OUTSIDE_DEMO]) {
      ctx.addIssue({ code: 'custom', path: [name], message: `required when demo mode is off (${why})` });
    }
  }
}).transform((e) => ({ ...e, demo: demoModeOf(e) }));

export type Env = z.infer<typeof ZEnv>;

/** Parses an environment (process.env or a test's); throws with every problem listed. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = ZEnv.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    const demo = demoModeOf(source as Parameters<typeof demoModeOf>[0]);
    const hint = demo ? '' : '\n(Demo mode is off because DATABASE_URL or NODE_ENV=production is set; see README "Production".)';
    throw new Error(`Invalid environment:\n${lines}${hint}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests that change process.env read it again (each test file runs in its own worker). */
export function reloadEnv(): Env {
  cached = undefined;
  return env();
}

/** Demo mode: an empty database gets demo data, and the sign-in page lists the demo accounts. */
export function isDemoMode(): boolean {
  return env().demo;
}

export function oidcConfigured(): boolean {
  const e = env();
  return Boolean(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET);
}
