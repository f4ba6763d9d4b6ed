import { withSession } from '@/lib/server/guards/with-session';
import { validationError } from '@/lib/server/errors';
import { downloadGovernancePolicy } from '@/lib/server/reports/download-governance-policy';
import { actorOf } from '@/lib/server/session';
import { ZGovernancePolicyDownload } from '@/lib/validation/reports';

/** The governance policy document as `md` or `pdf`; the Markdown's SHA-256 travels in a header. */
export const GET = withSession<{ format: string }>('evidence:read', async (req, { user, params }) => {
  // The route takes no query: an unexpected parameter is a 400 naming it (the schema is strict).
  const parsed = ZGovernancePolicyDownload.safeParse({ ...Object.fromEntries(req.nextUrl.searchParams), format: params.format });
  if (!parsed.success) throw validationError(parsed.error);
  const file = await downloadGovernancePolicy({ actor: actorOf(user), input: parsed.data });
  return new Response(file.body, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'X-Markdown-SHA256': file.sha256,
      'Cache-Control': 'no-store',
    },
  });
});
