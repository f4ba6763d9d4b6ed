import { NextResponse } from 'next/server';
import { withSession } from '@/lib/server/guards/with-session';
import { validationError } from '@/lib/server/errors';
import { exportAllowlist } from '@/lib/server/change-requests/export-allowlist';
import { ZExportFormat } from '@/lib/validation/change-request';

/** GET /api/changes/export/{claude-code|toolhive}?environment=PRODUCTION — the approved set as a client-enforceable file. */
export const GET = withSession<{ format: string }>('allowlist:read', async (req, { params }) => {
  const parsed = ZExportFormat.safeParse({ format: params.format, environment: req.nextUrl.searchParams.get('environment') ?? undefined });
  if (!parsed.success) throw validationError(parsed.error);
  const { filename, body } = await exportAllowlist(parsed.data.format, parsed.data.environment);
  return new NextResponse(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' },
  });
});
