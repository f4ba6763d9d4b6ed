'use server';

import { revalidatePath } from 'next/cache';
import { authAction, formDataToObject } from '@/lib/server/guards/auth-action';
import type { ActionResult } from '@/lib/server/guards/action-result';
import { actorOf } from '@/lib/server/session';
import { cancelEvidencePackBuild } from '@/lib/server/evidence/builds/cancel-evidence-pack-build';
import { wakeEvidencePackRunner } from '@/lib/server/evidence/builds/pack-runner-scheduler';
import { requestEvidencePackBuild } from '@/lib/server/evidence/builds/request-evidence-pack-build';
import { verifyUploadedPack, type UploadedPackVerification } from '@/lib/server/evidence/builds/verify-uploaded-pack';
import {
  VERIFY_UPLOAD_MAX_BYTES,
  ZEvidencePackBuildIdInput,
  ZRequestEvidencePackBuildInput,
  ZVerifyEvidencePackInput,
} from '@/lib/validation/evidence-pack';

const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

const request = authAction('evidence:build', ZRequestEvidencePackBuildInput, async (input, user) => {
  const build = await requestEvidencePackBuild({ actor: actorOf(user), input });
  wakeEvidencePackRunner();
  revalidatePath('/evidence');
  return { id: build.id };
});

/** The build form: checkboxes and a multi-select send 0..n values; an empty engagement is none. */
export async function requestEvidencePackBuildAction(
  prev: ActionResult<{ id: string }> | null,
  input: FormData | unknown,
): Promise<ActionResult<{ id: string }>> {
  if (!(input instanceof FormData)) return request(prev, input);
  const raw = formDataToObject(input);
  return request(prev, {
    ...raw,
    environments: list(raw.environments),
    toolIds: list(raw.toolIds),
    engagementId: raw.engagementId || undefined,
  });
}

export const cancelEvidencePackBuildAction = authAction('evidence:build', ZEvidencePackBuildIdInput, async (input, user) => {
  const build = await cancelEvidencePackBuild({ actor: actorOf(user), input });
  revalidatePath('/evidence');
  return { id: build.id, state: build.state as string };
});

const verify = authAction('evidence:read', ZVerifyEvidencePackInput, async (input, user) =>
  verifyUploadedPack({ actor: actorOf(user), input }),
);

/**
 * The upload page: the archive's bytes join the input here (formDataToObject keeps text only);
 * one over the cap is not read. Authorization still comes first, in the guard.
 */
export async function verifyEvidencePackAction(
  prev: ActionResult<UploadedPackVerification> | null,
  input: FormData | unknown,
): Promise<ActionResult<UploadedPackVerification>> {
  if (!(input instanceof FormData)) return verify(prev, input);
  const file = input.get('pack');
  const upload = file instanceof File && file.size > 0 ? file : null;
  return verify(prev, {
    name: upload?.name ?? '',
    bytes: !upload
      ? undefined
      : upload.size > VERIFY_UPLOAD_MAX_BYTES
        ? new Uint8Array(upload.size)
        : new Uint8Array(await upload.arrayBuffer()),
  });
}
