import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import { registerTable } from '@/components/tables/register-table';
import { formatDate } from '@/components/ui/format';
import { TREATMENT_LABELS } from '@/lib/domain/risk/score';
import type { RiskRegisterRow } from '@/lib/server/risks/list-risk-register';
import { OverdueReviewBadge, RiskScoreBadge } from './risk-badges';

const COLUMNS: ColumnDef<RiskRegisterRow, unknown>[] = [
  {
    id: 'tool',
    header: 'Tool',
    enableHiding: false,
    cell: ({ row: { original: r } }) => (
      <Link href={`/risks/${r.toolId}`} className="font-medium text-indigo-700 hover:underline">
        {r.tool.name}
      </Link>
    ),
  },
  { id: 'inherent', header: 'Inherent', cell: ({ row: { original: r } }) => <RiskScoreBadge score={r.inherentScore} /> },
  { id: 'residual', header: 'Residual', cell: ({ row: { original: r } }) => <RiskScoreBadge score={r.residualScore} /> },
  { id: 'treatment', header: 'Treatment', cell: ({ row }) => TREATMENT_LABELS[row.original.treatment] },
  { id: 'owner', header: 'Owner', cell: ({ row }) => row.original.owner },
  {
    id: 'assessor',
    header: 'Assessed by',
    cell: ({ row: { original: r } }) => `${r.assessor.name}, ${formatDate(r.assessedAt)}`,
  },
  {
    id: 'nextReview',
    header: 'Next review',
    meta: { className: 'whitespace-nowrap' },
    cell: ({ row: { original: r } }) => (
      <>
        {formatDate(r.nextReviewAt)} {r.overdue && <OverdueReviewBadge />}
      </>
    ),
  },
];

export const RiskRegisterTable = registerTable<RiskRegisterRow>({
  name: 'RiskRegisterTable',
  label: 'Risk register',
  columns: COLUMNS,
  rowTestId: 'risk-row',
});
