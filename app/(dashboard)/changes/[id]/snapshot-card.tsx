import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { EvaluationSnapshot } from '@/lib/server/change-requests/build-snapshot';
import { dateTime } from '../change-badges';

/** The policy evaluation as recorded when the request was raised (never recomputed here). */
export function SnapshotCard({ snapshot }: { snapshot: EvaluationSnapshot }) {
  return (
    <Card
      title={`Policy snapshot · policy v${snapshot.policyVersion} · ${dateTime.format(new Date(snapshot.evaluatedAt))} UTC`}
      actions={
        snapshot.evaluated ? (
          <Badge tone={snapshot.passes ? 'green' : 'red'}>{snapshot.passes ? 'Passes policy' : 'Fails policy'}</Badge>
        ) : (
          <Badge tone="gray">Not evaluated</Badge>
        )
      }
    >
      {!snapshot.evaluated ? (
        <p className="text-sm text-slate-600">
          The tool was not in the inventory when this was requested, so no policy could be evaluated.
        </p>
      ) : (
        <table className="min-w-full text-sm" aria-label="Policy verdicts">
          <tbody className="divide-y divide-slate-100">
            {snapshot.verdicts.map((v) => (
              <tr key={v.rule} data-testid="verdict" data-rule={v.rule}>
                <td className="py-1.5 pr-3 font-medium text-slate-800">{v.label}</td>
                <td className="py-1.5 pr-3">
                  <Badge tone={v.passed ? (v.severity === 'warn' ? 'yellow' : 'green') : v.coveredBy ? 'yellow' : 'red'}>
                    {v.passed ? 'Pass' : v.coveredBy ? 'Covered' : 'Fail'}
                  </Badge>
                </td>
                <td className="py-1.5 text-slate-600">{v.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="mt-3 space-y-1 text-sm">
        <p className="font-medium text-slate-800">Manual-review triggers</p>
        {snapshot.reviewTriggers.length === 0 ? (
          <p className="text-slate-600">None fired.</p>
        ) : (
          <ul className="list-inside list-disc text-amber-800">
            {snapshot.reviewTriggers.map((t) => (
              <li key={t.trigger}>{t.reason}</li>
            ))}
          </ul>
        )}
        <p className="text-slate-600">
          Fast-track: {snapshot.fastTrack.eligible ? 'yes' : 'no'} — {snapshot.fastTrack.reason}
          {snapshot.onAllowlist && ' (an approved allowlist entry waived the review triggers)'}
        </p>
      </div>
    </Card>
  );
}
