import { FormField, inputClass } from './form-field';

/** What `useActionForm` gives a form (or the part of one that a field group receives). */
export type ActionForm = {
  errors: Record<string, string | undefined>;
  field: (name: string, opts?: { hint?: boolean }) => Record<string, unknown>;
};

/** A labelled textarea of an action form, with its hint and error wired for assistive technology. */
export function TextAreaField({
  form,
  name,
  label,
  hint,
  defaultValue,
  rows = 3,
  maxLength,
}: {
  form: ActionForm;
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  rows?: number;
  maxLength: number;
}) {
  return (
    <FormField label={label} name={name} error={form.errors[name]} hint={hint}>
      <textarea
        {...form.field(name, { hint: hint !== undefined })}
        defaultValue={defaultValue}
        rows={rows}
        maxLength={maxLength}
        className={inputClass}
      />
    </FormField>
  );
}

/** A labelled day input (`YYYY-MM-DD`) of an action form, with its hint and error wired. */
export function DayField({ form, name, label, hint }: { form: ActionForm; name: string; label: string; hint?: string }) {
  return (
    <FormField label={label} name={name} error={form.errors[name]} hint={hint}>
      <input {...form.field(name, { hint: hint !== undefined })} type="date" className={inputClass} />
    </FormField>
  );
}

/** A labelled one-line text input of an action form. */
export function TextField({
  form,
  name,
  label,
  defaultValue,
  maxLength,
}: {
  form: ActionForm;
  name: string;
  label: string;
  defaultValue?: string;
  maxLength: number;
}) {
  return (
    <FormField label={label} name={name} error={form.errors[name]}>
      <input {...form.field(name)} defaultValue={defaultValue} maxLength={maxLength} className={inputClass} />
    </FormField>
  );
}
