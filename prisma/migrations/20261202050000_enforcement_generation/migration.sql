-- Enforcement generation (ADR 0008): one counter that every change to a table governing an
-- enforcement decision bumps, in the same transaction as the change. The enforcement API caches
-- the facts of a decision under the generation it read them at, and writes the decision row only
-- if that generation is still current (checked inside the INSERT), so a cached answer never
-- outlives a committed change. NOTIFY tells every instance to drop its cache at once.

CREATE TABLE "EnforcementGeneration" (
  "id" SMALLINT PRIMARY KEY DEFAULT 1 CHECK ("id" = 1),
  "value" BIGINT NOT NULL DEFAULT 0
);
INSERT INTO "EnforcementGeneration" ("id", "value") VALUES (1, 0);

-- A governing statement notes its transaction once (a statement trigger: one call per statement,
-- however many rows it writes, so bulk syncs pay nothing per row); the note's deferred trigger
-- bumps the counter at commit, so the counter row is locked only while the changing transaction
-- commits (long transactions do not serialise on it, and no deadlock with their other locks).
-- The note is deleted by that same trigger: the table is empty outside a committing transaction.
CREATE TABLE "EnforcementGenerationNote" ("txid" xid8 PRIMARY KEY);

CREATE OR REPLACE FUNCTION toolledger_note_enforcement_change() RETURNS trigger AS $$
BEGIN
  IF current_setting('toolledger.enforcement_change_noted', true) = pg_current_xact_id()::text THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('toolledger.enforcement_change_noted', pg_current_xact_id()::text, true);
  INSERT INTO "EnforcementGenerationNote" ("txid") VALUES (pg_current_xact_id());
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION toolledger_bump_enforcement_generation() RETURNS trigger AS $$
BEGIN
  UPDATE "EnforcementGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
  DELETE FROM "EnforcementGenerationNote" WHERE "txid" = NEW."txid";
  PERFORM pg_notify('toolledger_enforcement_generation', '');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER "EnforcementGenerationNote_bump" AFTER INSERT ON "EnforcementGenerationNote"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION toolledger_bump_enforcement_generation();

-- A table joins with one line: SELECT toolledger_governs_enforcement('"TableName"');
CREATE OR REPLACE FUNCTION toolledger_governs_enforcement(target regclass) RETURNS void AS $$
BEGIN
  EXECUTE format(
    'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %s '
    'FOR EACH STATEMENT EXECUTE FUNCTION toolledger_note_enforcement_change()',
    trim(both '"' from target::text) || '_enforcement_generation', target);
END;
$$ LANGUAGE plpgsql;

-- Every table an enforcement decision reads, or that an approval or quarantine changes.
SELECT toolledger_governs_enforcement('"Agent"');
SELECT toolledger_governs_enforcement('"ApiKey"');
SELECT toolledger_governs_enforcement('"Registry"');
SELECT toolledger_governs_enforcement('"Tool"');
SELECT toolledger_governs_enforcement('"ToolVersion"');
SELECT toolledger_governs_enforcement('"Installation"');
SELECT toolledger_governs_enforcement('"AllowlistEntry"');
SELECT toolledger_governs_enforcement('"Policy"');
SELECT toolledger_governs_enforcement('"PolicyException"');
SELECT toolledger_governs_enforcement('"VerificationRecord"');
