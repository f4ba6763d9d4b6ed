import { withSession } from '@/lib/server/guards/with-session';
import { validationError } from '@/lib/server/errors';
import { exportPopulationCsv } from '@/lib/server/engagements/export-population-csv';
import { actorOf } from '@/lib/server/session';
import { ZListPopulationInput } from '@/lib/validation/engagement';

/** CSV of a population as its page's filters show it (all pages), streamed; the download is audited. */
export const GET = withSession<{ id: string; population: string }>('engagement:read', async (req, { user, params }) => {
  const sp = req.nextUrl.searchParams;
  const environment = sp
    .getAll('environment')
    .flatMap((v) => v.split(','))
    .filter(Boolean);
  const parsed = ZListPopulationInput.safeParse({
    engagementId: params.id,
    population: params.population,
    ...(environment.length ? { environment } : {}),
    ...(sp.get('from') ? { from: sp.get('from') } : {}),
    ...(sp.get('to') ? { to: sp.get('to') } : {}),
  });
  if (!parsed.success) throw validationError(parsed.error);
  const body = await exportPopulationCsv({ actor: actorOf(user), input: parsed.data });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="toolledger-audit-${parsed.data.population}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});
