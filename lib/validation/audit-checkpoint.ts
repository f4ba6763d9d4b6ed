import { z } from 'zod';

/** A checkpoint states the chain's head as it is: nothing to ask. */
export const ZRecordAuditCheckpointInput = z.object({});
export type TRecordAuditCheckpointInput = z.infer<typeof ZRecordAuditCheckpointInput>;

/** Verifying reads only; the batch size keeps memory flat (tests use small ones to cross batch edges). */
export const ZVerifyAuditChainInput = z.object({ batchSize: z.number().int().min(1).max(10_000).default(2000) }).strict();
export type TVerifyAuditChainInput = z.input<typeof ZVerifyAuditChainInput>;
