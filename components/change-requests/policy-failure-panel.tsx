import Link from 'next/link';
import { ENVIRONMENT_LABELS, type Environment } from '@/lib/domain/types';

/**
 * A change whose version fails the target environment's policy says so wherever it is looked
 * at (request form, review stages, deploy): which rules fail and where to ask for an exception.
 * Deploying is refused on the server until an approved exception covers every failing rule.
 */
export function PolicyFailurePanel({
  environment,
  failing,
  toolId,
  toolVersionId,
  canRequest,
  note,
}: {
  environment: Environment;
  /** One line per failing rule, e.g. "Minimum tier: Tier Verified is below the minimum Gold." */
  failing: string[];
  toolId: string;
  toolVersionId: string;
  canRequest: boolean;
  note?: string;
}) {
  return (
    <div role="status" className="rounded-md bg-rose-50 p-3 text-sm text-rose-900 sm:col-span-2" data-testid="policy-failure">
      <p className="font-medium">
        Fails the {ENVIRONMENT_LABELS[environment].toLowerCase()} policy and no approved exception covers it.
      </p>
      <ul className="mt-1 space-y-0.5">
        {failing.map((f) => (
          <li key={f}>• {f}</li>
        ))}
      </ul>
      <p className="mt-1">{note ?? 'It can be reviewed, but it cannot be deployed until an exception is approved.'}</p>
      {canRequest && (
        <Link
          href={`/exceptions/new?toolId=${toolId}&toolVersionId=${toolVersionId}&environment=${environment}`}
          className="mt-1 inline-block font-medium text-indigo-700 hover:underline"
        >
          Request an exception →
        </Link>
      )}
    </div>
  );
}
