'use server';

import { operationAction } from '@/lib/server/guards/operation-action';
import { decidePolicyException } from '@/lib/server/exceptions/decide-policy-exception';
import { requestPolicyException } from '@/lib/server/exceptions/request-policy-exception';
import { revokePolicyException } from '@/lib/server/exceptions/revoke-policy-exception';
import { ZDecideExceptionInput, ZRequestExceptionInput, ZRevokeExceptionInput } from '@/lib/validation/exception';

const onExceptionPage = {
  revalidate: (e: { id: string }) => `/exceptions/${e.id}`,
  reply: (e: { id: string; status: string }) => ({ id: e.id, status: e.status }),
};

export const requestExceptionAction = operationAction('exception:request', ZRequestExceptionInput, requestPolicyException, {
  revalidate: () => '/exceptions',
  reply: (e) => ({ id: e.id }),
});
export const decideExceptionAction = operationAction(
  'exception:approve',
  ZDecideExceptionInput,
  decidePolicyException,
  onExceptionPage,
);
export const revokeExceptionAction = operationAction(
  'exception:approve',
  ZRevokeExceptionInput,
  revokePolicyException,
  onExceptionPage,
);
