-- CreateEnum
CREATE TYPE "VendorRating" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');

-- CreateEnum
CREATE TYPE "VendorConclusion" AS ENUM ('APPROVED', 'APPROVED_WITH_CONDITIONS', 'NOT_APPROVED');

-- CreateTable
CREATE TABLE "PublisherAssessment" (
    "id" TEXT NOT NULL,
    "publisherId" TEXT NOT NULL,
    "identityConfirmed" BOOLEAN NOT NULL,
    "identityVerifiedAt" TIMESTAMP(3),
    "trustLevel" "PublisherTrust" NOT NULL,
    "trackRecord" JSONB NOT NULL,
    "rating" "VendorRating" NOT NULL,
    "conclusion" "VendorConclusion" NOT NULL,
    "notes" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "reviewedAt" TIMESTAMP(3) NOT NULL,
    "nextReviewAt" TIMESTAMP(3) NOT NULL,
    "suggestion" JSONB NOT NULL,
    "overrides" JSONB NOT NULL DEFAULT '[]',
    "previousId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublisherAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistryAssessment" (
    "id" TEXT NOT NULL,
    "registryId" TEXT NOT NULL,
    "verification" TEXT NOT NULL,
    "signing" TEXT NOT NULL,
    "coverage" JSONB NOT NULL,
    "rating" "VendorRating" NOT NULL,
    "conclusion" "VendorConclusion" NOT NULL,
    "notes" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "reviewedAt" TIMESTAMP(3) NOT NULL,
    "nextReviewAt" TIMESTAMP(3) NOT NULL,
    "suggestion" JSONB NOT NULL,
    "overrides" JSONB NOT NULL DEFAULT '[]',
    "previousId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegistryAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PublisherAssessment_previousId_key" ON "PublisherAssessment"("previousId");

-- CreateIndex
CREATE INDEX "PublisherAssessment_publisherId_reviewedAt_idx" ON "PublisherAssessment"("publisherId", "reviewedAt");

-- CreateIndex
CREATE INDEX "PublisherAssessment_nextReviewAt_idx" ON "PublisherAssessment"("nextReviewAt");

-- CreateIndex
CREATE UNIQUE INDEX "RegistryAssessment_previousId_key" ON "RegistryAssessment"("previousId");

-- CreateIndex
CREATE INDEX "RegistryAssessment_registryId_reviewedAt_idx" ON "RegistryAssessment"("registryId", "reviewedAt");

-- CreateIndex
CREATE INDEX "RegistryAssessment_nextReviewAt_idx" ON "RegistryAssessment"("nextReviewAt");

-- AddForeignKey
ALTER TABLE "PublisherAssessment" ADD CONSTRAINT "PublisherAssessment_publisherId_fkey" FOREIGN KEY ("publisherId") REFERENCES "Publisher"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublisherAssessment" ADD CONSTRAINT "PublisherAssessment_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublisherAssessment" ADD CONSTRAINT "PublisherAssessment_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "PublisherAssessment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistryAssessment" ADD CONSTRAINT "RegistryAssessment_registryId_fkey" FOREIGN KEY ("registryId") REFERENCES "Registry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistryAssessment" ADD CONSTRAINT "RegistryAssessment_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistryAssessment" ADD CONSTRAINT "RegistryAssessment_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "RegistryAssessment"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Every (re)review is kept as it was: the history is the rows (see RiskAssessment).
CREATE TRIGGER "PublisherAssessment_append_only" BEFORE UPDATE OR DELETE ON "PublisherAssessment"
  FOR EACH ROW EXECUTE FUNCTION toolledger_refuse_change();
CREATE TRIGGER "PublisherAssessment_no_truncate" BEFORE TRUNCATE ON "PublisherAssessment"
  FOR EACH STATEMENT EXECUTE FUNCTION toolledger_refuse_change();
CREATE TRIGGER "RegistryAssessment_append_only" BEFORE UPDATE OR DELETE ON "RegistryAssessment"
  FOR EACH ROW EXECUTE FUNCTION toolledger_refuse_change();
CREATE TRIGGER "RegistryAssessment_no_truncate" BEFORE TRUNCATE ON "RegistryAssessment"
  FOR EACH STATEMENT EXECUTE FUNCTION toolledger_refuse_change();
