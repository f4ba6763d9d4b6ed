-- CreateEnum
CREATE TYPE "DefinitionSource" AS ENUM ('GATEWAY', 'REGISTRY');

-- CreateEnum
CREATE TYPE "DefinitionVerdict" AS ENUM ('MATCH', 'FIRST_SEEN', 'CHANGED');

-- CreateTable
CREATE TABLE "ToolDefinitionReport" (
    "id" TEXT NOT NULL,
    "toolVersionId" TEXT NOT NULL,
    "agentId" TEXT,
    "apiKeyId" TEXT,
    "source" "DefinitionSource" NOT NULL,
    "hash" TEXT NOT NULL,
    "definitions" JSONB NOT NULL,
    "pinnedHash" TEXT,
    "verdict" "DefinitionVerdict" NOT NULL,
    "findings" JSONB NOT NULL,
    "worstSeverity" TEXT,
    "reportedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ToolDefinitionReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ToolDefinitionReport_toolVersionId_reportedAt_idx" ON "ToolDefinitionReport"("toolVersionId", "reportedAt");

-- CreateIndex
CREATE INDEX "ToolDefinitionReport_agentId_reportedAt_idx" ON "ToolDefinitionReport"("agentId", "reportedAt");

-- AddForeignKey
ALTER TABLE "ToolDefinitionReport" ADD CONSTRAINT "ToolDefinitionReport_toolVersionId_fkey" FOREIGN KEY ("toolVersionId") REFERENCES "ToolVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolDefinitionReport" ADD CONSTRAINT "ToolDefinitionReport_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Evidence: a report is written once and never changed (lib/db/append-only-tables.ts).
CREATE TRIGGER "ToolDefinitionReport_append_only" BEFORE UPDATE OR DELETE ON "ToolDefinitionReport"
  FOR EACH ROW EXECUTE FUNCTION toolledger_refuse_change();
CREATE TRIGGER "ToolDefinitionReport_no_truncate" BEFORE TRUNCATE ON "ToolDefinitionReport"
  FOR EACH STATEMENT EXECUTE FUNCTION toolledger_refuse_change();
