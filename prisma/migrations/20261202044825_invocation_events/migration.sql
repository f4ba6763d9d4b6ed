-- CreateEnum
CREATE TYPE "InvocationResult" AS ENUM ('SUCCESS', 'ERROR', 'TIMEOUT', 'DENIED');

-- CreateEnum
CREATE TYPE "InvocationApproval" AS ENUM ('ALLOWED', 'NO_ALLOW', 'DENIED', 'UNKNOWN_SUBJECT');

-- CreateTable (partitioned by hand: one partition per month of receivedAt, see below)
CREATE TABLE "InvocationEvent" (
    "seq" BIGINT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "eventId" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "agentName" TEXT NOT NULL,
    "agentId" TEXT,
    "toolName" TEXT NOT NULL,
    "toolId" TEXT,
    "toolVersion" TEXT NOT NULL,
    "toolVersionId" TEXT,
    "trustLevel" TEXT,
    "publisher" TEXT,
    "inputSchemaHash" TEXT,
    "outputSchemaHash" TEXT,
    "durationMs" INTEGER NOT NULL,
    "inputSizeBytes" INTEGER,
    "outputSizeBytes" INTEGER,
    "permissionsUsed" TEXT[],
    "networkUsed" "NetworkLevel",
    "filesystemUsed" "FilesystemLevel",
    "codeExecutionUsed" "CodeExecutionLevel",
    "dataAccessUsed" "DataAccessLevel",
    "dataClassification" "DataClassification" NOT NULL,
    "resultStatus" "InvocationResult" NOT NULL,
    "approval" "InvocationApproval" NOT NULL,
    "decisionId" TEXT,
    "apiKeyId" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "InvocationEvent_pkey" PRIMARY KEY ("seq","receivedAt")
) PARTITION BY RANGE ("receivedAt");

-- CreateIndex
CREATE INDEX "InvocationEvent_occurredAt_seq_idx" ON "InvocationEvent"("occurredAt", "seq");

-- CreateIndex
CREATE INDEX "InvocationEvent_agentName_occurredAt_seq_idx" ON "InvocationEvent"("agentName", "occurredAt", "seq");

-- CreateIndex
CREATE INDEX "InvocationEvent_toolName_toolVersion_occurredAt_seq_idx" ON "InvocationEvent"("toolName", "toolVersion", "occurredAt", "seq");

-- CreateIndex
CREATE INDEX "InvocationEvent_resultStatus_occurredAt_seq_idx" ON "InvocationEvent"("resultStatus", "occurredAt", "seq");

-- CreateIndex
CREATE INDEX "InvocationEvent_dataClassification_occurredAt_seq_idx" ON "InvocationEvent"("dataClassification", "occurredAt", "seq");

-- CreateIndex
CREATE INDEX "InvocationEvent_approval_occurredAt_seq_idx" ON "InvocationEvent"("approval", "occurredAt", "seq");

-- CreateIndex
CREATE INDEX "InvocationEvent_agentName_eventId_idx" ON "InvocationEvent"("agentName", "eventId");



-- Partitions: one per calendar month of "receivedAt", named InvocationEvent_YYYY_MM. The runtime
-- role cannot create or drop tables (lib/db/runtime-role.ts), so both go through functions that
-- run as their owner (SECURITY DEFINER) and do nothing else. The scheduler creates months ahead;
-- ingestion calls ensure for its own month too, so a stopped scheduler never refuses an event.
CREATE FUNCTION toolledger_invocation_partition_ensure(at TIMESTAMP) RETURNS TEXT
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  month_start TIMESTAMP := date_trunc('month', at);
  name TEXT := 'InvocationEvent_' || to_char(month_start, 'YYYY_MM');
BEGIN
  IF to_regclass(format('%I', name)) IS NULL THEN
    -- Two callers creating the same month would collide in the catalog: take turns.
    PERFORM pg_advisory_xact_lock(4242011);
    IF to_regclass(format('%I', name)) IS NULL THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF "InvocationEvent" FOR VALUES FROM (%L) TO (%L)',
        name, month_start, month_start + INTERVAL '1 month');
    END IF;
  END IF;
  RETURN name;
END;
$$;

-- Retention drops whole months whose end is at or before the cutoff, oldest first, and returns
-- their names. The cutoff may not be later than 30 days ago (database time), so the runtime role
-- cannot use this to wipe recent evidence.
CREATE FUNCTION toolledger_invocation_partitions_drop_before(cutoff TIMESTAMP) RETURNS SETOF TEXT
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  part RECORD;
BEGIN
  IF cutoff > (now() AT TIME ZONE 'UTC') - INTERVAL '30 days' THEN
    RAISE EXCEPTION 'retention cutoff % is within the last 30 days', cutoff
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  FOR part IN
    SELECT c.relname AS name, to_timestamp(substr(c.relname, 17), 'YYYY_MM')::TIMESTAMP AS month_start
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = '"InvocationEvent"'::regclass AND c.relname ~ '^InvocationEvent_[0-9]{4}_[0-9]{2}$'
     ORDER BY 2
  LOOP
    EXIT WHEN part.month_start + INTERVAL '1 month' > cutoff;
    EXECUTE format('DROP TABLE %I', part.name);
    RETURN NEXT part.name;
  END LOOP;
END;
$$;

SELECT toolledger_invocation_partition_ensure((now() AT TIME ZONE 'UTC')::TIMESTAMP + m * INTERVAL '1 month')
  FROM generate_series(0, 2) AS m;

-- Evidence: append-only in the database itself (toolledger_refuse_change comes from the
-- append_only_audit_tables migration). Row triggers on the parent are cloned onto every partition.
CREATE TRIGGER "InvocationEvent_append_only" BEFORE UPDATE OR DELETE ON "InvocationEvent"
  FOR EACH ROW EXECUTE FUNCTION toolledger_refuse_change();
CREATE TRIGGER "InvocationEvent_no_truncate" BEFORE TRUNCATE ON "InvocationEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION toolledger_refuse_change();
