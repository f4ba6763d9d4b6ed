import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { withSession } from '@/lib/server/guards/with-session';
import { downloadEvidencePack } from '@/lib/server/evidence/builds/download-evidence-pack';
import { actorOf } from '@/lib/server/session';

/** A finished pack, streamed from disk with its SHA-256; the download is an audit event. */
export const GET = withSession<{ id: string }>('evidence:read', async (_req, { user, params }) => {
  const file = await downloadEvidencePack({ actor: actorOf(user), input: { buildId: params.id } });
  const body = Readable.toWeb(createReadStream(file.filePath)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Length': String(file.size),
      'Content-Disposition': `attachment; filename="${file.name}"`,
      'X-Content-SHA256': file.sha256,
      'Cache-Control': 'no-store',
    },
  });
});
