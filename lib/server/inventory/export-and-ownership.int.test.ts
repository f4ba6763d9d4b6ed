import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { createPublisher, createRegistry, createTool } from '@/lib/testing/factories';
import { ZInventoryQuery } from '@/lib/validation/inventory';
import type { Actor } from '@/lib/server/actor';
import { exportInventoryCsv, INVENTORY_CSV_COLUMNS } from './export-inventory-csv';
import { updateToolOwnership } from './update-tool-ownership';

const t = withTestDatabase();
const officer: Actor = { type: 'USER', id: 'u-officer', label: 'officer@example.test', role: 'COMPLIANCE_OFFICER' };
const auditor: Actor = { type: 'USER', id: 'u-auditor', label: 'auditor@example.test', role: 'AUDITOR' };

/** RFC 4180 reader for the assertions (quoted fields, doubled quotes, CRLF or LF). */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

async function csvRows(input: object): Promise<string[][]> {
  return parse(await new Response(await exportInventoryCsv({ actor: officer, input: ZInventoryQuery.parse(input) })).text());
}

describe('exportInventoryCsv', () => {
  let toolId = '';
  beforeAll(async () => {
    const prisma = t.db().prisma;
    const reg = await createRegistry(prisma);
    const pub = await createPublisher(prisma, { registryId: reg.id, name: 'Pub, "quoted"' });
    // More than one export batch (1000) so batching is exercised.
    await prisma.tool.createMany({
      data: Array.from({ length: 1003 }, (_, i) => ({
        registryId: reg.id,
        publisherId: pub.id,
        externalId: `bulk-${i}`,
        name: `bulk-${String(i).padStart(4, '0')}`,
        tier: i % 2 ? ('GOLD' as const) : ('PARTIAL' as const),
      })),
    });
    toolId = (
      await createTool(prisma, {
        registryId: reg.id,
        publisherId: pub.id,
        name: '=cmd|calc',
        versions: [{ version: '1.0.0', score: 99 }],
      })
    ).tool.id;
  });

  it('streams every row the filter matches, whatever the page, with a header', async () => {
    const rows = await csvRows({ page: 3, pageSize: 10 });
    expect(rows[0]).toEqual([...INVENTORY_CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + 1004);
    const gold = await csvRows({ tier: ['GOLD'] });
    expect(gold).toHaveLength(1 + 501 + 1);
    expect(gold.slice(1).every((r) => r[8] === 'GOLD')).toBe(true);
  });

  it('quotes commas and quotes, and defuses spreadsheet formulas', async () => {
    const rows = await csvRows({ q: 'cmd' });
    expect(rows).toHaveLength(2);
    expect(rows[1]![1]).toBe("'=cmd|calc");
    expect(rows[1]![5]).toBe('Pub, "quoted"');
  });

  it('updates owner and classification with an audit record, and refuses the auditor', async () => {
    await expect(
      updateToolOwnership({ actor: auditor, input: { toolId, owner: 'x', dataClassification: 'PUBLIC' } }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      updateToolOwnership({
        actor: officer,
        input: { toolId: 'cmissing000000000000', owner: 'x', dataClassification: 'PUBLIC' },
      }),
    ).rejects.toMatchObject({ status: 404 });
    await updateToolOwnership({ actor: officer, input: { toolId, owner: 'payments-team', dataClassification: 'CONFIDENTIAL' } });
    const prisma = t.db().prisma;
    expect(await prisma.tool.findUnique({ where: { id: toolId }, select: { owner: true, dataClassification: true } })).toEqual({
      owner: 'payments-team',
      dataClassification: 'CONFIDENTIAL',
    });
    const events = await prisma.auditEvent.findMany({ where: { entityType: 'Tool', entityId: toolId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'tool.ownershipUpdated',
      actorLabel: 'officer@example.test',
      before: { owner: null, dataClassification: 'INTERNAL' },
    });
  });
});
