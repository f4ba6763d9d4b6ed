'use server';

import { revalidatePath } from 'next/cache';
import { authAction } from '@/lib/server/guards/auth-action';
import { actorOf } from '@/lib/server/session';
import { decidePolicyException } from '@/lib/server/exceptions/decide-policy-exception';
import { requestPolicyException } from '@/lib/server/exceptions/request-policy-exception';
import { revokePolicyException } from '@/lib/server/exceptions/revoke-policy-exception';
import { ZDecideExceptionInput, ZRequestExceptionInput, ZRevokeExceptionInput } from '@/lib/validation/exception';

export const requestExceptionAction = authAction('exception:request', ZRequestExceptionInput, async (input, user) => {
  const e = await requestPolicyException({ actor: actorOf(user), input });
  revalidatePath('/exceptions');
  return { id: e.id };
});

export const decideExceptionAction = authAction('exception:approve', ZDecideExceptionInput, async (input, user) => {
  const e = await decidePolicyException({ actor: actorOf(user), input });
  revalidatePath(`/exceptions/${e.id}`);
  return { id: e.id, status: e.status };
});

export const revokeExceptionAction = authAction('exception:approve', ZRevokeExceptionInput, async (input, user) => {
  const e = await revokePolicyException({ actor: actorOf(user), input });
  revalidatePath(`/exceptions/${e.id}`);
  return { id: e.id, status: e.status };
});
