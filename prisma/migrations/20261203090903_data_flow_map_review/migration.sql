-- AlterTable
ALTER TABLE "DataFlowMap" ADD COLUMN     "reviewReasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "reviewVersionId" TEXT;

-- CreateIndex
CREATE INDEX "DataFlowMap_reviewVersionId_idx" ON "DataFlowMap"("reviewVersionId");

-- AddForeignKey
ALTER TABLE "DataFlowMap" ADD CONSTRAINT "DataFlowMap_reviewVersionId_fkey" FOREIGN KEY ("reviewVersionId") REFERENCES "ToolVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A review ToolLedger asks for sits on a derived draft only (a person's confirmation or edit
-- settles it), and names both why and which version, whatever writes the row.
ALTER TABLE "DataFlowMap" ADD CONSTRAINT "DataFlowMap_review" CHECK (
  (COALESCE(cardinality("reviewReasons"), 0) = 0 AND "reviewVersionId" IS NULL)
  OR ("status" = 'DERIVED' AND cardinality("reviewReasons") > 0 AND "reviewVersionId" IS NOT NULL)
);
