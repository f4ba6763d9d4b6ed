import { z } from 'zod';

/** `npm run demo:purge` asks nothing: it removes exactly the published demo accounts and keys. */
export const ZPurgeDemoAccountsInput = z.object({}).strict();
export type TPurgeDemoAccountsInput = z.infer<typeof ZPurgeDemoAccountsInput>;
