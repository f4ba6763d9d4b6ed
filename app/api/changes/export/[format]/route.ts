import { NextResponse } from 'next/server';
import { withSession } from '@/lib/server/guards/with-session';
import { validationError } from '@/lib/server/errors';
import { actorOf } from '@/lib/server/session';
import { exportClaudeCodeSettings } from '@/lib/server/exports/export-claude-code-settings';
import { exportToolHiveArchive } from '@/lib/server/exports/export-toolhive-archive';
import { exportToolHiveProfile } from '@/lib/server/exports/export-toolhive-profile';
import type { ExportFile } from '@/lib/server/exports/export-file';
import { ZExportDownloadFormat, ZExportEnvironmentInput, ZToolHiveProfileInput } from '@/lib/validation/export';

/**
 * GET /api/changes/export/claude-code?environment=PRODUCTION   → managed-settings.json
 * GET /api/changes/export/toolhive?environment=PRODUCTION      → zip, one bare profile per server
 * GET /api/changes/export/toolhive-profile?environment=…&server=FILE.json → one bare profile
 * The count of servers left out (listed with reasons on /changes/exports and in the zip's README)
 * travels beside the file in X-ToolLedger-Left-Out: a bare profile has no room for it.
 */
export const GET = withSession<{ format: string }>('allowlist:read', async (req, { user, params }) => {
  const format = ZExportDownloadFormat.safeParse(params.format);
  if (!format.success) throw validationError(format.error);
  const q = req.nextUrl.searchParams;
  const actor = actorOf(user);
  let file: ExportFile;
  if (format.data === 'toolhive-profile') {
    const input = ZToolHiveProfileInput.safeParse({
      environment: q.get('environment') ?? undefined,
      file: q.get('server') ?? undefined,
    });
    if (!input.success) throw validationError(input.error);
    file = await exportToolHiveProfile({ actor, input: input.data });
  } else {
    const input = ZExportEnvironmentInput.safeParse({ environment: q.get('environment') ?? undefined });
    if (!input.success) throw validationError(input.error);
    file =
      format.data === 'claude-code'
        ? await exportClaudeCodeSettings({ actor, input: input.data })
        : await exportToolHiveArchive({ actor, input: input.data });
  }
  const body = typeof file.body === 'string' ? file.body : new Blob([file.body as Uint8Array<ArrayBuffer>]);
  return new NextResponse(body, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.filename}"`,
      'cache-control': 'no-store',
      'x-toolledger-left-out': String(file.leftOut.length),
    },
  });
});
