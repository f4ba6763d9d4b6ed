import { StatusPage } from '@/components/layout/status-page';

/** A record that does not exist (an unknown tool, change request or policy): 404 inside the dashboard. */
export default function DashboardNotFound() {
  return (
    <StatusPage code={404} title="Not found">
      <p className="mt-2 text-sm text-slate-600">There is nothing at this address, or it was removed.</p>
    </StatusPage>
  );
}
