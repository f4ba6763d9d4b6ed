-- Issue 9 (search at 100k tools): text search by trigram index, so `ILIKE '%word%'` on the
-- inventory's searched columns is an index lookup instead of a scan of every tool.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the schema owner may create it. The embedded
-- database loads it too (lib/db/driver.ts passes PGlite's pg_trgm contrib module).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX IF NOT EXISTS "Tool_name_trgm_idx" ON "Tool" USING GIN ("name" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "Tool_externalId_trgm_idx" ON "Tool" USING GIN ("externalId" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "Tool_description_trgm_idx" ON "Tool" USING GIN ("description" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "Publisher_name_trgm_idx" ON "Publisher" USING GIN ("name" gin_trgm_ops);
