-- CreateEnum
CREATE TYPE "EngagementRequestKind" AS ENUM ('REQUEST', 'FLAG');

-- CreateEnum
CREATE TYPE "EngagementRequestState" AS ENUM ('OPEN', 'ANSWERED', 'ACCEPTED');

-- AlterTable
ALTER TABLE "Installation" ADD COLUMN     "changeRequestId" TEXT;

-- CreateTable
CREATE TABLE "AuditEngagement" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "firm" TEXT NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "environments" "Environment"[],
    "criteria" TEXT[],
    "accessOpensAt" TIMESTAMP(3) NOT NULL,
    "accessClosesAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditEngagement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EngagementAuditor" (
    "engagementId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EngagementAuditor_pkey" PRIMARY KEY ("engagementId","userId")
);

-- CreateTable
CREATE TABLE "EngagementSample" (
    "id" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "population" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "populationSize" INTEGER NOT NULL,
    "sizeRule" TEXT NOT NULL,
    "itemIds" TEXT[],
    "drawnById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EngagementSample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EngagementRequest" (
    "id" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "kind" "EngagementRequestKind" NOT NULL,
    "population" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "state" "EngagementRequestState" NOT NULL DEFAULT 'OPEN',
    "dueAt" TIMESTAMP(3) NOT NULL,
    "requestedById" TEXT NOT NULL,
    "answeredAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EngagementRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EngagementReply" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "fileName" TEXT,
    "fileType" TEXT,
    "fileSize" INTEGER,
    "fileSha256" TEXT,
    "fileData" BYTEA,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EngagementReply_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEngagement_accessClosesAt_idx" ON "AuditEngagement"("accessClosesAt");

-- CreateIndex
CREATE INDEX "EngagementAuditor_userId_idx" ON "EngagementAuditor"("userId");

-- CreateIndex
CREATE INDEX "EngagementSample_engagementId_createdAt_idx" ON "EngagementSample"("engagementId", "createdAt");

-- CreateIndex
CREATE INDEX "EngagementRequest_engagementId_state_idx" ON "EngagementRequest"("engagementId", "state");

-- CreateIndex
CREATE INDEX "EngagementReply_requestId_createdAt_idx" ON "EngagementReply"("requestId", "createdAt");

-- AddForeignKey
ALTER TABLE "Installation" ADD CONSTRAINT "Installation_changeRequestId_fkey" FOREIGN KEY ("changeRequestId") REFERENCES "ChangeRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEngagement" ADD CONSTRAINT "AuditEngagement_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EngagementAuditor" ADD CONSTRAINT "EngagementAuditor_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "AuditEngagement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EngagementAuditor" ADD CONSTRAINT "EngagementAuditor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EngagementSample" ADD CONSTRAINT "EngagementSample_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "AuditEngagement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EngagementSample" ADD CONSTRAINT "EngagementSample_drawnById_fkey" FOREIGN KEY ("drawnById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EngagementRequest" ADD CONSTRAINT "EngagementRequest_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "AuditEngagement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EngagementRequest" ADD CONSTRAINT "EngagementRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EngagementReply" ADD CONSTRAINT "EngagementReply_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "EngagementRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EngagementReply" ADD CONSTRAINT "EngagementReply_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Samples drawn and replies given are evidence: append-only in the database itself
-- (toolledger_refuse_change comes from the append_only_audit_tables migration).
CREATE TRIGGER "EngagementSample_append_only" BEFORE UPDATE OR DELETE ON "EngagementSample"
  FOR EACH ROW EXECUTE FUNCTION toolledger_refuse_change();
CREATE TRIGGER "EngagementSample_no_truncate" BEFORE TRUNCATE ON "EngagementSample"
  FOR EACH STATEMENT EXECUTE FUNCTION toolledger_refuse_change();
CREATE TRIGGER "EngagementReply_append_only" BEFORE UPDATE OR DELETE ON "EngagementReply"
  FOR EACH ROW EXECUTE FUNCTION toolledger_refuse_change();
CREATE TRIGGER "EngagementReply_no_truncate" BEFORE TRUNCATE ON "EngagementReply"
  FOR EACH STATEMENT EXECUTE FUNCTION toolledger_refuse_change();
