import { formatPolicySetting, POLICY_FIELD_LABELS } from '@/lib/domain/policy/policy-diff';
import type { PolicySettings } from '@/lib/domain/policy/types';

/** The settings of one policy version as a definition list. */
export function PolicySettingsList({ policy }: { policy: PolicySettings }) {
  const fields = Object.keys(POLICY_FIELD_LABELS) as (keyof PolicySettings)[];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {fields.map((f) => (
        <div key={f} className="contents">
          <dt className="text-slate-500">{POLICY_FIELD_LABELS[f]}</dt>
          <dd className="font-medium text-slate-900" data-testid={`policy-${f}`}>
            {formatPolicySetting(f, policy[f] as never)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
