-- Workflow relations (issue 10 point 3), allowlist entries approved by a second person (issue 7
-- point 2), and Approval / ChangeComment append-only (issue 7 point 9).

-- CreateEnum
CREATE TYPE "AllowlistStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'REVOKED');

-- AlterTable
ALTER TABLE "Approval" ADD COLUMN     "automatic" BOOLEAN NOT NULL DEFAULT false,
ALTER COLUMN "reviewerId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "AllowlistEntry" ADD COLUMN     "approvedAt" TIMESTAMP(3),
ADD COLUMN     "approvedById" TEXT,
ADD COLUMN     "rejectedAt" TIMESTAMP(3),
ADD COLUMN     "rejectedById" TEXT,
ADD COLUMN     "reviewComment" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "status" "AllowlistStatus" NOT NULL DEFAULT 'PENDING';

-- Data written before this migration: the 'system' sentinel becomes a null reviewer marked
-- automatic; references to rows that no longer exist are cleared (only nullable ones can be).
UPDATE "Approval" SET "reviewerId" = NULL, "automatic" = true WHERE "reviewerId" = 'system';
UPDATE "ChangeRequest" SET "agentId" = NULL WHERE "agentId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Agent" a WHERE a."id" = "ChangeRequest"."agentId");
UPDATE "ChangeRequest" SET "requestedById" = NULL WHERE "requestedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u."id" = "ChangeRequest"."requestedById");
UPDATE "ChangeRequest" SET "toolVersionId" = NULL WHERE "toolVersionId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "ToolVersion" v WHERE v."id" = "ChangeRequest"."toolVersionId");
UPDATE "ChangeRequest" SET "fromVersionId" = NULL WHERE "fromVersionId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "ToolVersion" v WHERE v."id" = "ChangeRequest"."fromVersionId");
-- Entries added before a second person had to approve them stay PENDING (the column default):
-- one person alone could have created them, so a security reviewer must look again.
UPDATE "AllowlistEntry" SET "status" = 'REVOKED' WHERE "revokedAt" IS NOT NULL;

-- A person decided, or the system did (fast-track): never both, never neither.
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_reviewer_or_automatic"
  CHECK (("automatic" AND "reviewerId" IS NULL) OR (NOT "automatic" AND "reviewerId" IS NOT NULL));

-- CreateIndex
CREATE INDEX "ChangeRequest_requestedById_idx" ON "ChangeRequest"("requestedById");

-- CreateIndex
CREATE INDEX "ChangeRequest_agentId_idx" ON "ChangeRequest"("agentId");

-- CreateIndex
CREATE INDEX "AllowlistEntry_status_idx" ON "AllowlistEntry"("status");

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_toolVersionId_fkey" FOREIGN KEY ("toolVersionId") REFERENCES "ToolVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_fromVersionId_fkey" FOREIGN KEY ("fromVersionId") REFERENCES "ToolVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeComment" ADD CONSTRAINT "ChangeComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllowlistEntry" ADD CONSTRAINT "AllowlistEntry_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllowlistEntry" ADD CONSTRAINT "AllowlistEntry_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllowlistEntry" ADD CONSTRAINT "AllowlistEntry_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllowlistEntry" ADD CONSTRAINT "AllowlistEntry_rejectedById_fkey" FOREIGN KEY ("rejectedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Decisions and comments are evidence: append-only in the database itself (toolledger_refuse_change
-- comes from 20261125000100_append_only_audit_tables).
CREATE TRIGGER "Approval_append_only" BEFORE UPDATE OR DELETE ON "Approval"
  FOR EACH ROW EXECUTE FUNCTION toolledger_refuse_change();
CREATE TRIGGER "Approval_no_truncate" BEFORE TRUNCATE ON "Approval"
  FOR EACH STATEMENT EXECUTE FUNCTION toolledger_refuse_change();

CREATE TRIGGER "ChangeComment_append_only" BEFORE UPDATE OR DELETE ON "ChangeComment"
  FOR EACH ROW EXECUTE FUNCTION toolledger_refuse_change();
CREATE TRIGGER "ChangeComment_no_truncate" BEFORE TRUNCATE ON "ChangeComment"
  FOR EACH STATEMENT EXECUTE FUNCTION toolledger_refuse_change();
