import 'server-only';
import type { Prisma, Tier } from '@prisma/client';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZAllowlistToolChoicesQuery, type TAllowlistToolChoicesQuery } from '@/lib/validation/change-request';

export interface AllowlistToolChoices {
  tools: { id: string; name: string; tier: Tier }[];
  /** Tools matching the search; more than `tools.length` means the list was cut and the page says so. */
  total: number;
}

/** The tools the "pre-approve a tool" form offers, by name; a search narrows a large catalogue. */
export async function listAllowlistToolChoices(
  { actor, input }: OperationCall<TAllowlistToolChoicesQuery>,
  ctx?: OperationContextInput,
): Promise<AllowlistToolChoices> {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'allowlist:manage');
  const { q, limit } = parseInput(ZAllowlistToolChoicesQuery, input);
  const where: Prisma.ToolWhereInput = q ? { name: { contains: q, mode: 'insensitive' } } : {};
  const [total, tools] = await Promise.all([
    db.tool.count({ where }),
    db.tool.findMany({
      where,
      select: { id: true, name: true, tier: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: limit,
    }),
  ]);
  return { tools, total };
}
