import Link from 'next/link';
import type { ColumnDef } from '@tanstack/react-table';
import { TierBadge, VerificationBadge } from '@/components/inventory/badges';
import { PermissionStrip } from '@/components/inventory/permission-strip';
import { OverdueReviewBadge, RiskScoreBadge } from '@/components/risks/risk-badges';
import { formatDate } from '@/components/ui/format';
import type { ComplianceReportRow } from '@/lib/domain/reports/compliance-report';
import { TREATMENT_LABELS } from '@/lib/domain/risk/score';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';

/** The compliance report's columns on the shared DataTable. */
export const COMPLIANCE_REPORT_TABLE_COLUMNS: ColumnDef<ComplianceReportRow, unknown>[] = [
  {
    id: 'tool',
    header: 'Tool version',
    enableHiding: false,
    cell: ({ row: { original: r } }) => (
      <Link href={`/inventory/${r.toolId}`} className="font-medium whitespace-nowrap text-indigo-700 hover:underline">
        {r.toolName} <span className="font-mono text-xs text-slate-500">{r.version}</span>
      </Link>
    ),
  },
  {
    id: 'environments',
    header: 'In use in',
    cell: ({ row: { original: r } }) => (
      <span data-testid="report-environments">
        {r.environments.map((e) => ENVIRONMENT_LABELS[e]).join(', ')}
        <span className="block text-xs text-slate-500">
          {r.agents} agent{r.agents === 1 ? '' : 's'}
        </span>
      </span>
    ),
  },
  {
    id: 'verification',
    header: 'Verification',
    cell: ({ row: { original: r } }) => (
      <span>
        <VerificationBadge state={r.verificationState} />
        <span className="block text-xs text-slate-500">{formatDate(r.lastVerifiedAt)}</span>
      </span>
    ),
  },
  {
    id: 'tier',
    header: 'Tier',
    cell: ({ row: { original: r } }) => (
      <span className="whitespace-nowrap">
        <TierBadge tier={r.tier} />
        {r.trustScore !== null && <span className="ml-1 text-xs text-slate-500 tabular-nums">{r.trustScore}</span>}
      </span>
    ),
  },
  { id: 'permissions', header: 'Permissions', cell: ({ row: { original: r } }) => <PermissionStrip permissions={r} /> },
  {
    id: 'exceptions',
    header: 'Exceptions',
    cell: ({ row: { original: r } }) =>
      r.exceptions.length === 0 ? (
        <span className="text-slate-400">none</span>
      ) : (
        <ul className="space-y-0.5 text-xs">
          {r.exceptions.map((e) => (
            <li key={e.id}>
              <Link href={`/exceptions/${e.id}`} className="text-indigo-700 hover:underline">
                {e.rules.join(', ')}
              </Link>{' '}
              <span className="text-slate-500">
                {ENVIRONMENT_LABELS[e.environment]}, until {formatDate(e.expiresAt)}
              </span>
            </li>
          ))}
        </ul>
      ),
  },
  {
    id: 'risk',
    header: 'Risk (residual)',
    cell: ({ row: { original: r } }) =>
      r.risk ? (
        <span className="whitespace-nowrap">
          <RiskScoreBadge score={r.risk.residualScore} />
          <span className="ml-1 text-xs text-slate-500">{TREATMENT_LABELS[r.risk.treatment]}</span>
          {r.risk.overdue && <OverdueReviewBadge />}
        </span>
      ) : (
        <span className="text-slate-400">not assessed</span>
      ),
  },
];
