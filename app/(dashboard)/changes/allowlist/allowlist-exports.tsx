import Link from 'next/link';
import { ENVIRONMENT_LABELS, ENVIRONMENTS } from '@/lib/domain/types';
import { Card } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';

/** Download links for the approved set, per environment and client format. */
export function AllowlistExports() {
  return (
    <Card title="Export the approved set">
      <p className="mb-3 text-sm text-slate-600">
        Exactly the versions the enforcement API allows, per environment.{' '}
        <Link className="font-medium text-sky-700 underline" href="/changes/exports">
          See the client exports
        </Link>
        : what each file holds, one ToolHive profile per server, and the servers left out with why.
      </p>
      <div className="grid gap-3 sm:grid-cols-3">
        {ENVIRONMENTS.map((env) => (
          <div key={env} className="space-y-2 rounded-md bg-slate-50 p-3">
            <p className="text-sm font-medium text-slate-800">{ENVIRONMENT_LABELS[env]}</p>
            <div className="flex flex-wrap gap-2">
              <a className={buttonClass('secondary', 'sm')} href={`/api/changes/export/claude-code?environment=${env}`} download>
                Claude Code settings
              </a>
              <a className={buttonClass('secondary', 'sm')} href={`/api/changes/export/toolhive?environment=${env}`} download>
                ToolHive profiles
              </a>
            </div>
          </div>
        ))}
      </div>
    </Card>
  );
}
