// Host patterns as ToolHive's egress proxy reads them (stacklok/toolhive
// pkg/container/docker/envoy.go hostBasePattern, and Squid dstdomain): a leading "." or "*."
// means the host AND all its subdomains; a bare host means that host only. The export keeps the
// source's own form; the prefix is stripped only to classify a host internal or external.

export interface HostPattern {
  /** Exactly as the source wrote it (lower-cased): what the export writes. */
  pattern: string;
  /** The host without its wildcard prefix. */
  base: string;
  subdomains: boolean;
}

const LABEL = /^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const INTERNAL_SUFFIXES = ['.internal', '.local', '.svc', '.cluster.local', '.corp', '.lan', '.home.arpa'];

/** Null when the text is not a host ToolHive would match as written (or would match too much). */
export function parseHostPattern(raw: string): HostPattern | null {
  const pattern = raw.trim().toLowerCase();
  const subdomains = pattern.startsWith('.') || pattern.startsWith('*.');
  const base = pattern.replace(/^\*?\./, '');
  if (!base || base.length > 253) return null;
  const ip = IPV4.exec(base);
  if (ip) return subdomains || ip.slice(1).some((o) => Number(o) > 255) ? null : { pattern, base, subdomains };
  const labels = base.split('.');
  if (!labels.every((l) => LABEL.test(l) && l.length <= 63)) return null;
  // ".com" would let the server reach every .com host: never what a registry meant to approve.
  if (subdomains && labels.length < 2) return null;
  return { pattern, base, subdomains };
}

export function isInternalHost(base: string): boolean {
  const host = base.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (INTERNAL_SUFFIXES.some((s) => host.endsWith(s))) return true;
  const ip = IPV4.exec(host);
  if (!ip) return false;
  const [a, b] = [Number(ip[1]), Number(ip[2])];
  return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** How ToolHive decides whether a destination host is allowed by one pattern. */
export function toolHiveHostMatches(pattern: HostPattern, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === pattern.base || (pattern.subdomains && h.endsWith(`.${pattern.base}`));
}
