import { withSession } from '@/lib/server/guards/with-session';
import { validationError } from '@/lib/server/errors';
import { downloadComplianceReportPdf } from '@/lib/server/reports/download-compliance-report-pdf';
import { actorOf } from '@/lib/server/session';
import { ZComplianceReportFilter } from '@/lib/validation/reports';

/** The compliance report as a PDF, for every environment or `?environment=PRODUCTION`. Bad filters → 400. */
export const GET = withSession('evidence:read', async (req, { user }) => {
  const parsed = ZComplianceReportFilter.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) throw validationError(parsed.error);
  const { body, filename } = await downloadComplianceReportPdf({ actor: actorOf(user), input: parsed.data });
  return new Response(body, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
});
