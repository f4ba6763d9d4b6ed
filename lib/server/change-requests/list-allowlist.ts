import 'server-only';
import type { Prisma } from '@prisma/client';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { LIVE_ALLOWLIST_STATUSES } from '@/lib/domain/change-requests/state-machine';
import { ZListAllowlistQuery, type TListAllowlistQuery } from '@/lib/validation/change-request';

const PERSON = { select: { id: true, name: true } } as const;
const ENTRY_INCLUDE = {
  tool: { select: { id: true, name: true, tier: true } },
  createdBy: PERSON,
  approvedBy: PERSON,
  rejectedBy: PERSON,
} as const satisfies Prisma.AllowlistEntryInclude;

export type AllowlistRow = Prisma.AllowlistEntryGetPayload<{ include: typeof ENTRY_INCLUDE }>;

export interface AllowlistPage {
  rows: AllowlistRow[];
  total: number;
  page: number;
  pageSize: number;
  /** Entries waiting for a security reviewer, whatever page is shown (the approver's to-do count). */
  pending: number;
}

/** Allowlist entries by environment then age: live ones (pending and approved) unless a status is asked for. */
export async function listAllowlist(
  { actor, input }: OperationCall<TListAllowlistQuery>,
  ctx?: OperationContextInput,
): Promise<AllowlistPage> {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'allowlist:read');
  const q = parseInput(ZListAllowlistQuery, input);
  const where: Prisma.AllowlistEntryWhereInput = {
    status: q.status === 'LIVE' ? { in: [...LIVE_ALLOWLIST_STATUSES] } : q.status,
    ...(q.environment ? { environment: q.environment } : {}),
  };
  const [total, rows, pending] = await Promise.all([
    db.allowlistEntry.count({ where }),
    db.allowlistEntry.findMany({
      where,
      include: ENTRY_INCLUDE,
      orderBy: [{ environment: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.allowlistEntry.count({ where: { status: 'PENDING' } }),
  ]);
  return { rows, total, page: q.page, pageSize: q.pageSize, pending };
}
