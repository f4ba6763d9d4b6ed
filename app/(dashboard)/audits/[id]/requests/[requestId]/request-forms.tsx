'use client';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { FormField, inputClass } from '@/components/ui/form-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { acceptEngagementRequestAction, answerEngagementRequestAction, followUpEngagementRequestAction } from '../../../actions';

/** The officer answers in place: a note and, optionally, one file (kept with its SHA-256). */
export function AnswerForm({ requestId, maxKb }: { requestId: string; maxKb: number }) {
  const { state, errors, pending, field, formProps } = useActionForm(answerEngagementRequestAction, { resetOnSuccess: true });
  return (
    <form {...formProps} aria-label="Answer the request" className="space-y-3">
      <input type="hidden" name="requestId" value={requestId} />
      <FormField label="Answer" name="note" error={errors.note}>
        <textarea rows={3} className={inputClass} {...field('note')} />
      </FormField>
      <FormField
        label="File (optional)"
        name="file"
        error={errors['file.bytes'] ?? errors['file.name'] ?? errors.file}
        hint={`At most ${maxKb} KB; stored with its SHA-256, never changed.`}
      >
        <input type="file" className="text-sm" {...field('file', { hint: true })} />
      </FormField>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Sending…' : 'Send answer'}
        </Button>
        <FormError state={state} />
      </div>
    </form>
  );
}

/** The auditor who opened it: accept the answer, or comment to reopen it. */
export function AuditorControls({ requestId, canAccept }: { requestId: string; canAccept: boolean }) {
  const accept = useActionForm(acceptEngagementRequestAction);
  const followUp = useActionForm(followUpEngagementRequestAction, { resetOnSuccess: true });
  return (
    <div className="space-y-4">
      {canAccept && (
        <form {...accept.formProps} aria-label="Accept the answer" className="flex items-center gap-3">
          <input type="hidden" name="requestId" value={requestId} />
          <Button type="submit" disabled={accept.pending}>
            Accept the answer
          </Button>
          <FormError state={accept.state} />
        </form>
      )}
      <form {...followUp.formProps} aria-label="Follow up" className="space-y-2">
        <input type="hidden" name="requestId" value={requestId} />
        <FormField label="Follow-up comment" name="note" error={followUp.errors.note}>
          <textarea rows={2} className={inputClass} {...followUp.field('note')} />
        </FormField>
        <div className="flex items-center gap-3">
          <Button type="submit" variant="secondary" disabled={followUp.pending}>
            Send and reopen
          </Button>
          <FormError state={followUp.state} />
        </div>
      </form>
    </div>
  );
}
