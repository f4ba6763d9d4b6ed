-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "assignedAt" TIMESTAMP(3),
ADD COLUMN     "assigneeId" TEXT;

-- CreateTable
CREATE TABLE "AlertNote" (
    "id" TEXT NOT NULL,
    "alertId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AlertNote_alertId_createdAt_idx" ON "AlertNote"("alertId", "createdAt");

-- CreateIndex
CREATE INDEX "Alert_assigneeId_idx" ON "Alert"("assigneeId");

-- AddForeignKey
ALTER TABLE "AlertNote" ADD CONSTRAINT "AlertNote_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The notes on an alert are evidence of how it was handled: append-only in the database itself
-- (as IncidentEvent and AuditEvent). A note is never edited or deleted.
CREATE TRIGGER "AlertNote_append_only" BEFORE UPDATE OR DELETE ON "AlertNote"
  FOR EACH ROW EXECUTE FUNCTION toolledger_refuse_change();
CREATE TRIGGER "AlertNote_no_truncate" BEFORE TRUNCATE ON "AlertNote"
  FOR EACH STATEMENT EXECUTE FUNCTION toolledger_refuse_change();
