import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import { StandingBadge } from '@/components/exceptions/standing-badge';
import { formatDate } from '@/components/ui/format';
import { registerTable } from '@/components/tables/register-table';
import { RULE_LABELS } from '@/lib/domain/policy/evaluate';
import { isPolicyRule } from '@/lib/domain/policy/types';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import type { ExceptionRow } from '@/lib/server/exceptions/list-policy-exceptions';

const ruleLabel = (r: string) => (isPolicyRule(r) ? RULE_LABELS[r] : r);

const COLUMNS: ColumnDef<ExceptionRow, unknown>[] = [
  {
    id: 'tool',
    header: 'Tool',
    enableHiding: false,
    cell: ({ row: { original: r } }) => (
      <Link href={`/exceptions/${r.id}`} className="font-medium whitespace-nowrap text-indigo-700 hover:underline">
        {r.toolName} <span className="font-mono text-xs">{r.scope}</span>
      </Link>
    ),
  },
  { id: 'environment', header: 'Environment', cell: ({ row }) => ENVIRONMENT_LABELS[row.original.environment] },
  { id: 'rules', header: 'Rules', cell: ({ row }) => row.original.rules.map(ruleLabel).join(', ') },
  { id: 'status', header: 'Status', cell: ({ row }) => <StandingBadge standing={row.original.standing} /> },
  {
    id: 'expires',
    header: 'Expires (UTC)',
    meta: { className: 'whitespace-nowrap' },
    cell: ({ row }) => formatDate(row.original.expiresAt),
  },
  { id: 'requester', header: 'Requested by', cell: ({ row }) => row.original.requesterName },
];

/** Policy exceptions on the shared DataTable (the register and the tool page). */
export const ExceptionTable = registerTable<ExceptionRow>({
  name: 'ExceptionTable',
  label: 'Policy exceptions',
  columns: COLUMNS,
  rowTestId: 'exception-row',
});
