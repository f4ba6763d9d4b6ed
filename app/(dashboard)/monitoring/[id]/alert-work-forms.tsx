'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { FormField, inputClass } from '@/components/ui/form-field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { ALERT_NOTE_MAX } from '@/lib/validation/alert';
import { addAlertNoteAction, assignAlertAction } from '../actions';

/** Who works the alert: one of the people who may work alerts, or nobody. */
export function AssignAlertForm({
  id,
  assigneeId,
  meId,
  workers,
}: {
  id: string;
  assigneeId: string | null;
  meId: string;
  workers: { id: string; name: string }[];
}) {
  const router = useRouter();
  const { state, errors, pending, field, formProps } = useActionForm(assignAlertAction, { onSuccess: () => router.refresh() });
  return (
    <form {...formProps} className="flex flex-wrap items-end gap-2" aria-label="Assign the alert">
      <input type="hidden" name="id" value={id} />
      <FormField label="Assignee" name="assigneeId" error={errors.assigneeId}>
        <select {...field('assigneeId')} defaultValue={assigneeId ?? ''} className={`${inputClass} min-w-56`}>
          <option value="">Nobody</option>
          {workers.map((w) => (
            <option key={w.id} value={w.id}>
              {w.id === meId ? `${w.name} (me)` : w.name}
            </option>
          ))}
        </select>
      </FormField>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        Save assignee
      </Button>
      <FormError state={state} className="basis-full" />
    </form>
  );
}

/** One more note on the thread. */
export function AlertNoteForm({ id }: { id: string }) {
  const router = useRouter();
  const form = useActionForm(addAlertNoteAction, { onSuccess: () => router.refresh(), resetOnSuccess: true });
  return (
    <form {...form.formProps} className="space-y-2" aria-label="Add a note">
      <input type="hidden" name="id" value={id} />
      <TextAreaField
        form={form}
        name="body"
        label="Add a note"
        hint="What you found, decided or told whom. Notes cannot be edited or deleted."
        maxLength={ALERT_NOTE_MAX}
      />
      <Button type="submit" size="sm" variant="secondary" disabled={form.pending}>
        Add note
      </Button>
      <FormError state={form.state} />
    </form>
  );
}
