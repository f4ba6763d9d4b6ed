-- AlterTable
ALTER TABLE "Policy" ADD COLUMN     "maxExceptionDays" INTEGER NOT NULL DEFAULT 90;

-- AlterTable
ALTER TABLE "PolicyException" ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "decidedById" TEXT,
ADD COLUMN     "decisionComment" TEXT,
ADD COLUMN     "decisionContext" JSONB,
ADD COLUMN     "extendsId" TEXT,
ADD COLUMN     "reopenReason" TEXT,
ADD COLUMN     "reopenedAt" TIMESTAMP(3),
ADD COLUMN     "revocationReason" TEXT,
ADD COLUMN     "revokedAt" TIMESTAMP(3),
ADD COLUMN     "revokedById" TEXT,
ADD COLUMN     "versionRange" TEXT;

-- CreateIndex
CREATE INDEX "PolicyException_status_expiresAt_idx" ON "PolicyException"("status", "expiresAt");

