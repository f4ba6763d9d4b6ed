-- CreateEnum
CREATE TYPE "EvidencePackBuildState" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "EvidencePackBuild" (
    "id" TEXT NOT NULL,
    "periodFrom" TEXT NOT NULL,
    "periodTo" TEXT NOT NULL,
    "environments" "Environment"[],
    "toolIds" TEXT[],
    "engagementId" TEXT,
    "state" "EvidencePackBuildState" NOT NULL DEFAULT 'QUEUED',
    "stepsDone" INTEGER NOT NULL DEFAULT 0,
    "stepsTotal" INTEGER NOT NULL DEFAULT 0,
    "currentStep" TEXT,
    "cancelRequestedAt" TIMESTAMP(3),
    "requestedById" TEXT NOT NULL,
    "runnerId" TEXT,
    "heartbeatAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "fileName" TEXT,
    "sha256" TEXT,
    "sizeBytes" INTEGER,
    "keyId" TEXT,
    "recordsTotal" INTEGER,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvidencePackBuild_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EvidencePackBuild_state_createdAt_idx" ON "EvidencePackBuild"("state", "createdAt");

-- CreateIndex
CREATE INDEX "EvidencePackBuild_engagementId_createdAt_idx" ON "EvidencePackBuild"("engagementId", "createdAt");

-- CreateIndex
CREATE INDEX "EvidencePackBuild_createdAt_idx" ON "EvidencePackBuild"("createdAt");

-- AddForeignKey
ALTER TABLE "EvidencePackBuild" ADD CONSTRAINT "EvidencePackBuild_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "AuditEngagement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidencePackBuild" ADD CONSTRAINT "EvidencePackBuild_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

