'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { startSyncAction } from './actions';
import { SyncStatusBadge } from './sync-status';
import { useSyncRun } from './use-sync-run';

/** Starts a sync and shows its progress live (pages, tools, new versions/records/alerts). */
export function SyncNowButton({
  registryId,
  registryName,
  disabled,
}: {
  registryId: string;
  registryName: string;
  disabled?: boolean;
}) {
  const router = useRouter();
  const [runId, setRunId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, startTransition] = useTransition();
  const { data: run, error: pollError } = useSyncRun(runId);
  const running = starting || run?.status === 'RUNNING' || (runId !== null && !run);

  useEffect(() => {
    if (run && run.status !== 'RUNNING') router.refresh();
  }, [run, router]);

  return (
    <div className="space-y-1" data-testid={`sync-${registryName}`}>
      <Button
        size="sm"
        disabled={disabled || running}
        aria-label={`Sync ${registryName} now`}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await startSyncAction(null, { id: registryId });
            if (result.ok) setRunId(result.data.runId);
            else setError(result.error);
          })
        }
      >
        {running ? 'Syncing…' : 'Sync now'}
      </Button>
      {run && (
        <div role="status" aria-live="polite" className="text-xs text-slate-600" data-testid="sync-progress">
          <SyncStatusBadge status={run.status} /> {run.pagesDone} page{run.pagesDone === 1 ? '' : 's'}, {run.toolsSeen}
          {run.toolsTotal ? ` of ${run.toolsTotal}` : ''} tools · {run.versionsCreated} new versions · {run.recordsCreated} new
          records · {run.alertsRaised} alerts
          {run.error && <p className="text-rose-700">{run.error}</p>}
        </div>
      )}
      {(error ?? pollError) && (
        <p role="alert" className="text-xs font-medium text-rose-600">
          {error ?? pollError?.message}
        </p>
      )}
    </div>
  );
}
