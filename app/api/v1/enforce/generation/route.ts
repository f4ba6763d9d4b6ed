import { NextResponse } from 'next/server';
import { toErrorBody } from '@/lib/server/errors';
import { withApiKey } from '@/lib/server/guards/with-api-key';
import { waitForGenerationChange } from '@/lib/server/enforcement/watch-generation';

export const dynamic = 'force-dynamic';

/** `?after=N`: the enforcement generation, answered when it differs from N (long poll, ≤ 25 s). */
export const GET = withApiKey('ENFORCE', async (req, { actor }) => {
  try {
    const input = Object.fromEntries(new URL(req.url).searchParams);
    return NextResponse.json(await waitForGenerationChange({ actor, input }, req.signal));
  } catch (err) {
    const { status, body } = toErrorBody(err);
    return NextResponse.json(body, { status });
  }
});
