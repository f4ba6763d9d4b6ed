import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/server/session';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { ChangePasswordForm } from './change-password-form';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const me = await requirePageUser('user:read');
  return (
    <div className="space-y-6">
      <PageHeader title="Account" description="Your sign-in details." />
      <Card title="You">
        <dl className="grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
          <dt className="text-slate-500">Name</dt>
          <dd>{me.name}</dd>
          <dt className="text-slate-500">Email</dt>
          <dd className="font-mono text-xs leading-5">{me.email}</dd>
          <dt className="text-slate-500">Role</dt>
          <dd>{ROLE_LABELS[me.role]}</dd>
        </dl>
      </Card>
      <Card title="Change password">
        <p className="mb-3 text-sm text-slate-600">
          Changing your password ends all your sessions, this one included: you then sign in with the new password.
        </p>
        <ChangePasswordForm />
      </Card>
    </div>
  );
}
