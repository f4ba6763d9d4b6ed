'use client';

import { useQuery } from '@tanstack/react-query';
import type { SyncRunProgress } from '@/lib/server/registries/list-sync-runs';

/** Polls a sync run once a second while it runs; stops when it has finished. */
export function useSyncRun(runId: string | null) {
  return useQuery({
    queryKey: ['sync-run', runId],
    enabled: Boolean(runId),
    queryFn: async (): Promise<SyncRunProgress> => {
      const res = await fetch(`/api/registries/runs/${runId}`, { cache: 'no-store' });
      if (!res.ok)
        throw new Error(((await res.json().catch(() => null)) as { error?: string } | null)?.error ?? `HTTP ${res.status}`);
      return (await res.json()) as SyncRunProgress;
    },
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'RUNNING' ? false : 1000),
  });
}
