import { NextResponse } from 'next/server';
import { toErrorBody } from '@/lib/server/errors';
import { withApiKey } from '@/lib/server/guards/with-api-key';
import { getVerificationStatus } from '@/lib/server/tool-definitions/get-verification-status';

export const dynamic = 'force-dynamic';

/** `?tool=&version=[&registry=]`: the verification status of one version. */
export const GET = withApiKey('READ', async (req, { actor }) => {
  try {
    const input = Object.fromEntries(new URL(req.url).searchParams);
    return NextResponse.json(await getVerificationStatus({ actor, input }));
  } catch (err) {
    const { status, body } = toErrorBody(err);
    return NextResponse.json(body, { status });
  }
});
