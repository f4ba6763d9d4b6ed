import { z } from 'zod';
import { zText } from './text';
import { ZRecordId } from './inventory';
import { ZUrlPage } from './search-params';
import { parseHost } from '@/lib/domain/data-flows/host';
import { DATA_CLASSES, DESTINATION_KINDS, LEAVES_ENVIRONMENT } from '@/lib/domain/data-flows/types';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());

/**
 * A form posts its rows as flat names (`inputs.0.name`, `destinations.1.host`), so a refusal's
 * path is the very field name the form shows the error beside. JSON callers send arrays.
 */
export function nestRows(raw: unknown, lists: readonly string[]): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  for (const list of lists) {
    if (Array.isArray(out[list])) continue;
    const rows: Record<string, unknown>[] = [];
    for (const [key, value] of Object.entries(out)) {
      const m = new RegExp(`^${list}\\.(\\d{1,3})\\.([A-Za-z]+)$`).exec(key);
      if (!m) continue;
      (rows[Number(m[1])] ??= {})[m[2]!] = value;
      delete out[key];
    }
    if (rows.length) out[list] = Array.from(rows, (r) => r ?? {});
  }
  return out;
}

const ZInputRow = z.object({
  name: zText({ error: 'Name the field' }).trim().min(1, 'Name the field').max(200, 'Use at most 200 characters'),
  classification: z.enum(DATA_CLASSES, { error: `Choose a class: ${DATA_CLASSES.join(', ').toLowerCase()}` }),
  needed: checkbox.default(false),
});

const ZDestinationRow = z.object({
  kind: z.enum(DESTINATION_KINDS, { error: 'Choose where the data goes' }),
  host: z.preprocess(blankToUndefined, zText().trim().max(260, 'Use at most 260 characters').optional()),
  note: z.preprocess(blankToUndefined, zText().trim().max(300, 'Use at most 300 characters').optional()),
});

/** One person's version of a tool's map, as the form and the API send it. */
export const ZSaveDataFlowInput = z.preprocess(
  (raw) => nestRows(raw, ['inputs', 'destinations']),
  z
    .object({
      toolId: ZRecordId,
      toolVersionId: z.preprocess(blankToUndefined, ZRecordId.optional()),
      /** The map the form started from (none for a first one): an edit meanwhile is a conflict. */
      previousId: z.preprocess(blankToUndefined, ZRecordId.optional()),
      inputs: z
        .array(ZInputRow, { error: 'List the fields the tool receives' })
        .min(1, 'List at least one field')
        .max(100, 'At most 100 fields'),
      processing: zText({ multiline: true, error: 'Say what the tool does with the data' })
        .trim()
        .min(1, 'Say what the tool does with the data')
        .max(2000, 'Use at most 2000 characters'),
      destinations: z
        .array(ZDestinationRow, { error: 'Say where the data goes' })
        .min(1, 'Add at least one destination')
        .max(50, 'At most 50 destinations'),
      retention: zText({ multiline: true, error: 'Say how long the data is kept' })
        .trim()
        .min(1, 'Say how long the data is kept')
        .max(500, 'Use at most 500 characters'),
      note: zText({ multiline: true }).trim().max(500, 'Use at most 500 characters').default(''),
    })
    .superRefine((v, ctx) => {
      const seen = new Map<string, number>();
      v.inputs.forEach((input, i) => {
        const key = input.name.toLowerCase();
        if (seen.has(key))
          ctx.addIssue({ code: 'custom', path: ['inputs', i, 'name'], message: `${input.name} is listed twice` });
        else seen.set(key, i);
      });
      v.destinations.forEach((d, i) => {
        if (!LEAVES_ENVIRONMENT[d.kind]) return;
        const verdict = parseHost(d.host ?? '');
        if (!verdict.ok) ctx.addIssue({ code: 'custom', path: ['destinations', i, 'host'], message: verdict.message });
      });
    })
    .transform((v) => ({
      ...v,
      // Hosts belong to external APIs only; elsewhere a leftover host from a changed row is dropped.
      destinations: v.destinations.map((d) => {
        const host = LEAVES_ENVIRONMENT[d.kind] ? parseHost(d.host ?? '') : null;
        return { kind: d.kind, ...(host?.ok ? { host: host.host } : {}), ...(d.note ? { note: d.note } : {}) };
      }),
    })),
);
export type TSaveDataFlowInput = z.input<typeof ZSaveDataFlowInput>;

/** Draft (or redraft) a tool's map from what ToolLedger knows now. */
export const ZDeriveDataFlowInput = z.object({
  toolId: ZRecordId,
  previousId: z.preprocess(blankToUndefined, ZRecordId.optional()),
});
export type TDeriveDataFlowInput = z.input<typeof ZDeriveDataFlowInput>;

/** Vouch for the tool's current map as it stands. */
export const ZConfirmDataFlowInput = z.object({ toolId: ZRecordId, mapId: ZRecordId });
export type TConfirmDataFlowInput = z.input<typeof ZConfirmDataFlowInput>;

export const ZToolDataFlowInput = z.object({ toolId: ZRecordId });
export type TToolDataFlowInput = z.input<typeof ZToolDataFlowInput>;

export const ZAgentDataFlowInput = z.object({ agentId: ZRecordId });
export type TAgentDataFlowInput = z.input<typeof ZAgentDataFlowInput>;

const flag = z.preprocess((v) => v === true || v === '1' || v === 'true' || v === 'on', z.boolean()).default(false);
/** NEEDS_REVIEW: derived drafts ToolLedger proposed because a version raised what the map was written for. */
export const DATA_FLOW_STATUSES = ['DERIVED', 'NEEDS_REVIEW', 'CONFIRMED'] as const;

/** /data-flows: the register of current maps. */
export const ZDataFlowRegisterQuery = z.object({
  q: zText().trim().max(200, 'Search at most 200 characters').optional(),
  status: z.enum(DATA_FLOW_STATUSES, { error: 'Use DERIVED, NEEDS_REVIEW or CONFIRMED' }).optional(),
  classification: z.enum(DATA_CLASSES, { error: `Use one of: ${DATA_CLASSES.join(', ')}` }).optional(),
  subprocessor: flag,
  /** Maps whose tool receives fields it does not need. */
  excess: flag,
  page: ZUrlPage.default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type TDataFlowRegisterQuery = z.input<typeof ZDataFlowRegisterQuery>;

/** /subprocessors */
export const ZSubprocessorQuery = z.object({
  q: zText().trim().max(200, 'Search at most 200 characters').optional(),
  classification: z.enum(DATA_CLASSES, { error: `Use one of: ${DATA_CLASSES.join(', ')}` }).optional(),
  page: ZUrlPage.default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type TSubprocessorQuery = z.input<typeof ZSubprocessorQuery>;
