-- CreateEnum
CREATE TYPE "DataFlowStatus" AS ENUM ('DERIVED', 'CONFIRMED');

-- CreateTable
CREATE TABLE "DataFlowMap" (
    "id" TEXT NOT NULL,
    "toolId" TEXT NOT NULL,
    "toolVersionId" TEXT,
    "revision" INTEGER NOT NULL,
    "status" "DataFlowStatus" NOT NULL,
    "inputs" JSONB NOT NULL,
    "processing" TEXT NOT NULL,
    "destinations" JSONB NOT NULL,
    "retention" TEXT NOT NULL,
    "dataClasses" TEXT[],
    "highestClass" TEXT NOT NULL,
    "externalHosts" TEXT[],
    "subprocessor" BOOLEAN NOT NULL,
    "excessInputs" INTEGER NOT NULL,
    "reasons" JSONB NOT NULL DEFAULT '[]',
    "note" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT,
    "confirmedById" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "previousId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataFlowMap_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DataFlowMap_previousId_key" ON "DataFlowMap"("previousId");

-- CreateIndex
CREATE INDEX "DataFlowMap_status_idx" ON "DataFlowMap"("status");

-- CreateIndex
CREATE INDEX "DataFlowMap_subprocessor_idx" ON "DataFlowMap"("subprocessor");

-- CreateIndex
CREATE INDEX "DataFlowMap_createdAt_idx" ON "DataFlowMap"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DataFlowMap_toolId_revision_key" ON "DataFlowMap"("toolId", "revision");

-- AddForeignKey
ALTER TABLE "DataFlowMap" ADD CONSTRAINT "DataFlowMap_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataFlowMap" ADD CONSTRAINT "DataFlowMap_toolVersionId_fkey" FOREIGN KEY ("toolVersionId") REFERENCES "ToolVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataFlowMap" ADD CONSTRAINT "DataFlowMap_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataFlowMap" ADD CONSTRAINT "DataFlowMap_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataFlowMap" ADD CONSTRAINT "DataFlowMap_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "DataFlowMap"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- A confirmed map names who confirmed it and when, whatever writes the row.
ALTER TABLE "DataFlowMap" ADD CONSTRAINT "DataFlowMap_confirmation" CHECK (
  ("status" = 'CONFIRMED') = ("confirmedById" IS NOT NULL AND "confirmedAt" IS NOT NULL)
);

-- Every version of a map is kept as it was: the history is the rows (see the append-only audit tables).
CREATE TRIGGER "DataFlowMap_append_only" BEFORE UPDATE OR DELETE ON "DataFlowMap"
  FOR EACH ROW EXECUTE FUNCTION toolledger_refuse_change();
CREATE TRIGGER "DataFlowMap_no_truncate" BEFORE TRUNCATE ON "DataFlowMap"
  FOR EACH STATEMENT EXECUTE FUNCTION toolledger_refuse_change();
