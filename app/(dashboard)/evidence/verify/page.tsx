import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/server/session';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { VerifyPackForm } from './verify-pack-form';

export const metadata: Metadata = { title: 'Verify an evidence pack' };

export default async function VerifyPackPage() {
  await requirePageUser('evidence:read');
  return (
    <div className="space-y-4">
      <PageHeader
        title="Verify an evidence pack"
        description="Checks every file's SHA-256 and size against the signed manifest, names any file that differs, is missing or is extra, and checks the Ed25519 signature against this instance's keys. The same check runs offline with npm run verify-pack -- FILE."
      />
      <Card>
        <VerifyPackForm />
      </Card>
    </div>
  );
}
