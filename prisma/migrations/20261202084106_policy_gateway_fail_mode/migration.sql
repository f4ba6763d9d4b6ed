-- AlterTable
ALTER TABLE "Policy" ADD COLUMN     "gatewayFailOpen" BOOLEAN NOT NULL DEFAULT false;

