type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined | null;

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const v = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/**
 * The client address used to rate-limit sign-in: the right-most X-Forwarded-For entry, i.e. the
 * address the proxy nearest to us saw (a client can prepend anything, but not what the proxy
 * appends; Next fills the header with the socket address when no proxy set it). Without a proxy
 * in front, a client could send its own header: the per-account limit still holds then.
 */
export function clientAddressOf(headers: HeaderBag): string | null {
  const forwarded = header(headers, 'x-forwarded-for');
  const last = forwarded
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  const address = last ?? header(headers, 'x-real-ip')?.trim();
  if (!address) return null;
  // Only what an address can look like (IPv4, IPv6, IPv4-mapped, with a zone): never free text in the audit.
  return /^[0-9a-fA-F:.%]{2,64}$/.test(address) ? address : null;
}
