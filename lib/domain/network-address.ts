import ipaddr from 'ipaddr.js';

/**
 * Which addresses a registry connector may reach. An admin types the registry URL, so the
 * server would otherwise fetch whatever it points at: the cloud metadata service
 * (169.254.169.254), the database on 10.x, the app's own loopback ports. Only globally routable
 * unicast addresses pass; everything ipaddr.js classifies otherwise (loopback, private,
 * link-local, unique-local, carrier-grade NAT, multicast, reserved, 6to4/Teredo/NAT64 wrappers
 * that can carry a private IPv4 inside) is refused, with the range named in the message.
 */
export type AddressVerdict = { ok: true } | { ok: false; range: string };

const RANGE_LABELS: Record<string, string> = {
  loopback: 'loopback',
  private: 'private',
  linkLocal: 'link-local (cloud metadata)',
  uniqueLocal: 'private (IPv6 unique-local)',
  carrierGradeNat: 'carrier-grade NAT',
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  reserved: 'reserved',
};

export function classifyAddress(address: string): AddressVerdict {
  if (!ipaddr.isValid(address)) return { ok: false, range: 'not an IP address' };
  let parsed = ipaddr.parse(address);
  // ::ffff:10.0.0.1 is 10.0.0.1 on the wire.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (range === 'unicast') return { ok: true };
  return { ok: false, range: RANGE_LABELS[range] ?? range };
}

/** Literal IP hosts, with IPv6 brackets removed (URL.hostname keeps them). */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}

/**
 * TOOLLEDGER_ALLOWED_REGISTRY_HOSTS: comma-separated `host` or `host:port` entries an operator
 * allows even on a private address (an internal mirror). Matching is exact and case-insensitive;
 * no wildcards, so one entry opens one host.
 */
export function parseAllowedHosts(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

export function hostAllowed(allowed: readonly string[], hostname: string, port: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return allowed.some((entry) => {
    const bare = entry.replace(/^\[|\]$/g, '');
    return bare === host || entry === `${host}:${port}` || entry === `[${host}]:${port}`;
  });
}
