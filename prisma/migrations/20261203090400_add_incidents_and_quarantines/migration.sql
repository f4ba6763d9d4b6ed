-- CreateEnum
CREATE TYPE "IncidentScenario" AS ENUM ('COMPROMISED_TOOL', 'DATA_LEAKAGE', 'UNAUTHORIZED_INSTALLATION', 'SUPPLY_CHAIN_ATTACK');

-- CreateEnum
CREATE TYPE "IncidentSeverity" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('OPEN', 'CONTAINED', 'RECOVERED', 'CLOSED');

-- CreateEnum
CREATE TYPE "IncidentLinkKind" AS ENUM ('TOOL', 'VERSION', 'AGENT', 'ALERT', 'INVOCATION');

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "scenario" "IncidentScenario" NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "severity" "IncidentSeverity" NOT NULL,
    "status" "IncidentStatus" NOT NULL DEFAULT 'OPEN',
    "ownerId" TEXT NOT NULL,
    "openedById" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "lessonsLearned" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentStep" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "stepKey" TEXT NOT NULL,
    "doneById" TEXT NOT NULL,
    "doneAt" TIMESTAMP(3) NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "IncidentStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentEvent" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "detail" JSONB,

    CONSTRAINT "IncidentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentLink" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "kind" "IncidentLinkKind" NOT NULL,
    "toolId" TEXT,
    "toolVersionId" TEXT,
    "agentId" TEXT,
    "alertId" TEXT,
    "invocationSeq" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncidentLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ToolQuarantine" (
    "id" TEXT NOT NULL,
    "toolId" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "quarantinedById" TEXT NOT NULL,
    "quarantinedAt" TIMESTAMP(3) NOT NULL,
    "liftedAt" TIMESTAMP(3),
    "liftedById" TEXT,
    "liftReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ToolQuarantine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ToolQuarantineVersion" (
    "quarantineId" TEXT NOT NULL,
    "toolVersionId" TEXT NOT NULL,

    CONSTRAINT "ToolQuarantineVersion_pkey" PRIMARY KEY ("quarantineId","toolVersionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Incident_number_key" ON "Incident"("number");

-- CreateIndex
CREATE INDEX "Incident_status_severity_openedAt_idx" ON "Incident"("status", "severity", "openedAt");

-- CreateIndex
CREATE INDEX "Incident_openedAt_idx" ON "Incident"("openedAt");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentStep_incidentId_stepKey_key" ON "IncidentStep"("incidentId", "stepKey");

-- CreateIndex
CREATE INDEX "IncidentEvent_incidentId_at_idx" ON "IncidentEvent"("incidentId", "at");

-- CreateIndex
CREATE INDEX "IncidentLink_incidentId_idx" ON "IncidentLink"("incidentId");

-- CreateIndex
CREATE INDEX "IncidentLink_toolId_idx" ON "IncidentLink"("toolId");

-- CreateIndex
CREATE INDEX "ToolQuarantine_toolId_liftedAt_idx" ON "ToolQuarantine"("toolId", "liftedAt");

-- CreateIndex
CREATE INDEX "ToolQuarantine_incidentId_idx" ON "ToolQuarantine"("incidentId");

-- CreateIndex
CREATE INDEX "ToolQuarantineVersion_toolVersionId_idx" ON "ToolQuarantineVersion"("toolVersionId");

-- AddForeignKey
ALTER TABLE "IncidentStep" ADD CONSTRAINT "IncidentStep_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentEvent" ADD CONSTRAINT "IncidentEvent_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentLink" ADD CONSTRAINT "IncidentLink_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentLink" ADD CONSTRAINT "IncidentLink_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentLink" ADD CONSTRAINT "IncidentLink_toolVersionId_fkey" FOREIGN KEY ("toolVersionId") REFERENCES "ToolVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentLink" ADD CONSTRAINT "IncidentLink_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentLink" ADD CONSTRAINT "IncidentLink_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolQuarantine" ADD CONSTRAINT "ToolQuarantine_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolQuarantine" ADD CONSTRAINT "ToolQuarantine_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolQuarantineVersion" ADD CONSTRAINT "ToolQuarantineVersion_quarantineId_fkey" FOREIGN KEY ("quarantineId") REFERENCES "ToolQuarantine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolQuarantineVersion" ADD CONSTRAINT "ToolQuarantineVersion_toolVersionId_fkey" FOREIGN KEY ("toolVersionId") REFERENCES "ToolVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The incident timeline is evidence: append-only in the database itself (as AuditEvent).
CREATE TRIGGER "IncidentEvent_append_only" BEFORE UPDATE OR DELETE ON "IncidentEvent"
  FOR EACH ROW EXECUTE FUNCTION toolledger_refuse_change();
CREATE TRIGGER "IncidentEvent_no_truncate" BEFORE TRUNCATE ON "IncidentEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION toolledger_refuse_change();

-- Quarantines govern enforcement decisions (ADR 0008): a change bumps the generation at commit,
-- so every facts cache and every gateway drops what it holds.
SELECT toolledger_governs_enforcement('"ToolQuarantine"');
SELECT toolledger_governs_enforcement('"ToolQuarantineVersion"');
