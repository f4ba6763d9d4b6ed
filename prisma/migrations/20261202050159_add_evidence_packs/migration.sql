-- CreateEnum
CREATE TYPE "EvidencePackStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "EvidenceSigningKey" (
    "id" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "publicKeyPem" TEXT NOT NULL,
    "privateKeySealed" TEXT,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "EvidenceSigningKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidencePack" (
    "id" TEXT NOT NULL,
    "status" "EvidencePackStatus" NOT NULL DEFAULT 'QUEUED',
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "environments" "Environment"[],
    "toolIds" TEXT[],
    "requestedById" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "heartbeatAt" TIMESTAMP(3),
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "stepsDone" INTEGER NOT NULL DEFAULT 0,
    "stepsTotal" INTEGER NOT NULL DEFAULT 0,
    "currentStep" TEXT,
    "error" TEXT,
    "fileName" TEXT,
    "sha256" TEXT,
    "size" INTEGER,
    "keyId" TEXT,
    "summary" JSONB,

    CONSTRAINT "EvidencePack_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceSigningKey_fingerprint_key" ON "EvidenceSigningKey"("fingerprint");

-- CreateIndex
CREATE INDEX "EvidencePack_status_createdAt_idx" ON "EvidencePack"("status", "createdAt");

