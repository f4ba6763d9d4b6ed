// `npm run verify-pack -- FILE [--key public-key.pem]`: checks an evidence pack offline. Every
// file's SHA-256 and size against the signed manifest, the Ed25519 signature, and the archive
// itself (truncated, re-packed). Exit 0 only when all is well, 1 when something is wrong, 2 on usage.
import { readFileSync } from 'node:fs';
import { keyIdOf, publicKeyFingerprint, formatFingerprint } from '@/lib/domain/evidence/signing';
import { verifyPack } from '@/lib/domain/evidence/verify-pack';

function main(): number {
  const args = process.argv.slice(2);
  const keyAt = args.indexOf('--key');
  const keyFile = keyAt >= 0 ? args[keyAt + 1] : undefined;
  const file = args.filter((_, i) => keyAt < 0 || (i !== keyAt && i !== keyAt + 1))[0];
  if (!file || (keyAt >= 0 && !keyFile)) {
    console.error('usage: npm run verify-pack -- FILE [--key public-key.pem]');
    return 2;
  }
  let bytes: Buffer;
  let trusted: Map<string, string> | undefined;
  try {
    bytes = readFileSync(file);
    if (keyFile) {
      const pem = readFileSync(keyFile, 'utf8');
      trusted = new Map([[keyIdOf(publicKeyFingerprint(pem)), pem]]);
    }
  } catch (err) {
    console.error(`Cannot read ${(err as NodeJS.ErrnoException).path ?? file}: ${(err as Error).message}`);
    return 2;
  }
  const result = verifyPack(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), trusted);
  if (result.manifest) {
    const m = result.manifest;
    console.log(`Pack ${m.packId}, period ${m.period.from} to ${m.period.to}, ${m.files.length} files listed`);
  }
  if (result.signerFingerprint) console.log(`Signed by key ${formatFingerprint(result.signerFingerprint)}`);
  if (!trusted) console.log('(No --key given: compare that fingerprint with the one ToolLedger shows.)');
  console.log(`Signature: ${result.signature}`);
  for (const p of result.problems) console.log(`${p.problem.toUpperCase()}: ${p.path}: ${p.detail}`);
  console.log(
    result.ok ? `OK: ${result.filesChecked} files match the signed manifest` : `FAILED: ${result.problems.length} problem(s)`,
  );
  return result.ok ? 0 : 1;
}

process.exit(main());
