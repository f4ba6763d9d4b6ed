-- AlterTable
ALTER TABLE "Policy" ADD COLUMN     "anomalyThreshold" DOUBLE PRECISION NOT NULL DEFAULT 3.5;

-- CreateTable
CREATE TABLE "MonitorWatermark" (
    "monitor" TEXT NOT NULL,
    "lastSeq" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonitorWatermark_pkey" PRIMARY KEY ("monitor")
);

-- CreateTable
CREATE TABLE "InvocationHourly" (
    "hour" TIMESTAMP(3) NOT NULL,
    "agentName" TEXT NOT NULL,
    "toolName" TEXT NOT NULL,
    "toolVersion" TEXT NOT NULL,
    "toolId" TEXT,
    "toolVersionId" TEXT,
    "environment" "Environment",
    "calls" INTEGER NOT NULL,
    "errors" INTEGER NOT NULL,
    "durationSum" BIGINT NOT NULL,
    "durationHist" INTEGER[],
    "inputSum" BIGINT NOT NULL,
    "inputCount" INTEGER NOT NULL,
    "outputSum" BIGINT NOT NULL,
    "outputCount" INTEGER NOT NULL,
    "networkUsed" "NetworkLevel",
    "filesystemUsed" "FilesystemLevel",
    "codeExecutionUsed" "CodeExecutionLevel",
    "dataAccessUsed" "DataAccessLevel",

    CONSTRAINT "InvocationHourly_pkey" PRIMARY KEY ("hour","agentName","toolName","toolVersion")
);

-- CreateTable
CREATE TABLE "AlertEvidenceEvent" (
    "alertId" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,

    CONSTRAINT "AlertEvidenceEvent_pkey" PRIMARY KEY ("alertId","seq")
);

-- CreateIndex
CREATE INDEX "InvocationHourly_toolId_hour_idx" ON "InvocationHourly"("toolId", "hour");

-- CreateIndex
CREATE INDEX "InvocationHourly_toolName_hour_idx" ON "InvocationHourly"("toolName", "hour");

-- CreateIndex
CREATE INDEX "InvocationHourly_agentName_hour_idx" ON "InvocationHourly"("agentName", "hour");

-- CreateIndex
CREATE INDEX "AlertEvidenceEvent_seq_idx" ON "AlertEvidenceEvent"("seq");

