'use client';

import { useQuery } from '@tanstack/react-query';
import type { EvidencePackBuildView } from '@/lib/server/evidence/builds/evidence-pack-build-view';

const active = (builds: EvidencePackBuildView[]) => builds.some((b) => b.state === 'QUEUED' || b.state === 'RUNNING');

/** The builds, polled every second while one is queued or running; idle otherwise. */
export function useEvidencePackBuilds(initial: EvidencePackBuildView[]) {
  return useQuery({
    queryKey: ['evidence-pack-builds'],
    initialData: initial,
    queryFn: async (): Promise<EvidencePackBuildView[]> => {
      const res = await fetch('/api/evidence/packs', { cache: 'no-store' });
      if (!res.ok)
        throw new Error(((await res.json().catch(() => null)) as { error?: string } | null)?.error ?? `HTTP ${res.status}`);
      return ((await res.json()) as { builds: EvidencePackBuildView[] }).builds;
    },
    refetchInterval: (q) => (q.state.data && active(q.state.data) ? 1000 : false),
  });
}
