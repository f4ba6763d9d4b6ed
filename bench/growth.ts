// The 10k-tool catalogue the benches grow the demo data to (issue 9): 10,000 tools with 5 versions
// each and 200,000 logged enforcement decisions, added as raw SQL in one go (seconds, where the
// real operations would take an hour). Shared so that the enforce and pages benches measure the
// same catalogue. On PGlite the app must be stopped first: the embedded database has one owner.
import { openDatabase, type DatabaseTarget } from '@/lib/db/driver';

export const GROWTH_SQL = `
INSERT INTO "Tool" (id, "registryId", "publisherId", "externalId", name, "updatedAt")
  SELECT 'bench-tool-' || g, r.id, p.id, 'bench-tool-' || g, 'Bench Tool ' || g, now()
    FROM generate_series(1, 10000) g, (SELECT id FROM "Registry" LIMIT 1) r, (SELECT id FROM "Publisher" LIMIT 1) p;
INSERT INTO "ToolVersion" (id, "toolId", version, "updatedAt")
  SELECT 'bench-v-' || g || '-' || v, 'bench-tool-' || g, '1.0.' || v, now() FROM generate_series(1, 10000) g, generate_series(1, 5) v;
INSERT INTO "EnforcementDecision" (id, "createdAt", "agentName", "toolName", version, action, outcome, reasons)
  SELECT 'bench-d-' || g, now() - (g || ' seconds')::interval, 'bench-agent-prod-01', 'bench-tool-' || (g % 10000), '1.0.1', 'INVOKE',
         (CASE WHEN g % 2 = 0 THEN 'ALLOW' ELSE 'DENY' END)::"EnforcementOutcome", '[]'::jsonb
    FROM generate_series(1, 200000) g;
ANALYZE;`;

export interface GrowthResult {
  seconds: number;
  tools: number;
  versions: number;
  decisions: number;
}

/** Adds the bulk rows to the database at `target` and returns the new counts. */
export async function growCatalogue(target: DatabaseTarget): Promise<GrowthResult> {
  const db = await openDatabase(target);
  try {
    const t0 = performance.now();
    await db.exec(GROWTH_SQL);
    const [c] = await db.query<{ tools: number; versions: number; decisions: number }>(
      'SELECT (SELECT count(*) FROM "Tool")::int AS tools, (SELECT count(*) FROM "ToolVersion")::int AS versions, (SELECT count(*) FROM "EnforcementDecision")::int AS decisions',
    );
    return { seconds: (performance.now() - t0) / 1000, ...c! };
  } finally {
    await db.close();
  }
}
