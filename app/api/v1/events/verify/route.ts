import { NextResponse } from 'next/server';
import { z } from 'zod';
import { withApiKey } from '@/lib/server/guards/with-api-key';
import { parseSearchInput } from '@/lib/server/invocations/search-input';
import { verifyInvocationChain } from '@/lib/server/invocations/verify-invocation-chain';

export const dynamic = 'force-dynamic';

const ZVerifyQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

/** Recomputes the chain over a period of receipt (`from`, `to`: ISO date-times) and names the first broken link. */
export const GET = withApiKey('READ', async (req, { actor }) => {
  const { from, to } = parseSearchInput(ZVerifyQuery, new URL(req.url).searchParams);
  return NextResponse.json(await verifyInvocationChain({ actor, input: { from, to } }));
});
