'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { FormField, inputClass } from '@/components/ui/form-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { INCIDENT_LINK_KINDS, LINK_KIND_LABELS, STATUS_LABELS, type IncidentStatus } from '@/lib/domain/incidents/labels';
import {
  addIncidentNoteAction,
  advanceIncidentAction,
  completeIncidentStepAction,
  liftQuarantineAction,
  linkIncidentRecordAction,
  quarantineToolAction,
} from '../actions';

function useRefreshForm<T>(action: Parameters<typeof useActionForm<T>>[0]) {
  const router = useRouter();
  return useActionForm(action, { onSuccess: () => router.refresh(), resetOnSuccess: true });
}

/** Marks one playbook step done, with an optional note. */
export function StepDoneForm({ incidentId, stepKey }: { incidentId: string; stepKey: string }) {
  const { state, errors, pending, field, formProps } = useRefreshForm(completeIncidentStepAction);
  const id = `note-${stepKey}`;
  return (
    <form {...formProps} className="flex flex-wrap items-start gap-2" aria-label={`Complete ${stepKey}`}>
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="stepKey" value={stepKey} />
      <label htmlFor={id} className="sr-only">
        Note
      </label>
      <input {...field('note', { id })} placeholder="Note (optional)" className={`${inputClass} max-w-xs`} />
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        Mark done
      </Button>
      {errors.note && <p className="text-sm text-rose-700">{errors.note}</p>}
      <FormError state={state} />
    </form>
  );
}

export function AdvanceForm({ incidentId, to }: { incidentId: string; to: IncidentStatus }) {
  const { state, errors, pending, field, formProps } = useRefreshForm(advanceIncidentAction);
  return (
    <form {...formProps} className="space-y-3" aria-label="Advance incident">
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="to" value={to} />
      {to === 'CLOSED' && (
        <FormField label="Lessons learned" name="lessonsLearned" error={errors.lessonsLearned}>
          <textarea {...field('lessonsLearned')} rows={3} className={inputClass} />
        </FormField>
      )}
      <Button type="submit" disabled={pending}>
        Mark {STATUS_LABELS[to].toLowerCase()}
      </Button>
      <FormError state={state} />
    </form>
  );
}

export function NoteForm({ incidentId }: { incidentId: string }) {
  const { state, errors, pending, field, formProps } = useRefreshForm(addIncidentNoteAction);
  return (
    <form {...formProps} className="space-y-2" aria-label="Add note">
      <input type="hidden" name="incidentId" value={incidentId} />
      <FormField label="Add to the timeline" name="note" error={errors.note}>
        <textarea {...field('note')} rows={2} className={inputClass} />
      </FormField>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        Add note
      </Button>
      <FormError state={state} />
    </form>
  );
}

export function LinkForm({ incidentId }: { incidentId: string }) {
  const { state, errors, pending, field, formProps } = useRefreshForm(linkIncidentRecordAction);
  return (
    <form {...formProps} className="grid gap-2 sm:grid-cols-3" aria-label="Link a record">
      <input type="hidden" name="incidentId" value={incidentId} />
      <FormField label="Kind" name="kind" error={errors.kind}>
        <select {...field('kind')} className={inputClass}>
          {INCIDENT_LINK_KINDS.map((k) => (
            <option key={k} value={k}>
              {LINK_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </FormField>
      <FormField
        label="Record"
        name="targetId"
        error={errors.targetId}
        hint="An id; an agent or tool by name; an invocation event by its sequence number."
      >
        <input {...field('targetId', { hint: true })} className={inputClass} />
      </FormField>
      <div className="flex items-start pt-6">
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          Link
        </Button>
      </div>
      <div className="sm:col-span-3">
        <FormError state={state} />
      </div>
    </form>
  );
}

/** Quarantine a linked tool (or some of its versions) while the incident is open. */
export function QuarantineForm({
  incidentId,
  tools,
}: {
  incidentId: string;
  tools: { id: string; name: string; versions: { id: string; version: string }[] }[];
}) {
  const { state, errors, pending, field, formProps } = useRefreshForm(quarantineToolAction);
  return (
    <form {...formProps} className="space-y-3" aria-label="Quarantine">
      <input type="hidden" name="incidentId" value={incidentId} />
      <FormField label="Tool" name="toolId" error={errors.toolId}>
        <select {...field('toolId')} className={inputClass}>
          {tools.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </FormField>
      <div className="flex flex-wrap gap-3" role="group" aria-label="Versions to quarantine">
        {tools.flatMap((t) =>
          t.versions.map((v) => (
            <label key={v.id} className="flex items-center gap-1 font-mono text-sm">
              <input type="checkbox" name="toolVersionIds" value={v.id} className="h-4 w-4 rounded border-slate-300" /> {t.name}{' '}
              {v.version}
            </label>
          )),
        )}
      </div>
      <p className="text-xs text-slate-600">No version ticked = every version of the tool.</p>
      {errors.toolVersionIds && <p className="text-sm text-rose-700">{errors.toolVersionIds}</p>}
      <FormField label="Reason" name="reason" error={errors.reason}>
        <textarea {...field('reason')} rows={2} className={inputClass} />
      </FormField>
      <Button type="submit" variant="danger" disabled={pending}>
        Quarantine
      </Button>
      <FormError state={state} />
    </form>
  );
}

/** Lift: a security reviewer, with the reason it is safe again. */
export function LiftForm({ quarantineId }: { quarantineId: string }) {
  const { state, errors, pending, field, formProps } = useRefreshForm(liftQuarantineAction);
  const id = `lift-${quarantineId}`;
  return (
    <form {...formProps} className="space-y-2" aria-label="Lift quarantine">
      <input type="hidden" name="id" value={quarantineId} />
      <FormField label="Why it is safe to lift" name={id} error={errors.reason}>
        <textarea {...field('reason', { id })} rows={2} className={inputClass} />
      </FormField>
      <Button type="submit" size="sm" disabled={pending}>
        Lift quarantine
      </Button>
      <FormError state={state} />
    </form>
  );
}
