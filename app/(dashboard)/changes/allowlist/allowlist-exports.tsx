import { ENVIRONMENT_LABELS, ENVIRONMENTS } from '@/lib/domain/types';
import { Card } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';

/** Download links for the approved set, per environment and client format. */
export function AllowlistExports() {
  return (
    <Card title="Export the approved set">
      <p className="mb-3 text-sm text-slate-600">
        Versions with an approved or active installation, per environment. Claude Code: save as <code className="font-mono">managed-settings.json</code> in the managed settings directory; agents name each MCP server by the <code className="font-mono">serverName</code> shown. ToolHive: one permission profile per approved version (pass the <code className="font-mono">profile</code> object to <code className="font-mono">thv run --permission-profile</code>).
      </p>
      <div className="grid gap-3 sm:grid-cols-3">
        {ENVIRONMENTS.map((env) => (
          <div key={env} className="space-y-2 rounded-md bg-slate-50 p-3">
            <p className="text-sm font-medium text-slate-800">{ENVIRONMENT_LABELS[env]}</p>
            <div className="flex flex-wrap gap-2">
              <a className={buttonClass('secondary', 'sm')} href={`/api/changes/export/claude-code?environment=${env}`} download>Claude Code settings</a>
              <a className={buttonClass('secondary', 'sm')} href={`/api/changes/export/toolhive?environment=${env}`} download>ToolHive profiles</a>
            </div>
          </div>
        ))}
      </div>
    </Card>
  );
}
