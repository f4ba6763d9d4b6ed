'use client';

import { useState } from 'react';
import { FormField, inputClass } from '@/components/ui/form-field';
import { RemoveRowButton } from '@/components/ui/form-submit-row';
import { useActionForm } from '@/components/ui/use-action-form';
import { buttonClass } from '@/components/ui/button';
import type { ActionResult } from '@/lib/server/guards/action-result';
import {
  DATA_CLASS_LABELS,
  DATA_CLASSES,
  DESTINATION_KINDS,
  DESTINATION_LABELS,
  type DataFlowContent,
  type DataFlowDestination,
  type DataFlowInput,
} from '@/lib/domain/data-flows/types';

type Action = (prev: ActionResult<{ id: string }> | null, form: FormData) => Promise<ActionResult<{ id: string }>>;
type Keyed<T> = T & { key: number };

/** React keys for rows: stable while rows are added and removed, so typed values stay in their row. */
const keyed = <T,>(rows: T[]): Keyed<T>[] => rows.map((r, key) => ({ ...r, key }));
const nextKey = (rows: readonly { key: number }[]) => rows.reduce((m, r) => Math.max(m, r.key), -1) + 1;

/**
 * Map a tool's data flow: the fields it receives (class, needed or not), what it does, where the
 * data goes (an external API names its host), how long it is kept. Rows post as
 * `inputs.<n>.<field>` so each refusal appears beside its own box.
 */
