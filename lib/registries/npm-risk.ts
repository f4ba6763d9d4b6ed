import type { PermissionSet } from '@/lib/domain/types';
import { normalizeRepoUrl } from './connector-support';
import { repositoryUrlOf, type TNpmPerson, type TNpmVersion } from './npm-schema';
import type { Provenance, RiskSignal } from './types';

/**
 * What npm metadata says about risk, as ONE documented table each.
 *
 * Permissions (npm declares none; these are inferred, the rest stays NONE = "not declared"):
 *   preinstall / install / postinstall script, or hasInstallScript  → codeExecution UNRESTRICTED
 *                                                     (code runs on the host at `npm install`)
 *   a `bin` entry or an `mcpName` (run on the host by npx)          → codeExecution UNRESTRICTED
 *
 * Risk signals per version:
 *   deprecated (non-empty message or true)       medium  deprecated
 *   install scripts                              high    install-scripts
 *   no repository                                medium  no-repository
 *   one maintainer or fewer                      low     single-maintainer
 *   latest version published < 72 h ago          medium  recent-publish
 *   published by an account that neither published nor maintained the previous version
 *                                                high    publisher-changed
 *   maintainers added since the previous version medium  maintainers-changed
 *   previous version had a provenance attestation, this one has none
 *                                                high    provenance-dropped
 *   no provenance attestation at all             info    no-provenance
 */

export const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'] as const;
export const RECENT_PUBLISH_HOURS = 72;

export function installScriptsOf(v: TNpmVersion): string[] {
  const scripts = INSTALL_SCRIPTS.filter((s) => typeof v.scripts?.[s] === 'string' && (v.scripts[s] as string).trim() !== '');
  return scripts.length === 0 && v.hasInstallScript === true ? ['hasInstallScript'] : [...scripts];
}

export function isDeprecated(v: TNpmVersion): boolean {
  return v.deprecated === true || (typeof v.deprecated === 'string' && v.deprecated.trim() !== '');
}

export function hasProvenance(v: TNpmVersion | null | undefined): boolean {
  return Boolean(v?.dist?.attestations?.provenance);
}

export function npmPermissions(v: TNpmVersion): { permissions: PermissionSet; reasons: string[] } {
  const reasons: string[] = [];
  const scripts = installScriptsOf(v);
  if (scripts.length > 0) reasons.push(`runs code at install: ${scripts.join(', ')}`);
  if (v.bin) reasons.push('ships an executable (bin) run on the host');
  if (v.mcpName) reasons.push(`MCP server ${v.mcpName}, run on the host via npx`);
  return {
    permissions: {
      network: 'NONE',
      filesystem: 'NONE',
      codeExecution: reasons.length > 0 ? 'UNRESTRICTED' : 'NONE',
      dataAccess: 'NONE',
    },
    reasons,
  };
}

export function provenanceOf(v: TNpmVersion): Provenance {
  return {
    signaturePresent: (v.dist?.signatures ?? []).some((s) => Boolean(s.sig)),
    // Checking the registry signature against /-/npm/v1/keys and the Sigstore bundle is not done here.
    signatureVerified: null,
    provenancePresent: hasProvenance(v),
    provenanceVerified: null,
    // Who npm authenticated for the publish (a trusted-publishing CI identity or a user). The
    // attestation's predicate type says what kind of statement it is, not who made it.
    signer: v._npmUser?.name ? `npm user ${v._npmUser.name}` : null,
    sourceRepo: normalizeRepoUrl(repositoryUrlOf(v.repository)),
  };
}

const names = (people: TNpmPerson[] | null | undefined) =>
  new Set((people ?? []).map((p) => p.name).filter((n): n is string => Boolean(n)));

export interface SignalInput {
  manifest: TNpmVersion;
  previous: TNpmVersion | null;
  publishedAt: Date | null;
  isLatest: boolean;
  /** Package-level repository and maintainers, used when the version omits them. */
  packageRepository: string | null;
  packageMaintainers: TNpmPerson[];
  now: Date;
}

export function npmRiskSignals(input: SignalInput): RiskSignal[] {
  const { manifest: v, previous } = input;
  const signals: RiskSignal[] = [];
  if (isDeprecated(v)) {
    signals.push({
      key: 'deprecated',
      label: 'Deprecated on npm',
      severity: 'medium',
      detail: typeof v.deprecated === 'string' ? v.deprecated : undefined,
    });
  }
  const scripts = installScriptsOf(v);
  if (scripts.length > 0) {
    const detail = scripts
      .map((s) => (s === 'hasInstallScript' ? 'native build or install script' : `${s}: ${String(v.scripts?.[s]).slice(0, 200)}`))
      .join('; ');
    signals.push({ key: 'install-scripts', label: 'Runs scripts at install', severity: 'high', detail });
  }
  if (!repositoryUrlOf(v.repository) && !input.packageRepository) {
    signals.push({ key: 'no-repository', label: 'No source repository declared', severity: 'medium' });
  }
  const maintainers = names(v.maintainers?.length ? v.maintainers : input.packageMaintainers);
  if (maintainers.size <= 1)
    signals.push({
      key: 'single-maintainer',
      label: 'Single maintainer',
      severity: 'low',
      detail: [...maintainers].join(', ') || undefined,
    });
  if (
    input.isLatest &&
    input.publishedAt &&
    input.now.getTime() - input.publishedAt.getTime() < RECENT_PUBLISH_HOURS * 3_600_000
  ) {
    signals.push({
      key: 'recent-publish',
      label: `Latest version published less than ${RECENT_PUBLISH_HOURS} h ago`,
      severity: 'medium',
      detail: input.publishedAt.toISOString(),
    });
  }
  if (previous) {
    const publisher = v._npmUser?.name ?? null;
    const before = new Set([...names(previous.maintainers), ...(previous._npmUser?.name ? [previous._npmUser.name] : [])]);
    if (publisher && before.size > 0 && !before.has(publisher)) {
      signals.push({
        key: 'publisher-changed',
        label: 'Published by a new account',
        severity: 'high',
        detail: `${publisher} did not publish or maintain ${previous.version}`,
      });
    }
    const added = [...names(v.maintainers)].filter((n) => !names(previous.maintainers).has(n));
    if (added.length > 0 && (previous.maintainers?.length ?? 0) > 0) {
      signals.push({
        key: 'maintainers-changed',
        label: 'Maintainers added since the previous version',
        severity: 'medium',
        detail: `+${added.join(', +')} since ${previous.version}`,
      });
    }
    if (hasProvenance(previous) && !hasProvenance(v)) {
      signals.push({
        key: 'provenance-dropped',
        label: 'Provenance attestation dropped',
        severity: 'high',
        detail: `${previous.version} was published with provenance, ${v.version} without`,
      });
    }
  }
  if (!hasProvenance(v)) signals.push({ key: 'no-provenance', label: 'Published without provenance', severity: 'info' });
  return signals;
}
