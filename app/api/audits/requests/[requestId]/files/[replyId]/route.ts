import { withSession } from '@/lib/server/guards/with-session';
import { downloadReplyFile } from '@/lib/server/engagements/get-engagement-request';
import { actorOf } from '@/lib/server/session';

/** A file an officer attached to an answer, byte for byte, with its SHA-256; the download is audited. */
export const GET = withSession<{ requestId: string; replyId: string }>('engagement:read', async (_req, { user, params }) => {
  const file = await downloadReplyFile({ actor: actorOf(user), input: params });
  return new Response(new Uint8Array(file.data), {
    headers: {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${file.name.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'X-Content-SHA256': file.sha256,
      'Cache-Control': 'no-store',
    },
  });
});
