'use client';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { FormField, inputClass } from '@/components/ui/form-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { formatFingerprint } from '@/lib/domain/evidence/signing';
import type { UploadedPackVerification } from '@/lib/server/evidence/builds/verify-uploaded-pack';
import { verifyEvidencePackAction } from '../actions';

const SIGNATURE_TEXT: Record<string, string> = {
  valid: 'Valid: signed by a key of this instance',
  invalid: 'Invalid: the manifest was changed after signing, or the signature is not this key’s',
  'unknown-key': 'Unknown key: signed by a key this instance never had',
  absent: 'Absent: the pack carries no signature',
};

function Result({ r }: { r: UploadedPackVerification }) {
  return (
    <section aria-label="Verification result" className="space-y-2 text-sm" data-testid="verify-result" data-ok={String(r.ok)}>
      <p className="flex items-center gap-2">
        <Badge tone={r.ok ? 'green' : 'red'}>{r.ok ? 'Verified' : 'Failed'}</Badge>
        <span data-testid="verify-summary">
          {r.ok
            ? `All ${r.filesChecked} files match the signed manifest.`
            : `${r.problems.length} problem(s) found in ${r.name}.`}
        </span>
      </p>
      <dl className="grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="text-slate-500">Pack</dt>
        <dd>
          {r.packId ?? '—'}
          {r.period && ` · period ${r.period.from} to ${r.period.to}`}
        </dd>
        <dt className="text-slate-500">Signature</dt>
        <dd data-testid="verify-signature">{SIGNATURE_TEXT[r.signature] ?? r.signature}</dd>
        <dt className="text-slate-500">Signer</dt>
        <dd className="font-mono">
          {r.keyId ?? '—'} {r.signerFingerprint && `· SHA-256 ${formatFingerprint(r.signerFingerprint)}`}
        </dd>
        <dt className="text-slate-500">Archive SHA-256</dt>
        <dd className="font-mono break-all">{r.sha256}</dd>
      </dl>
      {r.problems.length > 0 && (
        <table className="w-full text-left text-xs" aria-label="Problems">
          <thead>
            <tr className="text-slate-500">
              <th className="py-1 pr-2">File</th>
              <th className="py-1 pr-2">Problem</th>
              <th className="py-1">Detail</th>
            </tr>
          </thead>
          <tbody>
            {r.problems.map((p, i) => (
              <tr key={`${p.path}-${i}`} data-testid="verify-problem" className="border-t border-slate-100">
                <td className="py-1 pr-2 font-mono">{p.path}</td>
                <td className="py-1 pr-2 font-semibold text-rose-700">{p.problem}</td>
                <td className="py-1">{p.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Upload an archive; the server checks it with the code of `npm run verify-pack`. */
export function VerifyPackForm() {
  const { state, errors, pending, formProps } = useActionForm(verifyEvidencePackAction);
  // The schema checks the file's name and bytes; both are this one control.
  const packError = errors.bytes ?? errors.name;
  return (
    <div className="space-y-4">
      <form {...formProps} encType="multipart/form-data" className="flex flex-wrap items-end gap-3" aria-label="Verify pack">
        <FormField label="Evidence pack (.zip)" name="pack" error={packError}>
          <input
            id="pack"
            name="pack"
            type="file"
            accept=".zip,application/zip"
            aria-invalid={packError ? true : undefined}
            aria-describedby={packError ? 'pack-error' : undefined}
            className={inputClass}
          />
        </FormField>
        <Button type="submit" disabled={pending}>
          {pending ? 'Checking…' : 'Verify'}
        </Button>
        <FormError state={state} />
      </form>
      {state?.ok && <Result r={state.data} />}
    </div>
  );
}
