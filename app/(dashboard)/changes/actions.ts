'use server';

import { operationAction } from '@/lib/server/guards/operation-action';
import { createChangeRequest } from '@/lib/server/change-requests/create-change-request';
import { decideChangeRequest } from '@/lib/server/change-requests/decide-change-request';
import { deployChangeRequest } from '@/lib/server/change-requests/deploy-change-request';
import { withdrawChangeRequest } from '@/lib/server/change-requests/withdraw-change-request';
import { addChangeComment } from '@/lib/server/change-requests/add-change-comment';
import { addAllowlistEntry } from '@/lib/server/change-requests/add-allowlist-entry';
import { decideAllowlistEntry } from '@/lib/server/change-requests/decide-allowlist-entry';
import { revokeAllowlistEntry } from '@/lib/server/change-requests/revoke-allowlist-entry';
import * as Z from '@/lib/validation/change-request';

const onRequestPage = {
  revalidate: (r: { id: string }) => `/changes/${r.id}`,
  reply: (r: { id: string; state: string }) => ({ id: r.id, state: r.state }),
};
const onAllowlist = { revalidate: () => '/changes/allowlist', reply: (e: { id: string }) => ({ id: e.id }) };

export const createChangeRequestAction = operationAction(
  'changeRequest:create',
  Z.ZCreateChangeRequestInput,
  createChangeRequest,
  {
    ...onRequestPage,
    revalidate: () => '/changes',
  },
);
export const decideChangeRequestAction = operationAction(
  'changeRequest:review',
  Z.ZDecideChangeRequestInput,
  decideChangeRequest,
  onRequestPage,
);
export const deployChangeRequestAction = operationAction(
  'changeRequest:deploy',
  Z.ZChangeRequestIdInput,
  deployChangeRequest,
  onRequestPage,
);
export const withdrawChangeRequestAction = operationAction(
  'changeRequest:create',
  Z.ZChangeRequestIdInput,
  withdrawChangeRequest,
  onRequestPage,
);
export const addChangeCommentAction = operationAction('changeRequest:comment', Z.ZAddCommentInput, addChangeComment, {
  revalidate: (c) => `/changes/${c.changeRequestId}`,
  reply: (c) => ({ id: c.id }),
});

export const addAllowlistEntryAction = operationAction(
  'allowlist:manage',
  Z.ZAllowlistEntryInput,
  addAllowlistEntry,
  onAllowlist,
);
export const decideAllowlistEntryAction = operationAction(
  'allowlist:approve',
  Z.ZDecideAllowlistEntryInput,
  decideAllowlistEntry,
  {
    ...onAllowlist,
    reply: (e) => ({ id: e.id, status: e.status }),
  },
);
export const revokeAllowlistEntryAction = operationAction(
  'allowlist:manage',
  Z.ZRevokeAllowlistEntryInput,
  revokeAllowlistEntry,
  onAllowlist,
);
