-- Keyset paging of the inventory (issue 9.4). The trigram_search migration already made
-- "Tool_name_id_idx" and "Tool_trustScore_asc_id_idx" (the schema now names them), hence IF NOT
-- EXISTS; the single-column indexes they extend go.
-- DropIndex
DROP INDEX "Tool_name_idx";

-- DropIndex
DROP INDEX "Tool_tier_name_idx";

-- DropIndex
DROP INDEX "Tool_trustScore_idx";

-- DropIndex
DROP INDEX "Tool_updatedAt_idx";

-- AlterTable
ALTER TABLE "Tool" ADD COLUMN     "publisherName" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX IF NOT EXISTS "Tool_name_id_idx" ON "Tool"("name", "id");

-- CreateIndex
CREATE INDEX IF NOT EXISTS "Tool_tier_name_id_idx" ON "Tool"("tier", "name", "id");

-- CreateIndex
CREATE INDEX IF NOT EXISTS "Tool_publisherName_name_id_idx" ON "Tool"("publisherName", "name", "id");

-- CreateIndex
CREATE INDEX IF NOT EXISTS "Tool_publisherName_desc_name_id_idx" ON "Tool"("publisherName" DESC, "name", "id");

-- CreateIndex
CREATE INDEX IF NOT EXISTS "Tool_updatedAt_id_idx" ON "Tool"("updatedAt", "id");

-- Tool.publisherName copies Publisher.name so the inventory's publisher sort reads one index
-- (issue 9.4: sorting across the join took 1.5 s at 100,000 tools). The app never writes it:
-- these triggers keep it equal to the publisher's name on every insert, move and rename.
UPDATE "Tool" t SET "publisherName" = p."name" FROM "Publisher" p WHERE p."id" = t."publisherId";

CREATE OR REPLACE FUNCTION toolledger_tool_publisher_name() RETURNS trigger AS $$
BEGIN
  SELECT "name" INTO NEW."publisherName" FROM "Publisher" WHERE "id" = NEW."publisherId";
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Tool_publisherName" BEFORE INSERT OR UPDATE OF "publisherId", "publisherName" ON "Tool"
  FOR EACH ROW EXECUTE FUNCTION toolledger_tool_publisher_name();

CREATE OR REPLACE FUNCTION toolledger_publisher_renamed() RETURNS trigger AS $$
BEGIN
  UPDATE "Tool" SET "publisherName" = NEW."name" WHERE "publisherId" = NEW."id";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Publisher_renamed" AFTER UPDATE OF "name" ON "Publisher"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION toolledger_publisher_renamed();
