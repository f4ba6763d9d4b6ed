'use client';

import { FormError } from '@/components/ui/form-error';
import { useMemo, useState } from 'react';
import { useActionForm } from '@/components/ui/use-action-form';
import { Badge } from '@/components/ui/badge';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { FormField, inputClass } from '@/components/ui/form-field';
import { CHANGE_KIND_LABELS, CHANGE_KINDS } from '@/lib/domain/change-requests/state-machine';
import { ENVIRONMENT_LABELS, ENVIRONMENTS, type Environment } from '@/lib/domain/types';
import { TIER_LABELS } from '@/lib/domain/tiers';
import { JUSTIFICATION_MIN } from '@/lib/validation/change-request';
import type { AgentOption, VersionOption } from '@/lib/server/change-requests/get-request-form-options';
import type { RequestFormContext } from '@/lib/server/inventory/get-request-form-context';
import { createChangeRequestAction } from '../actions';
import { requestCheck } from './request-checks';
import { PolicyFailurePanel } from '@/components/change-requests/policy-failure-panel';

interface Initial {
  kind?: string;
  toolVersionId?: string;
  environment?: string;
  agentId?: string;
}

export function NewRequestForm({
  agents,
  versions,
  initial,
  context,
}: {
  agents: AgentOption[];
  versions: VersionOption[];
  initial: Initial;
  context: RequestFormContext;
}) {
  const router = useRouter();
  // Submitted without React's reset: after a refusal every choice stays as the person left it,
  // and what is sent again is exactly what the form shows (no stale hidden values).
  const { state, errors, pending, field, formProps } = useActionForm(createChangeRequestAction, {
    onSuccess: (data) => router.push(`/changes/${data.id}`),
  });
  const [environment, setEnvironment] = useState<Environment>(
    (ENVIRONMENTS as readonly string[]).includes(initial.environment ?? '') ? (initial.environment as Environment) : 'PRODUCTION',
  );
  const [agentId, setAgentId] = useState(initial.agentId ?? '');
  const [versionId, setVersionId] = useState(initial.toolVersionId ?? '');
  // Controlled: the agent list follows the environment, the preview follows the version.
  const [kind, setKind] = useState(
    initial.kind && (CHANGE_KINDS as readonly string[]).includes(initial.kind) ? initial.kind : 'NEW_TOOL',
  );
  const [justification, setJustification] = useState('');
  const envAgents = useMemo(() => agents.filter((a) => a.environment === environment), [agents, environment]);
  const version = versions.find((v) => v.id === versionId);
  const preview = version?.preview[environment];
  const check = requestCheck(kind, agentId, version?.toolId, context.installations);
  const versionAlerts = version
    ? context.alerts.filter((a) => a.toolVersionId === version.id || (a.toolVersionId === null && a.toolId === version.toolId))
    : [];
  // The kind/agent mismatch is told like a server refusal: on submit, beside the field.
  const [triedSubmit, setTriedSubmit] = useState(false);
  const versionError = errors.toolVersionId ?? errors.toolId ?? (triedSubmit ? check.error : null) ?? undefined;
  const versionField = field('toolVersionId');

  return (
    <form
      {...formProps}
      onSubmit={(e) => {
        setTriedSubmit(true);
        if (!check.error) return formProps.onSubmit(e);
        e.preventDefault();
        document.getElementById('toolVersionId')?.focus();
      }}
      className="grid gap-4 sm:grid-cols-2"
      aria-label="New change request"
    >
      <FormField label="Kind of change" name="kind" error={errors.kind}>
        <select {...field('kind')} value={kind} onChange={(e) => setKind(e.target.value)} className={inputClass}>
          {CHANGE_KINDS.map((k) => (
            <option key={k} value={k}>
              {CHANGE_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Environment" name="environment" error={errors.environment}>
        <select
          {...field('environment')}
          value={environment}
          onChange={(e) => {
            setEnvironment(e.target.value as Environment);
            setAgentId('');
          }}
          className={inputClass}
        >
          {ENVIRONMENTS.map((e) => (
            <option key={e} value={e}>
              {ENVIRONMENT_LABELS[e]}
            </option>
          ))}
        </select>
      </FormField>
      <FormField
        label="Agent"
        name="agentId"
        error={errors.agentId}
        hint={envAgents.length === 0 ? 'No agent runs in this environment' : undefined}
      >
        <select {...field('agentId')} value={agentId} onChange={(e) => setAgentId(e.target.value)} className={inputClass}>
          <option value="">Choose an agent…</option>
          {envAgents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Tool version" name="toolVersionId" error={versionError}>
        <select
          {...versionField}
          aria-invalid={versionError ? true : undefined}
          aria-describedby={versionError ? 'toolVersionId-error' : undefined}
          value={versionId}
          onChange={(e) => setVersionId(e.target.value)}
          className={inputClass}
        >
          <option value="">Choose a tool version…</option>
          {versions.map((v) => (
            <option key={v.id} value={v.id} data-tier={v.tier}>
              {v.toolName} {v.version} — {TIER_LABELS[v.tier]}
            </option>
          ))}
        </select>
      </FormField>
      {kind === 'VERSION_UPDATE' && version && check.current && (
        <p className="rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-900 sm:col-span-2" data-testid="replaces">
          Replaces {version.toolName} <span className="font-mono">{check.current.version}</span> (
          {check.current.state.toLowerCase()}) on this agent with <span className="font-mono">{version.version}</span>.
        </p>
      )}
      {version && versionAlerts.length > 0 && (
        <div className="rounded-md bg-rose-50 p-3 text-sm sm:col-span-2" data-testid="version-alerts">
          <p className="font-medium text-rose-900">
            Open alerts on {version.toolName} {version.version}:
          </p>
          <ul className="mt-1 space-y-0.5">
            {versionAlerts.map((a) => (
              <li key={a.id} className="flex items-center gap-2">
                <Badge tone={a.severity === 'CRITICAL' || a.severity === 'HIGH' ? 'red' : 'yellow'}>
                  {a.severity.toLowerCase()}
                </Badge>
                {a.title}
              </li>
            ))}
          </ul>
        </div>
      )}
      {version && preview && !preview.passes && (
        // Everyone who may raise a change request may also request an exception (both officer and admin).
        <PolicyFailurePanel
          environment={environment}
          failing={preview.blocking}
          toolId={version.toolId}
          toolVersionId={version.id}
          canRequest
        />
      )}
      {version && preview && (
        <div className="rounded-md bg-slate-50 p-3 text-sm sm:col-span-2" data-testid="policy-preview" aria-live="polite">
          <p className="font-medium text-slate-800">
            Policy preview for {ENVIRONMENT_LABELS[environment]}:{' '}
            {preview.passes ? (
              <span className="text-emerald-700">passes every rule</span>
            ) : (
              <span className="text-rose-700">fails policy</span>
            )}
          </p>
          {preview.blocking.map((b) => (
            <p key={b} className="text-rose-700">
              • {b}
            </p>
          ))}
          {preview.triggers.length > 0 ? (
            <p className="text-amber-800" data-testid="preview-review">
              {preview.onAllowlist && preview.passes
                ? 'Pre-approved on the allowlist: fast-track despite '
                : 'Security review will be required: '}
              {preview.triggers.join(' ')}
            </p>
          ) : preview.passes ? (
            <p className="text-emerald-700">Eligible for fast-track: approved automatically on submit.</p>
          ) : null}
          <p className="mt-1 font-mono text-xs text-slate-500">Digest pinned: {version.artifactDigest ?? 'none published'}</p>
        </div>
      )}
      <FormField
        label="Justification"
        name="justification"
        error={errors.justification}
        hint={`Why the agent needs it (at least ${JUSTIFICATION_MIN} characters).`}
        className="sm:col-span-2"
      >
        <textarea
          {...field('justification', { hint: true })}
          rows={4}
          value={justification}
          onChange={(e) => setJustification(e.target.value)}
          className={inputClass}
        />
      </FormField>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Submitting…' : 'Submit request'}
        </Button>
        <FormError state={state} />
      </div>
    </form>
  );
}
