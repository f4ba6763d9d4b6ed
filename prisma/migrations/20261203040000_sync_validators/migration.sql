-- AlterTable
ALTER TABLE "Tool" ADD COLUMN     "syncHash" TEXT,
ADD COLUMN     "syncValidators" JSONB;

-- AlterTable
ALTER TABLE "SyncRun" ADD COLUMN     "toolsUnchanged" INTEGER NOT NULL DEFAULT 0;

