'use server';

import { z } from 'zod';
import { authAction } from '@/lib/server/guards/auth-action';
import { verifyInvocationChain } from '@/lib/server/invocations/verify-invocation-chain';
import { actorOf } from '@/lib/server/session';

// Recomputing the chain changes no evidence: auditors may run it (audit:verify). A break it finds
// raises the critical alert as the system.
export const verifyInvocationChainAction = authAction('audit:verify', z.object({}).passthrough(), async (_input, user) =>
  verifyInvocationChain({ actor: actorOf(user), input: {} }),
);
