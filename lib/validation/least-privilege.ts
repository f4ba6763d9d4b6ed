import { z } from 'zod';
import { ENVIRONMENTS } from '@/lib/domain/types';
import { ZRecordId } from './inventory';
import { ZUrlPage } from './search-params';
import { zText } from './text';

/** The least-privilege list's filters (the page's URL, the alert inbox's and a tool page's first page). */
export const ZLeastPrivilegeQuery = z.object({
  /** Part of the tool's name. */
  q: zText().trim().max(200, 'Search at most 200 characters').optional(),
  environment: z
    .enum(ENVIRONMENTS as unknown as ['PRODUCTION', 'STAGING', 'DEVELOPMENT'], {
      error: 'Use PRODUCTION, STAGING or DEVELOPMENT',
    })
    .optional(),
  toolId: ZRecordId.optional(),
  page: ZUrlPage.default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type TLeastPrivilegeQuery = z.input<typeof ZLeastPrivilegeQuery>;
