import type { NextConfig } from 'next';

const config: NextConfig = {
  // PGlite loads its wasm and data files from its own package folder at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', '@node-rs/argon2', 'pg', 'pdfkit'],
  poweredByHeader: false,
  // Separate build folders let several checkouts' e2e servers build side by side.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  typedRoutes: false,
  // `npm test` type-checks the whole project (tsc --noEmit) before building; not twice.
  typescript: { ignoreBuildErrors: true },
  // forbidden() and app/(dashboard)/forbidden.tsx: a refused page answers 403 inside the dashboard.
  experimental: { authInterrupts: true },
};

export default config;
