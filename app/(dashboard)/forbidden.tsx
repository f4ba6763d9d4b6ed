import { Suspense } from 'react';
import { StatusPage } from '@/components/layout/status-page';
import { ForbiddenReason } from '@/components/layout/forbidden-reason';

/** Rendered with status 403 inside the dashboard layout whenever a page calls forbidden(). */
export default function Forbidden() {
  return (
    <StatusPage code={403} title="You are not allowed to see this">
      <Suspense>
        <ForbiddenReason />
      </Suspense>
    </StatusPage>
  );
}
