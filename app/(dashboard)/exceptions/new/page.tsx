import type { Metadata } from 'next';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { getExceptionRequestOptions } from '@/lib/server/exceptions/get-exception-request-options';
import { ZExceptionFormQuery } from '@/lib/validation/exception';
import { parseSearchParams } from '@/lib/validation/search-params';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import { TIER_LABELS } from '@/lib/domain/tiers';
import { Card } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { FormField, inputClass } from '@/components/ui/form-field';
import { PageHeader } from '@/components/ui/page-header';
import { QueryIssues } from '@/components/list/filters';
import { RequestExceptionForm } from './request-exception-form';

export const metadata: Metadata = { title: 'Request a policy exception' };

/**
 * Step one (a plain GET form) picks the tool, version and environment, so the page can evaluate
 * the policy and offer exactly the rules the version misses; the compliance matrix links here
 * with all three chosen. Step two is the request itself.
 */
export default async function NewExceptionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser('exception:request');
  const { query, issues } = parseSearchParams(ZExceptionFormQuery, await searchParams);
  const o = await getExceptionRequestOptions({ actor: actorOf(user), input: query });
  return (
    <div className="space-y-4">
      <PageHeader
        title={o.extending ? 'Extend a policy exception' : 'Request a policy exception'}
        description="For the rules a version misses under the policy in force. A security reviewer other than you decides; nothing is covered until then."
      />
      <QueryIssues issues={issues} />
      <Card title="What the exception is for">
        <form method="get" action="/exceptions/new" className="grid gap-4 sm:grid-cols-4" aria-label="Choose tool">
          {o.extending && <input type="hidden" name="extendsId" value={o.extending.id} />}
          <FormField label="Tool" name="toolId">
            <select id="toolId" name="toolId" defaultValue={o.tool?.id ?? ''} className={inputClass}>
              <option value="">Choose a tool…</option>
              {o.tools.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Version" name="pickVersion">
            <select id="pickVersion" name="toolVersionId" defaultValue={o.version?.id ?? ''} className={inputClass}>
              <option value="">Latest</option>
              {o.versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.version} — {TIER_LABELS[v.tier]}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Environment" name="pickEnvironment">
            <select id="pickEnvironment" name="environment" defaultValue={o.environment ?? ''} className={inputClass}>
              <option value="">Choose…</option>
              {o.environments.map((e) => (
                <option key={e} value={e}>
                  {ENVIRONMENT_LABELS[e]}
                </option>
              ))}
            </select>
          </FormField>
          <div className="flex items-end">
            <Button type="submit" variant="secondary">
              Evaluate policy
            </Button>
          </div>
        </form>
      </Card>
      {o.tool && o.version && o.environment && (
        <Card title={`${o.tool.name} ${o.version.version} in ${ENVIRONMENT_LABELS[o.environment]} (policy v${o.policyVersion})`}>
          {o.failing.length === 0 ? (
            <p className="text-sm text-slate-700" data-testid="no-failing-rules">
              This version passes the policy: no exception is needed.
            </p>
          ) : (
            <RequestExceptionForm
              toolId={o.tool.id}
              toolVersionId={o.version.id}
              environment={o.environment}
              failing={o.failing}
              maxDays={o.maxExceptionDays[o.environment]}
              extendsId={o.extending?.id}
            />
          )}
        </Card>
      )}
    </div>
  );
}
