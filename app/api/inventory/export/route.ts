import { withSession } from '@/lib/server/guards/with-session';
import { validationError } from '@/lib/server/errors';
import { parseInventoryQueryStrict } from '@/lib/validation/inventory';
import { exportInventoryCsv } from '@/lib/server/inventory/export-inventory-csv';
import { actorOf } from '@/lib/server/session';

/** CSV of exactly what the inventory list's filters show (all pages). Bad filters → 400. */
export const GET = withSession('inventory:export', async (req, { user }) => {
  const parsed = parseInventoryQueryStrict(req.nextUrl.searchParams);
  if (!parsed.success) throw validationError(parsed.error);
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return new Response(await exportInventoryCsv({ actor: actorOf(user), input: parsed.data }), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="toolledger-inventory-${stamp}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});
