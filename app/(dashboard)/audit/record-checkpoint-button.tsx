'use client';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { useActionForm } from '@/components/ui/use-action-form';
import { recordAuditCheckpointAction } from './actions';

export function RecordCheckpointButton() {
  const { state, pending, formProps } = useActionForm(recordAuditCheckpointAction);
  return (
    <form {...formProps} className="flex items-center gap-2">
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? 'Signing…' : 'Record checkpoint now'}
      </Button>
      <FormError state={state} className="text-xs" />
      <span role="status" aria-live="polite" className="text-xs">
        {state?.ok && <span className="text-emerald-700">Checkpoint signed at record #{state.data.headSeq}.</span>}
      </span>
    </form>
  );
}
