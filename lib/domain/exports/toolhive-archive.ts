import { strToU8, zipSync } from 'fflate';
import { ENVIRONMENT_LABELS, type Environment } from '../types';
import type { ToolHiveProfileFile } from './toolhive';
import type { LeftOutServer } from './types';

/** A profile file exactly as ToolHive loads it: the bare permissions.Profile, nothing around it. */
export function profileJson(file: ToolHiveProfileFile): string {
  return `${JSON.stringify(file.profile, null, 2)}\n`;
}

function readme(
  environment: Environment,
  generatedAt: Date,
  files: readonly ToolHiveProfileFile[],
  leftOut: readonly LeftOutServer[],
): string {
  const lines = [
    `# ToolHive permission profiles — ${ENVIRONMENT_LABELS[environment]}`,
    '',
    `Generated ${generatedAt.toISOString()} by ToolLedger from the versions the enforcement API allows.`,
    'Each .json file is one bare permission profile: `thv run --permission-profile FILE <server>`.',
    'Run with network isolation (`--isolate-network`) so the egress proxy enforces the hosts and ports.',
    '',
    '## Profiles',
    ...files.map(
      (f) =>
        `- ${f.fileName}: ${f.serverName} ${f.version}${f.artifactDigest ? ` (approved artifact ${f.artifactDigest})` : ''}${f.notes.length ? ` — ${f.notes.join(' ')}` : ''}`,
    ),
    '',
    '## Left out (cannot be expressed without widening the approval)',
    ...(leftOut.length ? leftOut.map((l) => `- ${l.serverName} ${l.version}: ${l.reason}`) : ['- none']),
    '',
  ];
  return lines.join('\n');
}

/**
 * One zip per environment, one profile file per server version, plus a README.md beside them
 * that lists what was left out and why (a profile has no place for it: unknown keys are refused).
 */
export function toolHiveArchive(
  environment: Environment,
  generatedAt: Date,
  files: readonly ToolHiveProfileFile[],
  leftOut: readonly LeftOutServer[],
): Uint8Array {
  // Fixed file times: only the content (its README says when it was made) changes between exports.
  const mtime = new Date(Date.UTC(2020, 0, 1));
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {
    'README.md': [strToU8(readme(environment, generatedAt, files, leftOut)), { mtime }],
  };
  for (const f of files) entries[f.fileName] = [strToU8(profileJson(f)), { mtime }];
  return zipSync(entries, { level: 6 });
}
