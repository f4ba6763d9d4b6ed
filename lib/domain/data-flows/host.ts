/**
 * Whether a value names an external API host as the map records it: a DNS name (optionally a
 * "*." wildcard for its subdomains) or an IP literal, optionally with a port. Not a URL: a
 * scheme, path, user or space means the person pasted something else, and the form says so.
 */
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export type HostVerdict = { ok: true; host: string } | { ok: false; message: string };

export function parseHost(raw: string): HostVerdict {
  const value = raw.trim().toLowerCase();
  if (value === '') return { ok: false, message: 'Name the host the data is sent to' };
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(value))
    return { ok: false, message: 'Give the host only, without https:// (for example api.example.com)' };
  if (/[/?#@\s]/.test(value))
    return { ok: false, message: 'A host has no path, query, user or spaces (for example api.example.com)' };
  const bracketed = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/.exec(value);
  if (bracketed) return portOk(bracketed[2]) ? { ok: true, host: value } : badPort();
  const [name, port, ...rest] = value.split(':');
  if (rest.length || name === undefined) return { ok: false, message: 'Write an IPv6 address in brackets: [2001:db8::1]' };
  if (port !== undefined && !portOk(port)) return badPort();
  if (IPV4.test(name)) return { ok: true, host: value };
  if (/^\d+(\.\d+)*$/.test(name)) return { ok: false, message: `${raw.trim()} is not a valid IP address` };
  const labels = name.startsWith('*.') ? name.slice(2).split('.') : name.split('.');
  if (name.length > 253 || labels.length < 2 || !labels.every((l) => LABEL.test(l)) || /^\d+$/.test(labels.at(-1)!))
    return { ok: false, message: `${raw.trim()} is not a valid host name (for example api.example.com)` };
  return { ok: true, host: value };
}

function portOk(port: string | undefined): boolean {
  if (port === undefined) return true;
  const n = Number(port);
  return /^\d{1,5}$/.test(port) && n >= 1 && n <= 65535;
}

function badPort(): HostVerdict {
  return { ok: false, message: 'The port must be a number from 1 to 65535' };
}
