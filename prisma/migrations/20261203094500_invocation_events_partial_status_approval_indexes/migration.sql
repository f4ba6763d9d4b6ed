-- Ingest throughput (issue 11.2): every index of the events table is written for every event, and
-- the indexes cost more than the rows themselves (a 5,000-row COPY measured at about twice the
-- backend CPU with the seven secondary indexes than with these two partial). The explorer's status
-- and approval filters look for the exceptions: most calls succeed and are allowed. Those two
-- indexes now hold only the other rows, so an ordinary event writes neither; a filter on ERROR,
-- TIMEOUT, DENIED, NO_ALLOW or UNKNOWN_SUBJECT is still a range scan of its own index (the planner
-- proves `= 'ERROR'` implies `<> 'SUCCESS'`), and a filter on SUCCESS or ALLOWED walks the
-- ("occurredAt", seq) index newest first, where nearly every row matches. Same names as before:
-- the Prisma schema cannot express the WHERE, and its @@index entries still describe the columns.
-- Data classification keeps its full index: no classification can be assumed to be the common one.

-- DropIndex
DROP INDEX "InvocationEvent_resultStatus_occurredAt_seq_idx";

-- CreateIndex
CREATE INDEX "InvocationEvent_resultStatus_occurredAt_seq_idx" ON "InvocationEvent"("resultStatus", "occurredAt", "seq")
  WHERE "resultStatus" <> 'SUCCESS';

-- DropIndex
DROP INDEX "InvocationEvent_approval_occurredAt_seq_idx";

-- CreateIndex
CREATE INDEX "InvocationEvent_approval_occurredAt_seq_idx" ON "InvocationEvent"("approval", "occurredAt", "seq")
  WHERE "approval" <> 'ALLOWED';
