-- AlterTable
ALTER TABLE "Tool" ADD COLUMN     "environments" "Environment"[] DEFAULT ARRAY[]::"Environment"[];

-- CreateIndex
CREATE INDEX "Tool_environments_idx" ON "Tool" USING GIN ("environments");

-- Tool.environments copies "the environments where an agent has it installed (any state but
-- revoked)" so the inventory's environment filter is an index condition that joins the trigram
-- search's bitmap (issue 9.4: env=DEVELOPMENT + q="pdf" probed the installations of ~6,400 tools
-- per page at 100,000 tools). The app never writes it: this trigger recomputes it for the tool(s)
-- an installation row belonged to or belongs to, on every insert, delete and change of tool,
-- environment or state.
CREATE OR REPLACE FUNCTION toolledger_tool_environments_of(tool text) RETURNS "Environment"[] AS $$
  SELECT ARRAY(SELECT DISTINCT i."environment" FROM "Installation" i
               WHERE i."toolId" = tool AND i."state" <> 'REVOKED' ORDER BY 1);
$$ LANGUAGE sql STABLE;

UPDATE "Tool" t SET "environments" = toolledger_tool_environments_of(t."id");

CREATE OR REPLACE FUNCTION toolledger_installation_environments() RETURNS trigger AS $$
DECLARE
  tool text;
BEGIN
  FOR tool IN
    SELECT DISTINCT x FROM unnest(ARRAY[
      CASE WHEN TG_OP <> 'DELETE' THEN NEW."toolId" END,
      CASE WHEN TG_OP <> 'INSERT' THEN OLD."toolId" END]) AS x
    WHERE x IS NOT NULL
  LOOP
    -- Lock the tool row first, then read the installations in a new statement: under READ
    -- COMMITTED that statement sees every installation committed by a transaction that held the
    -- lock before, so two concurrent installs of one tool cannot overwrite each other's
    -- environment. NO KEY UPDATE does not wait on the KEY SHARE locks that the installations'
    -- foreign keys take on the tool, so two such inserts do not deadlock.
    PERFORM 1 FROM "Tool" WHERE "id" = tool FOR NO KEY UPDATE;
    UPDATE "Tool" SET "environments" = toolledger_tool_environments_of(tool)
      WHERE "id" = tool AND "environments" IS DISTINCT FROM toolledger_tool_environments_of(tool);
  END LOOP;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Installation_tool_environments"
  AFTER INSERT OR DELETE OR UPDATE OF "toolId", "environment", "state" ON "Installation"
  FOR EACH ROW EXECUTE FUNCTION toolledger_installation_environments();
