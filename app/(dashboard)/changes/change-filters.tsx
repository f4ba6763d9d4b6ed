import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/form-field';
import { CHANGE_KIND_LABELS, CHANGE_KINDS, CHANGE_STATE_LABELS, CHANGE_STATES } from '@/lib/domain/change-requests/state-machine';
import { ENVIRONMENT_LABELS, ENVIRONMENTS } from '@/lib/domain/types';

/** A plain GET form: the filters live in the URL, so a view can be shared and bookmarked. */
export function ChangeFilters({ current }: { current: Record<string, string> }) {
  return (
    <form method="get" action="/changes" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200" aria-label="Filters">
      <label className="text-xs font-medium text-slate-600">
        State
        <select name="state" defaultValue={current.state ?? ''} className={inputClass}>
          <option value="">Any</option>
          <option value="OPEN">Open (in review)</option>
          {CHANGE_STATES.map((s) => (
            <option key={s} value={s}>{CHANGE_STATE_LABELS[s]}</option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        Kind
        <select name="kind" defaultValue={current.kind ?? ''} className={inputClass}>
          <option value="">Any</option>
          {CHANGE_KINDS.map((k) => (
            <option key={k} value={k}>{CHANGE_KIND_LABELS[k]}</option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        Environment
        <select name="environment" defaultValue={current.environment ?? ''} className={inputClass}>
          <option value="">Any</option>
          {ENVIRONMENTS.map((e) => (
            <option key={e} value={e}>{ENVIRONMENT_LABELS[e]}</option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1.5 pb-1.5 text-sm text-slate-700">
        <input type="checkbox" name="mine" value="1" defaultChecked={current.mine === '1'} /> Raised by me
      </label>
      <label className="flex items-center gap-1.5 pb-1.5 text-sm text-slate-700">
        <input type="checkbox" name="overdue" value="1" defaultChecked={current.overdue === '1'} /> Overdue only
      </label>
      <Button type="submit" variant="secondary" size="sm">Apply</Button>
      <Link href="/changes" className="pb-1.5 text-sm text-slate-500 hover:underline">Clear</Link>
    </form>
  );
}
