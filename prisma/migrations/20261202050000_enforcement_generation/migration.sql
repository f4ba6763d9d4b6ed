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

-- Bumps once per transaction: the first governing row change of a transaction does the work,
-- the others see the transaction-local marker. It runs deferred, at commit, so the counter row
-- is locked only for the commit itself (no deadlock with the transaction's other locks, no
-- serialisation of long transactions).
CREATE OR REPLACE FUNCTION toolledger_bump_enforcement_generation() RETURNS trigger AS $$
BEGIN
  IF current_setting('toolledger.enforcement_generation_bumped', true) = txid_current()::text THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('toolledger.enforcement_generation_bumped', txid_current()::text, true);
  UPDATE "EnforcementGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
  PERFORM pg_notify('toolledger_enforcement_generation', '');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- A table joins with one line: SELECT toolledger_governs_enforcement('"TableName"');
-- (a deferred row trigger for INSERT/UPDATE/DELETE, and a statement trigger for TRUNCATE).
CREATE OR REPLACE FUNCTION toolledger_governs_enforcement(target regclass) RETURNS void AS $$
DECLARE
  base text := trim(both '"' from target::text);
BEGIN
  EXECUTE format(
    'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %s DEFERRABLE INITIALLY DEFERRED '
    'FOR EACH ROW EXECUTE FUNCTION toolledger_bump_enforcement_generation()',
    base || '_enforcement_generation', target);
  EXECUTE format(
    'CREATE TRIGGER %I AFTER TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION toolledger_bump_enforcement_generation()',
    base || '_enforcement_generation_truncate', target);
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
