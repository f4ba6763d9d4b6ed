-- AlterTable
ALTER TABLE "Registry" ADD COLUMN     "apiKeyHint" TEXT,
ADD COLUMN     "apiKeySealed" TEXT;

