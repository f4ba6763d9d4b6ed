import { afterId, envFilter, inPeriod, paged } from './paged';
import { POLICY_COLUMNS, policyRow } from './policies';
import type { TableSection } from './types';

/** Every policy version created in the period. */
export const policyHistorySection: TableSection = {
  kind: 'policy-history',
  shape: 'table',
  columns: POLICY_COLUMNS,
  async *rows({ db, scope }) {
    const versions = paged((after, take) =>
      db.policy.findMany({
        where: { ...afterId(after), createdAt: inPeriod(scope), ...envFilter(scope) },
        orderBy: { id: 'asc' },
        take,
      }),
    );
    for await (const p of versions) yield policyRow(p);
  },
};
