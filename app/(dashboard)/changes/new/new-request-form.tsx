'use client';

import { FormError } from '@/components/ui/form-error';
import { useActionState, useEffect, useMemo, useState } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { FormField, inputClass } from '@/components/ui/form-field';
import { CHANGE_KIND_LABELS, CHANGE_KINDS } from '@/lib/domain/change-requests/state-machine';
import { ENVIRONMENT_LABELS, ENVIRONMENTS, type Environment } from '@/lib/domain/types';
import { TIER_LABELS } from '@/lib/domain/tiers';
import { JUSTIFICATION_MIN } from '@/lib/validation/change-request';
import type { AgentOption, VersionOption } from '@/lib/server/change-requests/get-request-form-options';
import { createChangeRequestAction } from '../actions';

interface Initial {
  kind?: string;
  toolVersionId?: string;
  environment?: string;
  agentId?: string;
}

export function NewRequestForm({ agents, versions, initial }: { agents: AgentOption[]; versions: VersionOption[]; initial: Initial }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(createChangeRequestAction, null);
  const [environment, setEnvironment] = useState<Environment>((ENVIRONMENTS as readonly string[]).includes(initial.environment ?? '') ? (initial.environment as Environment) : 'PRODUCTION');
  const [agentId, setAgentId] = useState(initial.agentId ?? '');
  const [versionId, setVersionId] = useState(initial.toolVersionId ?? '');
  // Controlled: React resets uncontrolled fields after a form action, and a refused request must keep what was typed.
  const [kind, setKind] = useState(initial.kind && (CHANGE_KINDS as readonly string[]).includes(initial.kind) ? initial.kind : 'NEW_TOOL');
  const [justification, setJustification] = useState('');
  const errors = state && !state.ok ? state.fieldErrors : {};
  const envAgents = useMemo(() => agents.filter((a) => a.environment === environment), [agents, environment]);
  const version = versions.find((v) => v.id === versionId);
  const preview = version?.preview[environment];

  useEffect(() => {
    if (state?.ok) router.push(`/changes/${state.data.id}`);
  }, [state, router]);

  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate aria-label="New change request">
      <FormField label="Kind of change" name="kind" error={errors.kind}>
        <select id="kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)} className={inputClass}>
          {CHANGE_KINDS.map((k) => (
            <option key={k} value={k}>{CHANGE_KIND_LABELS[k]}</option>
          ))}
        </select>
      </FormField>
      <FormField label="Environment" name="environment" error={errors.environment}>
        <select id="environment" name="environment" value={environment} onChange={(e) => { setEnvironment(e.target.value as Environment); setAgentId(''); }} className={inputClass}>
          {ENVIRONMENTS.map((e) => (
            <option key={e} value={e}>{ENVIRONMENT_LABELS[e]}</option>
          ))}
        </select>
      </FormField>
      <FormField label="Agent" name="agentId" error={errors.agentId} hint={envAgents.length === 0 ? 'No agent runs in this environment' : undefined}>
        <select id="agentId" name="agentId" value={agentId} onChange={(e) => setAgentId(e.target.value)} className={inputClass} aria-invalid={Boolean(errors.agentId)}>
          <option value="">Choose an agent…</option>
          {envAgents.map((a) => (
            <option key={a.id} value={a.id}>{a.name}</option>
          ))}
        </select>
      </FormField>
      <FormField label="Tool version" name="toolVersionId" error={errors.toolVersionId ?? errors.toolId}>
        <select id="toolVersionId" name="toolVersionId" value={versionId} onChange={(e) => setVersionId(e.target.value)} className={inputClass} aria-invalid={Boolean(errors.toolVersionId)}>
          <option value="">Choose a tool version…</option>
          {versions.map((v) => (
            <option key={v.id} value={v.id} data-tier={v.tier}>
              {v.toolName} {v.version} — {TIER_LABELS[v.tier]}
            </option>
          ))}
        </select>
      </FormField>
      {version && preview && (
        <div className="rounded-md bg-slate-50 p-3 text-sm sm:col-span-2" data-testid="policy-preview" aria-live="polite">
          <p className="font-medium text-slate-800">
            Policy preview for {ENVIRONMENT_LABELS[environment]}:{' '}
            {preview.passes ? <span className="text-emerald-700">passes every rule</span> : <span className="text-rose-700">fails policy</span>}
          </p>
          {preview.blocking.map((b) => (
            <p key={b} className="text-rose-700">• {b}</p>
          ))}
          {preview.triggers.length > 0 ? (
            <p className="text-amber-800" data-testid="preview-review">
              {preview.onAllowlist && preview.passes ? 'Pre-approved on the allowlist: fast-track despite ' : 'Security review will be required: '}
              {preview.triggers.join(' ')}
            </p>
          ) : preview.passes ? (
            <p className="text-emerald-700">Eligible for fast-track: approved automatically on submit.</p>
          ) : null}
          <p className="mt-1 font-mono text-xs text-slate-500">Digest pinned: {version.artifactDigest ?? 'none published'}</p>
        </div>
      )}
      <FormField label="Justification" name="justification" error={errors.justification} hint={`Why the agent needs it (at least ${JUSTIFICATION_MIN} characters).`} className="sm:col-span-2">
        <textarea id="justification" name="justification" rows={4} value={justification} onChange={(e) => setJustification(e.target.value)} className={inputClass} aria-invalid={Boolean(errors.justification)} />
      </FormField>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>{pending ? 'Submitting…' : 'Submit request'}</Button>
        <FormError state={state} />
      </div>
    </form>
  );
}
