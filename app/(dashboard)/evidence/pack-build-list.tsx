'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useTransition } from 'react';
import { DataTable } from '@/components/tables/data-table';
import { packBuildColumns } from '@/components/evidence/pack-build-columns';
import { Button, buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import type { EvidencePackBuildView } from '@/lib/server/evidence/builds/evidence-pack-build-view';
import { cancelEvidencePackBuildAction } from './actions';
import { useEvidencePackBuilds } from './use-evidence-pack-builds';

function CancelButton({ id, onDone }: { id: string; onDone: () => void }) {
  const [pending, start] = useTransition();
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={pending}
      onClick={() =>
        start(async () => {
          await cancelEvidencePackBuildAction(null, { buildId: id });
          onDone();
        })
      }
    >
      Cancel
    </Button>
  );
}

/** The builds with live progress (TanStack Query polling), download and cancel. */
export function PackBuildList({
  initial,
  canBuild,
  refreshKey,
}: {
  initial: EvidencePackBuildView[];
  canBuild: boolean;
  /** Changes when this page queued a build: poll at once. */
  refreshKey?: string;
}) {
  const client = useQueryClient();
  const { data: builds, error } = useEvidencePackBuilds(initial);
  const refresh = () => void client.invalidateQueries({ queryKey: ['evidence-pack-builds'] });
  useEffect(() => {
    if (refreshKey) void client.invalidateQueries({ queryKey: ['evidence-pack-builds'] });
  }, [refreshKey, client]);
  const columns = packBuildColumns((b) =>
    b.state === 'SUCCEEDED' ? (
      <a href={`/api/evidence/packs/${b.id}/download`} className={buttonClass('secondary', 'sm')} download>
        Download
      </a>
    ) : canBuild && (b.state === 'QUEUED' || (b.state === 'RUNNING' && !b.cancelRequested)) ? (
      <CancelButton id={b.id} onDone={refresh} />
    ) : null,
  );
  return (
    <div className="space-y-2">
      {error && (
        <p role="alert" className="text-sm text-rose-700">
          Could not refresh the builds: {error.message}
        </p>
      )}
      {builds.length === 0 ? (
        <EmptyState title="No packs yet">Build one for a period that has ended.</EmptyState>
      ) : (
        <DataTable
          label="Evidence pack builds"
          columns={columns}
          rows={builds}
          getRowId={(b) => b.id}
          rowTestId={(b) => `pack-build-${b.id}`}
          rowData={(b) => ({ 'data-state': b.state })}
        />
      )}
    </div>
  );
}
