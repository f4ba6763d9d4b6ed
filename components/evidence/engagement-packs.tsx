import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { listEngagementPacks } from '@/lib/server/evidence/builds/list-engagement-packs';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { DataTable } from '@/components/tables/data-table';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { packBuildColumns } from './pack-build-columns';

/**
 * The evidence packs built for one audit, for its page: `<EngagementPacks engagementId={id} />`.
 * Auditors download them (read-only); officers get a link to build one for the audit. The data
 * layer scopes an auditor to audits assigned and open to them (ADR 0010).
 */
export async function EngagementPacks({ engagementId }: { engagementId: string }) {
  const user = await requirePageUser('evidence:read');
  const builds = await listEngagementPacks({ actor: actorOf(user), input: { engagementId } });
  const columns = packBuildColumns((b) =>
    b.state === 'SUCCEEDED' ? (
      <a href={`/api/evidence/packs/${b.id}/download`} className={buttonClass('secondary', 'sm')} download>
        Download
      </a>
    ) : null,
  );
  return (
    <Card
      title="Evidence packs"
      actions={
        can(user.role, 'evidence:build') && (
          <Link href={`/evidence?engagementId=${encodeURIComponent(engagementId)}`} className={buttonClass('secondary', 'sm')}>
            Build a pack for this audit
          </Link>
        )
      }
    >
      {builds.length === 0 ? (
        <p className="text-sm text-slate-600">No pack has been built for this audit yet.</p>
      ) : (
        <DataTable
          label="Evidence packs of this audit"
          columns={columns}
          rows={builds}
          getRowId={(b) => b.id}
          rowTestId={(b) => `engagement-pack-${b.id}`}
        />
      )}
    </Card>
  );
}
