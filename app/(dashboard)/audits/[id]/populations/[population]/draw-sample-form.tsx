'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { FormField, inputClass } from '@/components/ui/form-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { drawSampleAction } from '../../../actions';

/** Seed and size (chosen, or from the AICPA-style table); the sample opens once drawn. */
export function DrawSampleForm({ engagementId, population }: { engagementId: string; population: string }) {
  const router = useRouter();
  const { state, errors, pending, field, formProps } = useActionForm(drawSampleAction, {
    onSuccess: (d) => router.push(`/audits/${d.engagementId}/samples/${d.sampleId}`),
  });
  return (
    <form {...formProps} aria-label="Draw a sample" className="grid gap-4 sm:grid-cols-4">
      <input type="hidden" name="engagementId" value={engagementId} />
      <input type="hidden" name="population" value={population} />
      <FormField
        label="Seed"
        name="seed"
        error={errors.seed}
        hint="Letters, digits, . _ : - — write it down: the same seed redraws the same sample."
      >
        <input className={inputClass} autoComplete="off" {...field('seed', { hint: true })} />
      </FormField>
      <FormField label="Size rule" name="sizeRule" error={errors.sizeRule}>
        <select className={inputClass} defaultValue="chosen" {...field('sizeRule')}>
          <option value="chosen">Size I choose</option>
          <option value="aicpa">AICPA-style table by population size</option>
        </select>
      </FormField>
      <FormField label="Sample size" name="size" error={errors.size ?? errors.population} hint="Ignored with the table.">
        <input type="number" min={1} className={inputClass} {...field('size', { hint: true })} />
      </FormField>
      <div className="flex items-end gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Drawing…' : 'Draw sample'}
        </Button>
      </div>
      <div className="sm:col-span-4">
        <FormError state={state} />
      </div>
    </form>
  );
}
