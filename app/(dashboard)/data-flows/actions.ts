'use server';

import { operationAction } from '@/lib/server/guards/operation-action';
import { confirmDataFlow } from '@/lib/server/data-flows/confirm-data-flow';
import { deriveDataFlow } from '@/lib/server/data-flows/derive-data-flow';
import { saveDataFlow } from '@/lib/server/data-flows/save-data-flow';
import { ZConfirmDataFlowInput, ZDeriveDataFlowInput, ZSaveDataFlowInput } from '@/lib/validation/data-flow';

/** A map version shows on its tool's data flow page, the register and the subprocessors list. */
const onDataFlowPages = {
  revalidate: (_map: unknown, input: { toolId: string }) => [`/data-flows/${input.toolId}`, '/data-flows', '/subprocessors'],
  reply: (map: { id: string }) => ({ id: map.id }),
};

export const saveDataFlowAction = operationAction('dataFlow:map', ZSaveDataFlowInput, saveDataFlow, onDataFlowPages);
export const deriveDataFlowAction = operationAction('dataFlow:map', ZDeriveDataFlowInput, deriveDataFlow, onDataFlowPages);
export const confirmDataFlowAction = operationAction('dataFlow:confirm', ZConfirmDataFlowInput, confirmDataFlow, onDataFlowPages);
