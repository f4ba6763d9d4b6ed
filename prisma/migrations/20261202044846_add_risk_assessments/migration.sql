-- CreateEnum
CREATE TYPE "RiskTreatment" AS ENUM ('ACCEPT', 'MITIGATE', 'TRANSFER', 'AVOID');

-- CreateTable
CREATE TABLE "RiskAssessment" (
    "id" TEXT NOT NULL,
    "toolId" TEXT NOT NULL,
    "toolVersionId" TEXT,
    "likelihood" INTEGER NOT NULL,
    "impact" INTEGER NOT NULL,
    "inherentScore" INTEGER NOT NULL,
    "controls" TEXT NOT NULL,
    "residualLikelihood" INTEGER NOT NULL,
    "residualImpact" INTEGER NOT NULL,
    "residualScore" INTEGER NOT NULL,
    "treatment" "RiskTreatment" NOT NULL,
    "owner" TEXT NOT NULL,
    "assessorId" TEXT NOT NULL,
    "assessedAt" TIMESTAMP(3) NOT NULL,
    "nextReviewAt" TIMESTAMP(3) NOT NULL,
    "suggestion" JSONB NOT NULL,
    "overrides" JSONB NOT NULL DEFAULT '[]',
    "previousId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RiskAssessment_previousId_key" ON "RiskAssessment"("previousId");

-- CreateIndex
CREATE INDEX "RiskAssessment_toolId_assessedAt_idx" ON "RiskAssessment"("toolId", "assessedAt");

-- CreateIndex
CREATE INDEX "RiskAssessment_nextReviewAt_idx" ON "RiskAssessment"("nextReviewAt");

-- CreateIndex
CREATE INDEX "RiskAssessment_residualScore_idx" ON "RiskAssessment"("residualScore");

-- AddForeignKey
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_toolVersionId_fkey" FOREIGN KEY ("toolVersionId") REFERENCES "ToolVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "RiskAssessment"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Scores stay on the 5×5 grid even for a writer that skips the application's checks.
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_scores_in_range" CHECK (
  "likelihood" BETWEEN 1 AND 5 AND "impact" BETWEEN 1 AND 5 AND
  "residualLikelihood" BETWEEN 1 AND 5 AND "residualImpact" BETWEEN 1 AND 5 AND
  "inherentScore" = "likelihood" * "impact" AND "residualScore" = "residualLikelihood" * "residualImpact"
);

-- Every (re)assessment is kept as it was: the history is the rows (see the append-only audit tables).
CREATE TRIGGER "RiskAssessment_append_only" BEFORE UPDATE OR DELETE ON "RiskAssessment"
  FOR EACH ROW EXECUTE FUNCTION toolledger_refuse_change();
CREATE TRIGGER "RiskAssessment_no_truncate" BEFORE TRUNCATE ON "RiskAssessment"
  FOR EACH STATEMENT EXECUTE FUNCTION toolledger_refuse_change();
