-- AlterTable
ALTER TABLE "VerificationRecord" ADD COLUMN     "tierCapReason" TEXT,
ADD COLUMN     "tierCappedFrom" "Tier";

