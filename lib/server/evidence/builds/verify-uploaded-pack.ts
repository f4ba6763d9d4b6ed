import 'server-only';
import { sha256Hex } from '@/lib/domain/evidence/signing';
import { verifyPack } from '@/lib/domain/evidence/verify-pack';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZVerifyEvidencePackInput, type TVerifyEvidencePackInput } from '@/lib/validation/evidence-pack';
import { knownSigningKeys } from '../signing-key';

export interface UploadedPackVerification {
  ok: boolean;
  name: string;
  sha256: string;
  packId: string | null;
  period: { from: string; to: string } | null;
  keyId: string | null;
  /** valid, invalid, unknown-key (signed by a key this instance never had) or absent. */
  signature: string;
  signerFingerprint: string | null;
  filesChecked: number;
  filesListed: number;
  problems: { path: string; problem: string; detail: string }[];
}

/**
 * The upload page's check (the same code as `npm run verify-pack`): every file's digest and
 * size against the signed manifest, missing and extra files, the archive itself, and the
 * signature against the keys this instance has signed with (retired ones included). The check
 * is an audit event with its outcome; it changes nothing else, so auditors may run it.
 */
export async function verifyUploadedPack({ actor, input }: OperationCall<TVerifyEvidencePackInput>, ctx?: OperationContextInput) {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'evidence:read');
  const { name, bytes } = parseInput(ZVerifyEvidencePackInput, input);
  const keys = await knownSigningKeys(db);
  const result = verifyPack(bytes, new Map(keys.map((k) => [k.id, k.publicKeyPem])));
  const sha256 = sha256Hex(bytes);
  const out: UploadedPackVerification = {
    ok: result.ok,
    name,
    sha256,
    packId: result.manifest?.packId ?? null,
    period: result.manifest?.period ?? null,
    keyId: result.manifest?.keyId ?? null,
    signature: result.signature,
    signerFingerprint: result.signerFingerprint,
    filesChecked: result.filesChecked,
    filesListed: result.manifest?.files.length ?? 0,
    problems: result.problems.map((p) => ({ path: p.path, problem: p.problem, detail: p.detail })),
  };
  await db.$transaction((tx) =>
    recordAuditEvent(tx, actor, {
      action: 'evidencePack.verified',
      entityType: 'EvidencePack',
      entityId: (out.packId ?? `upload:${sha256.slice(0, 16)}`).slice(0, 64),
      after: {
        name,
        sha256,
        sizeBytes: bytes.byteLength,
        ok: out.ok,
        signature: out.signature,
        problems: out.problems.slice(0, 20).map((p) => `${p.problem}: ${p.path}`),
      },
    }),
  );
  return out;
}
