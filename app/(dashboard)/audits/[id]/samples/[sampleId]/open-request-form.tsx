'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { FormField, inputClass } from '@/components/ui/form-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { openEngagementRequestAction } from '../../../actions';

/** Under a sampled item: request evidence on it, or flag it with a comment. */
export function OpenRequestForm({
  engagementId,
  population,
  recordId,
}: {
  engagementId: string;
  population: string;
  recordId: string;
}) {
  const router = useRouter();
  const { state, errors, pending, field, formProps } = useActionForm(openEngagementRequestAction, {
    onSuccess: (d) => router.push(`/audits/${d.engagementId}/requests/${d.requestId}`),
  });
  const id = (name: string) => ({
    ...field(name),
    id: `${name}-${recordId}`,
    'aria-describedby': errors[name] ? `${name}-${recordId}-error` : undefined,
  });
  return (
    <form {...formProps} aria-label={`Request or flag ${recordId}`} className="grid gap-2 sm:grid-cols-6">
      <input type="hidden" name="engagementId" value={engagementId} />
      <input type="hidden" name="population" value={population} />
      <input type="hidden" name="recordId" value={recordId} />
      <FormField label="Kind" name={`kind-${recordId}`} error={errors.kind}>
        <select className={inputClass} defaultValue="FLAG" {...id('kind')}>
          <option value="FLAG">Flag with a comment</option>
          <option value="REQUEST">Request evidence</option>
        </select>
      </FormField>
      <FormField label="Comment" name={`body-${recordId}`} error={errors.body} className="sm:col-span-3">
        <input className={inputClass} {...id('body')} />
      </FormField>
      <FormField label="Due (optional)" name={`dueDay-${recordId}`} error={errors.dueDay}>
        <input type="date" className={inputClass} {...id('dueDay')} />
      </FormField>
      <div className="flex items-end">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? 'Sending…' : 'Send'}
        </Button>
      </div>
      <div className="sm:col-span-6">
        <FormError state={state} />
      </div>
    </form>
  );
}
