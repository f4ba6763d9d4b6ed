import type { NextConfig } from 'next';
import { machineApiHeaderRules } from './lib/domain/machine-api-routes';

const config: NextConfig = {
  // PGlite loads its wasm and data files from its own package folder at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', '@node-rs/argon2', 'pg', 'pg-copy-streams', 'pdfkit'],
  poweredByHeader: false,
  // Separate build folders let several checkouts' e2e servers build side by side.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  typedRoutes: false,
  // `npm test` type-checks the whole project (tsc --noEmit) before building; not twice.
  typescript: { ignoreBuildErrors: true },
  // The agent-facing API skips proxy.ts (lib/domain/machine-api-routes.ts says why) and gets its headers here.
  headers: async () => machineApiHeaderRules(),
  // forbidden() and app/(dashboard)/forbidden.tsx: a refused page answers 403 inside the dashboard.
  // Evidence packs (issue 13): the verify page uploads a whole archive to a server action
  // (VERIFY_UPLOAD_MAX_BYTES, lib/validation/evidence-pack.ts) through the proxy.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '101mb' }, proxyClientMaxBodySize: '101mb' },
};

export default config;