export function DataFlowForm({
  action,
  toolId,
  previousId,
  versions,
  defaultVersionId,
  start,
}: {
  action: Action;
  toolId: string;
  previousId: string | null;
  versions: { id: string; version: string }[];
  defaultVersionId: string | null;
  start: DataFlowContent;
}) {
  const { state, errors, pending, field, formProps } = useActionForm(action);
  const [inputs, setInputs] = useState<Keyed<DataFlowInput>[]>(() => keyed(start.inputs));
  const [destinations, setDestinations] = useState<Keyed<DataFlowDestination>[]>(() => keyed(start.destinations));
  const setDestination = (i: number, change: Partial<DataFlowDestination>) =>
    setDestinations((rows) => rows.map((r, j) => (j === i ? { ...r, ...change } : r)));

  return (
    <form {...formProps} className="space-y-5" aria-label="Data flow map">
      <input type="hidden" name="toolId" value={toolId} />
      {previousId && <input type="hidden" name="previousId" value={previousId} />}
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">Inputs: the fields the tool receives</legend>
        {errors.inputs && <p className="text-xs font-medium text-rose-600">{errors.inputs}</p>}
        {inputs.map((row, i) => (
          <div key={row.key} className="grid items-start gap-2 sm:grid-cols-[1fr_12rem_auto_auto]" data-testid="input-row">
            <FormField label={`Field ${i + 1} name`} name={`inputs.${i}.name`} error={errors[`inputs.${i}.name`]}>
              <input {...field(`inputs.${i}.name`)} defaultValue={row.name} maxLength={200} className={inputClass} />
            </FormField>
            <FormField
              label={`Field ${i + 1} class`}
              name={`inputs.${i}.classification`}
              error={errors[`inputs.${i}.classification`]}
            >
              <select {...field(`inputs.${i}.classification`)} defaultValue={row.classification} className={inputClass}>
                {DATA_CLASSES.map((c) => (
                  <option key={c} value={c}>
                    {DATA_CLASS_LABELS[c]}
                  </option>
                ))}
              </select>
            </FormField>
            <label className="mt-7 flex items-center gap-1 text-sm text-slate-700">
              <input type="checkbox" name={`inputs.${i}.needed`} defaultChecked={row.needed} /> Needed
            </label>
            <RemoveRowButton
              label={`Remove field ${i + 1}`}
              onRemove={() => setInputs((rows) => rows.filter((r) => r.key !== row.key))}
            />
          </div>
        ))}
        <button
          type="button"
          className={buttonClass('secondary')}
          onClick={() =>
            setInputs((rows) => [...rows, { name: '', classification: 'INTERNAL', needed: true, key: nextKey(rows) }])
          }
        >
          Add field
        </button>
      </fieldset>
      <FormField label="Processing" name="processing" error={errors.processing} hint="What the tool does with the data">
        <textarea
          {...field('processing', { hint: true })}
          defaultValue={start.processing}
          rows={2}
          maxLength={2000}
          className={inputClass}
        />
      </FormField>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">Destinations: where the data goes</legend>
        {errors.destinations && <p className="text-xs font-medium text-rose-600">{errors.destinations}</p>}
        {destinations.map((row, i) => (
          <div key={row.key} className="grid items-start gap-2 sm:grid-cols-[14rem_1fr_1fr_auto]" data-testid="destination-row">
            <FormField label={`Destination ${i + 1}`} name={`destinations.${i}.kind`} error={errors[`destinations.${i}.kind`]}>
              <select
                {...field(`destinations.${i}.kind`)}
                value={row.kind}
                onChange={(e) => setDestination(i, { kind: e.target.value as DataFlowDestination['kind'] })}
                className={inputClass}
              >
                {DESTINATION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {DESTINATION_LABELS[k]}
                  </option>
                ))}
              </select>
            </FormField>
            {row.kind === 'EXTERNAL_API' ? (
              <FormField
                label={`Destination ${i + 1} host`}
                name={`destinations.${i}.host`}
                error={errors[`destinations.${i}.host`]}
              >
                <input
                  {...field(`destinations.${i}.host`)}
                  defaultValue={row.host ?? ''}
                  placeholder="api.example.com"
                  maxLength={260}
                  className={inputClass}
                />
              </FormField>
            ) : (
              <div />
            )}
            <FormField
              label={`Destination ${i + 1} note`}
              name={`destinations.${i}.note`}
              error={errors[`destinations.${i}.note`]}
            >
              <input {...field(`destinations.${i}.note`)} defaultValue={row.note ?? ''} maxLength={300} className={inputClass} />
            </FormField>
            <RemoveRowButton
              label={`Remove destination ${i + 1}`}
              onRemove={() => setDestinations((rows) => rows.filter((r) => r.key !== row.key))}
            />
          </div>
        ))}
        <button
          type="button"
          className={buttonClass('secondary')}
          onClick={() => setDestinations((rows) => [...rows, { kind: 'EXTERNAL_API', host: '', key: nextKey(rows) }])}
        >
          Add destination
        </button>
      </fieldset>
      <div className="grid gap-3 md:grid-cols-3">
        <FormField label="Retention" name="retention" error={errors.retention} hint="How long the data is kept, and where">
          <input {...field('retention', { hint: true })} defaultValue={start.retention} maxLength={500} className={inputClass} />
        </FormField>
        <FormField label="Version mapped" name="toolVersionId" error={errors.toolVersionId}>
          <select {...field('toolVersionId')} defaultValue={defaultVersionId ?? ''} className={inputClass}>
            <option value="">The tool as a whole</option>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.version}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Change note" name="note" error={errors.note}>
          <input {...field('note')} maxLength={500} className={inputClass} />
        </FormField>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass('primary')}>
          {pending ? 'Saving…' : 'Save and confirm the map'}
        </button>
        <p role="status" className="text-sm">
          {state?.ok && <span className="text-emerald-700">Map saved.</span>}
          {state && !state.ok && Object.keys(state.fieldErrors).length === 0 && (
            <span className="text-rose-600" tabIndex={-1} data-form-error>
              {state.error}
            </span>
          )}
          {state && !state.ok && Object.keys(state.fieldErrors).length > 0 && (
            <span className="text-rose-600">Correct the fields marked below.</span>
          )}
        </p>
      </div>
    </form>
  );
}
