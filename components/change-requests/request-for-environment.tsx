import Link from 'next/link';
import { ENVIRONMENT_LABELS, ENVIRONMENTS } from '@/lib/domain/types';

/** "Request for <environment>" links: open the new change request form prefilled with this tool (and version). */
export function RequestForEnvironment({ toolId, toolVersionId }: { toolId: string; toolVersionId?: string | null }) {
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="request-for-environment">
      <span className="text-slate-600">Request for</span>
      {ENVIRONMENTS.map((env) => (
        <Link
          key={env}
          className="rounded-md px-2 py-0.5 font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50"
          href={`/changes/new?${new URLSearchParams({ toolId, ...(toolVersionId ? { toolVersionId } : {}), environment: env }).toString()}`}
        >
          {ENVIRONMENT_LABELS[env]}
        </Link>
      ))}
    </p>
  );
}
