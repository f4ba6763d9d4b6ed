import type { Metadata } from 'next';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { getIncidentFormOptions, ZIncidentFormQuery } from '@/lib/server/incidents/get-incident-form-options';
import { parseSearchParams } from '@/lib/validation/search-params';
import { Card } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { FormField, inputClass } from '@/components/ui/form-field';
import { PageHeader } from '@/components/ui/page-header';
import { QueryIssues } from '@/components/list/filters';
import { OpenIncidentForm } from './open-incident-form';

export const metadata: Metadata = { title: 'Open an incident' };

/**
 * Step one (a plain GET form) picks the tool the incident concerns, if any, so the form can offer
 * its versions to quarantine; the tool page links here with the tool chosen.
 */
export default async function NewIncidentPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser('incident:respond');
  const { query, issues } = parseSearchParams(ZIncidentFormQuery, await searchParams);
  const o = await getIncidentFormOptions({ actor: actorOf(user), input: query });
  return (
    <div className="space-y-4">
      <PageHeader
        title="Open an incident"
        description="Choose the scenario for its playbook. Quarantining a tool or some of its versions makes enforcement deny them from the moment the incident is saved."
      />
      <QueryIssues issues={issues} />
      <Card title="Tool concerned">
        <form method="get" action="/incidents/new" className="grid gap-4 sm:grid-cols-3" aria-label="Choose tool">
          <FormField label="Tool" name="pickTool">
            <select id="pickTool" name="toolId" defaultValue={o.tool?.id ?? ''} className={inputClass}>
              <option value="">No tool (or choose one)…</option>
              {o.tools.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </FormField>
          <div className="flex items-end">
            <Button type="submit" variant="secondary">
              Show its versions
            </Button>
          </div>
        </form>
      </Card>
      <Card title={o.tool ? `Incident concerning ${o.tool.name}` : 'Incident'}>
        <OpenIncidentForm
          tool={o.tool}
          versions={o.versions}
          owners={o.owners.map((u) => ({ id: u.id, name: u.name }))}
          me={user.id}
        />
      </Card>
    </div>
  );
}
