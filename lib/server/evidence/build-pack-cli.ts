import 'server-only';
import path from 'node:path';
import type { PrismaClient } from '@prisma/client';
import { periodIssues, periodOfDays } from '@/lib/domain/evidence/period';
import { issuesFromZod } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { now as clockNow } from '@/lib/server/clock';
import { ZBuildEvidencePackInput } from '@/lib/validation/evidence-pack';
import { buildEvidencePack, type BuiltPack } from './build-pack';

export interface PackArgs {
  from: string;
  to: string;
  environments: ('PRODUCTION' | 'STAGING' | 'DEVELOPMENT')[];
  out: string;
}

/** `--from D --to D [--env E]... --out FILE`, checked with the form's schema. */
export function parsePackArgs(argv: readonly string[]): PackArgs | { error: string } {
  const values: Record<string, string[]> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    if (!['--from', '--to', '--env', '--out'].includes(flag) || argv[i + 1] === undefined)
      return { error: `Unexpected argument ${flag}` };
    (values[flag.slice(2)] ??= []).push(argv[i + 1]!);
  }
  if (!values.out) return { error: '--out FILE is required' };
  const parsed = ZBuildEvidencePackInput.safeParse({
    from: values.from?.[0],
    to: values.to?.[0],
    environments: values.env ?? [],
  });
  if (!parsed.success)
    return {
      error: issuesFromZod(parsed.error)
        .map((i) => `--${i.path}: ${i.message}`)
        .join('\n'),
    };
  return { from: parsed.data.from, to: parsed.data.to, environments: parsed.data.environments, out: values.out[0]! };
}

/**
 * The command-line build: whoever can run it holds the database's credentials, so it acts as
 * SYSTEM ("command line") and records the build in the audit trail like the app does.
 */
export async function buildPackFromCommandLine(
  db: PrismaClient,
  args: PackArgs & { packId: string; workDir: string; log: (line: string) => void },
): Promise<BuiltPack | { issues: { path: string; message: string }[] }> {
  const now = clockNow();
  const issues = periodIssues(args.from, args.to, now);
  if (issues.length) return { issues };
  const period = periodOfDays(args.from, args.to);
  const outFile = path.resolve(args.out);
  const built = await buildEvidencePack(db, {
    packId: args.packId,
    scope: { ...period, environments: args.environments, toolIds: [] },
    period: { from: args.from, to: args.to },
    generatedAt: now,
    outFile,
    workDir: args.workDir,
    onProgress: async (done, total, step) => args.log(`[${done + 1}/${total}] ${step}`),
  });
  await db.$transaction((tx) =>
    recordAuditEvent(
      tx,
      { type: 'SYSTEM', label: 'command line' },
      {
        action: 'evidencePack.built',
        entityType: 'EvidencePack',
        entityId: args.packId,
        after: {
          from: args.from,
          to: args.to,
          environments: args.environments,
          sha256: built.sha256,
          keyId: built.keyId,
          via: 'cli',
        },
      },
    ),
  );
  return built;
}
