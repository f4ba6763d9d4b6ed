import { DIMENSION_LABELS, findEscalations, formatLevel, type PermissionDimension } from '@/lib/domain/permissions';
import type { PermissionSet } from '@/lib/domain/types';
import { parseHost } from './host';

/** What a tool version declares that bears on its data flow: its permission levels and allowed hosts. */
export interface VersionDeclaration {
  /** Null for "no version": a map written before the tool had one. */
  versionId: string | null;
  version: string | null;
  permissions: PermissionSet;
  allowedDomains: readonly string[];
}

export type MapReviewReason =
  | { kind: 'permission-rise'; dimension: PermissionDimension; from: string; to: string; text: string }
  | { kind: 'new-host'; host: string; text: string };

/** Whether `host` is one of `known`, or under one of its "*." wildcards. */
function covered(host: string, known: ReadonlySet<string>): boolean {
  if (known.has(host)) return true;
  const name = host.replace(/:\d+$/, '');
  for (const k of known) {
    if (!k.startsWith('*.')) continue;
    const suffix = k.slice(1).replace(/:\d+$/, '');
    if (name.endsWith(suffix) && name.length > suffix.length) return true;
  }
  return false;
}

function hostsOf(domains: readonly string[]): string[] {
  return [...new Set(domains.map((d) => parseHost(d)).flatMap((v) => (v.ok ? [v.host] : [])))].sort();
}

/**
 * Why a tool's data flow map no longer describes `candidate` (issue 12.2): each permission
 * dimension where the candidate declares a higher level than the version the map was written
 * for (`basis`), and each allowed host the candidate may send data to that neither the basis
 * allowed nor the map already names. Empty: the map still holds, nothing to review. A host
 * counts only when the candidate reaches the outside at all (network external): with internal
 * or no network an allowed host carries no data out.
 */
export function mapReviewReasons(input: {
  basis: VersionDeclaration;
  candidate: VersionDeclaration;
  /** Hosts the map already names (a person may have added one the registry never declared). */
  mappedHosts: readonly string[];
}): MapReviewReason[] {
  const { basis, candidate } = input;
  const out: MapReviewReason[] = findEscalations(basis.permissions, candidate.permissions).map((e) => ({
    kind: 'permission-rise' as const,
    ...e,
    text: `${DIMENSION_LABELS[e.dimension]} rose from ${formatLevel(e.dimension, e.from as never)} to ${formatLevel(e.dimension, e.to as never)}`,
  }));
  if (candidate.permissions.network === 'EXTERNAL') {
    // The basis's hosts were destinations only if the basis reached the outside too.
    const before = basis.permissions.network === 'EXTERNAL' ? basis.allowedDomains : [];
    const known = new Set([...hostsOf(before), ...hostsOf(input.mappedHosts)]);
    for (const host of hostsOf(candidate.allowedDomains)) {
      if (!covered(host, known)) out.push({ kind: 'new-host', host, text: `New allowed host ${host}` });
    }
  }
  return out;
}

/**
 * Of the versions one event brings (a sync page may store several of a tool at once), the one
 * the map is reopened for: the tool's latest if it raises anything, else the first that does.
 * Null when none raises anything.
 */
export function pickReviewTrigger<T extends { candidate: VersionDeclaration; reasons: readonly MapReviewReason[] }>(
  checked: readonly T[],
  latestVersionId: string | null,
): T | null {
  const raising = checked.filter((c) => c.reasons.length > 0);
  return raising.find((c) => c.candidate.versionId === latestVersionId) ?? raising[0] ?? null;
}

/** The map's review line: "Needs review: in version 2.0.0, filesystem rose from read to write; …". */
export function reviewNote(version: string | null, reasons: readonly MapReviewReason[]): string {
  return `Needs review: in version ${version ?? '(unnamed)'}, ${reasons.map((r) => r.text.charAt(0).toLowerCase() + r.text.slice(1)).join('; ')}`;
}
