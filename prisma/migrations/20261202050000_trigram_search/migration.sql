-- Issue 9 (search at 100k tools): text search by trigram index, so `ILIKE '%word%'` on the
-- inventory's searched columns is an index lookup instead of a scan of every tool.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the schema owner may create it. The embedded
-- database loads it too (lib/db/driver.ts passes PGlite's pg_trgm contrib module).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX IF NOT EXISTS "Tool_name_trgm_idx" ON "Tool" USING GIN ("name" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "Tool_externalId_trgm_idx" ON "Tool" USING GIN ("externalId" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "Tool_description_trgm_idx" ON "Tool" USING GIN ("description" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "Publisher_name_trgm_idx" ON "Publisher" USING GIN ("name" gin_trgm_ops);

-- Issue 9: the inventory's sorts with their tie-break, in the directions the list asks for, so a
-- first page at 100,000 tools reads 25 index entries instead of sorting every tool
-- (lib/server/inventory/inventory-where.ts inventoryOrderBy).
CREATE INDEX IF NOT EXISTS "Tool_trustScore_asc_id_idx" ON "Tool" ("trustScore" ASC NULLS LAST, "id" ASC);
CREATE INDEX IF NOT EXISTS "Tool_trustScore_desc_id_idx" ON "Tool" ("trustScore" DESC NULLS LAST, "id" DESC);
CREATE INDEX IF NOT EXISTS "Tool_tier_desc_name_id_idx" ON "Tool" ("tier" DESC, "name" ASC, "id" ASC);
CREATE INDEX IF NOT EXISTS "Tool_name_id_idx" ON "Tool" ("name", "id");
