-- A change made to an alert after it was raised (an assignment, a note) is a webhook message of
-- its own, so (endpoint, alert) no longer names one message: only the message that reports the
-- alert raised keeps a key, the outbox's guard against queueing it twice.

-- DropIndex
DROP INDEX "WebhookDelivery_endpointId_alertId_key";

-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "raisedAlertId" TEXT;

-- Every message so far that names an alert reports it raised.
UPDATE "WebhookDelivery" SET "raisedAlertId" = "alertId" WHERE "alertId" IS NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_endpointId_raisedAlertId_key" ON "WebhookDelivery"("endpointId", "raisedAlertId");
