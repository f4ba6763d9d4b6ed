import { defineConfig } from 'prisma/config';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';

// Prisma 6.19 with the JS schema engine: no engine binary is downloaded.
// The CLI is only used for `generate` and `migrate diff` (see scripts/regen-migration.mjs);
// the app applies migrations itself at start (lib/db/migrate.ts).
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  async adapter() {
    if (process.env.DATABASE_URL) return new PrismaPg({ connectionString: process.env.DATABASE_URL });
    // An in-memory database: the CLI never opens the app's data folder (PGlite is single-process).
    return new PrismaPGlite(new PGlite());
  },
});
