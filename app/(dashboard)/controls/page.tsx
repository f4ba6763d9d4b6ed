import type { Metadata } from 'next';
import Link from 'next/link';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { getControlsView } from '@/lib/server/controls/get-controls-view';
import { TSC_SOURCE } from '@/lib/domain/controls';
import { formatFingerprint } from '@/lib/domain/evidence/signing';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/tables/data-table';
import { formatTimestamp } from '@/components/ui/format';
import { controlColumns } from '@/components/controls/control-columns';

export const metadata: Metadata = { title: 'Controls' };

export default async function ControlsPage() {
  const me = await requirePageUser('evidence:read');
  const view = await getControlsView({ actor: actorOf(me), input: {} });
  return (
    <div className="space-y-4">
      <PageHeader
        title="Controls"
        description={`The SOC 2 criteria in scope, how ToolLedger evidences each, and the live state of that evidence as of ${formatTimestamp(view.asOf)}. Criteria ids from the ${TSC_SOURCE}.`}
      />
      <p className="text-sm" data-testid="control-totals">
        {view.totals.ok} ok · {view.totals.stale} stale · {view.totals.gap} gap
      </p>
      <p className="text-xs text-slate-600" data-testid="control-freshness">
        Record counts as of {formatTimestamp(view.countedAt)} (counted at most once a minute). The audit chain is checked on every
        view from its last signed checkpoint; the full check of every record is{' '}
        <Link className="text-indigo-700 hover:underline" href="/audit">
          Audit trail → Verify chain
        </Link>
        .
      </p>
      <Card>
        <DataTable
          label="Controls"
          columns={controlColumns}
          rows={view.rows}
          getRowId={(r) => r.id}
          rowTestId={(r) => `control-${r.id}`}
        />
      </Card>
      <Card title="Evidence signing keys">
        <p className="mb-2 text-xs text-slate-600">
          Evidence packs are signed with this Ed25519 key. Compare the fingerprint with the one in a pack&apos;s README; retired
          keys stay listed so the packs they signed remain verifiable.
        </p>
        {view.keys.length === 0 ? (
          <p className="text-sm text-slate-600">No key yet: the instance makes one at its first start or first pack.</p>
        ) : (
          <ul className="space-y-2 text-xs">
            {view.keys.map((k) => (
              <li key={k.id} data-testid={`signing-key-${k.id}`}>
                <span className="font-mono font-semibold">{k.id}</span>{' '}
                {k.retiredAt ? `(retired ${formatTimestamp(k.retiredAt)})` : '(signs new packs)'} ·{' '}
                {k.source === 'ENVIRONMENT' ? 'from the environment' : 'generated'}
                <div className="font-mono">SHA-256 {formatFingerprint(k.fingerprint)}</div>
                <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2">{k.publicKeyPem}</pre>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
