'use server';

import { z } from 'zod';
import { authAction } from '@/lib/server/guards/auth-action';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { actorOf } from '@/lib/server/session';

// Recomputing the chain reads only: auditors may run it (audit:verify).
export const verifyAuditChainAction = authAction('audit:verify', z.object({}).passthrough(), async (_input, user) =>
  verifyAuditChain({ actor: actorOf(user), input: {} }),
);
