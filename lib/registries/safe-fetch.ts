import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { pipeline, type Readable, type Transform } from 'node:stream';
import zlib from 'node:zlib';
import { classifyAddress, hostAllowed, ipLiteral } from '@/lib/domain/network-address';
import { limitedBody } from './response-body';

export { HARD_MAX_BYTES, ResponseTooLarge } from './response-body';

/**
 * The fetch every registry connector gets (ConnectorContext.fetch). The registry URL is typed
 * by an admin, so without this the server fetches whatever it points at (SSRF): the cloud
 * metadata service, the database, the app's own ports. Each request, and each redirect hop,
 * resolves the host and checks every address it resolves to; the connection then goes to one
 * of those checked addresses (a custom `lookup` answers from the checked set), so a second DNS
 * answer (rebinding) cannot point the socket elsewhere. Credentials are not carried to another
 * origin on redirect, and no body grows past a hard ceiling whatever a connector's settings say.
 */
export interface RegistryNetworkPolicy {
  /** TOOLLEDGER_ALLOWED_REGISTRY_HOSTS entries (host or host:port): reachable whatever their address. */
  allowedHosts: readonly string[];
  /** Loopback exemption for one origin (the bundled sample registry in demo mode). */
  loopbackOrigin?: string | null;
}

export const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADER = /^(authorization|proxy-authorization|cookie|x-api-key)$|api[-_]?key|token|secret|passw|credential/i;

export class RegistryAddressBlocked extends Error {
  /** `unresolved`: DNS gave no answer (may be temporary), as opposed to a refused address. */
  constructor(
    message: string,
    readonly reason: 'blocked' | 'unresolved' = 'blocked',
  ) {
    super(message);
    this.name = 'RegistryAddressBlocked';
  }
}

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;
const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

const RULE = 'registries must be on the public internet; an operator can list the host in TOOLLEDGER_ALLOWED_REGISTRY_HOSTS';

/**
 * Resolves `url`'s host and checks every address. Returns the addresses to connect to; throws
 * RegistryAddressBlocked naming the address and the rule. Used at save time too (form error).
 */
export async function checkRegistryAddress(
  url: URL,
  policy: RegistryNetworkPolicy,
  resolve: Resolver = systemResolver,
): Promise<LookupAddress[]> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new RegistryAddressBlocked(`Only http:// and https:// registries are supported (${url.protocol})`);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const allowListed = hostAllowed(policy.allowedHosts, url.hostname, port);
  const literal = ipLiteral(url.hostname);
  let addresses: LookupAddress[];
  try {
    addresses = literal ? [{ address: literal, family: literal.includes(':') ? 6 : 4 }] : await resolve(url.hostname);
  } catch (e) {
    throw new RegistryAddressBlocked(
      `Could not resolve ${url.hostname}: ${(e as NodeJS.ErrnoException).code ?? 'DNS error'}`,
      'unresolved',
    );
  }
  if (addresses.length === 0) throw new RegistryAddressBlocked(`Could not resolve ${url.hostname}`, 'unresolved');
  if (allowListed) return addresses;
  const sampleLoopback = policy.loopbackOrigin != null && policy.loopbackOrigin === url.origin;
  for (const a of addresses) {
    const verdict = classifyAddress(a.address);
    if (verdict.ok || (sampleLoopback && verdict.range === 'loopback')) continue;
    const shown = literal ? url.hostname : `${url.hostname} resolves to ${a.address}, which`;
    throw new RegistryAddressBlocked(`${shown} is a ${verdict.range} address: ${RULE}`);
  }
  return addresses;
}

type FetchLike = typeof fetch;

/** One exchange's answer before any web stream: the decoded body as the node stream (null when there is none). */
export interface RegistryAnswer {
  status: number;
  statusText: string;
  headers: Headers;
  body: Readable | null;
}
export type RegistryRequest = (input: string | URL, init?: RequestInit) => Promise<RegistryAnswer>;

/**
 * The registry fetch's own lower layer, under this key on every fetch createRegistryFetch makes:
 * the same checks, pinning and redirects, answered without a Response, so that lib/registries/http.ts
 * reads a body straight from the node stream (readAnswerText). A web Response costs a ReadableStream,
 * the Response itself and a stream reader per request, a large share of a sync's client CPU over its
 * tens of thousands of small answers; other callers (webhooks) get the Response as before.
 */
export const REGISTRY_REQUEST = Symbol('registryRequest');

/**
 * One keep-alive pool for every registry fetch (idle sockets are unref'd: it never holds the
 * process open). Sharing is safe: a request is sent only after its URL passed the check, and a
 * pooled socket for that host:port was dialled to an address that passed the same check.
 */
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 32 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 32 }),
};
type LookupCallback = (err: Error | null, address?: string | LookupAddress[], family?: number) => void;

/** A fetch bound to `policy`: each host is checked once per fetch instance (one sync run) and its checked addresses are the only ones dialled. */
export function createRegistryFetch(
  policy: RegistryNetworkPolicy,
  resolve: Resolver = systemResolver,
): FetchLike & { [REGISTRY_REQUEST]: RegistryRequest } {
  const pinned = new Map<string, Promise<LookupAddress[]>>();
  const addressesOf = (url: URL) => {
    const key = `${url.protocol}//${url.host}`;
    let p = pinned.get(key);
    if (!p) {
      p = checkRegistryAddress(url, policy, resolve);
      pinned.set(key, p);
      p.catch(() => pinned.delete(key));
    }
    return p;
  };

  const request: RegistryRequest = async (input, init = {}) => {
    let url = new URL(String(input));
    let method = (init.method ?? 'GET').toUpperCase();
    let body = typeof init.body === 'string' ? init.body : undefined;
    const headers = new Headers(init.headers);
    headers.set('accept-encoding', 'gzip, deflate, br');
    for (let hop = 0; ; hop++) {
      const addresses = await addressesOf(url);
      // node asks this instead of DNS: only an address checked above can be dialled.
      const lookup = (_host: string, options: { all?: boolean }, callback: LookupCallback) =>
        options?.all ? callback(null, addresses) : callback(null, addresses[0]!.address, addresses[0]!.family);
      const answer = await send(url, {
        method,
        headers,
        body,
        signal: init.signal ?? undefined,
        lookup,
        agent: agents[url.protocol as 'http:'],
      });
      const location = answer.headers.get('location');
      if (!REDIRECTS.has(answer.status) || !location) return answer;
      answer.body?.destroy();
      if (hop >= MAX_REDIRECTS) throw new RegistryAddressBlocked(`More than ${MAX_REDIRECTS} redirects from ${url.origin}`);
      const next = new URL(location, url);
      if (next.origin !== url.origin) {
        // Never hand the registry's credentials to whatever origin it redirects to.
        for (const name of [...headers.keys()]) if (CREDENTIAL_HEADER.test(name)) headers.delete(name);
      }
      if (answer.status === 303 || ((answer.status === 301 || answer.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
        headers.delete('content-type');
      }
      url = next;
    }
  };
  const fetchLike = (async (input: string | URL | Request, init?: RequestInit) => {
    const a = await request(input instanceof Request ? input.url : input, init);
    return new Response(a.body ? limitedBody(a.body) : null, { status: a.status, statusText: a.statusText, headers: a.headers });
  }) as FetchLike;
  return Object.assign(fetchLike, { [REGISTRY_REQUEST]: request });
}

interface SendOptions {
  method: string;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal | undefined;
  lookup: (host: string, options: { all?: boolean }, callback: LookupCallback) => void;
  agent: http.Agent;
}

/** One HTTP exchange on node:http (which takes a per-request `lookup`). */
function send(url: URL, o: SendOptions): Promise<RegistryAnswer> {
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(
      url,
      { method: o.method, headers: Object.fromEntries(o.headers), agent: o.agent, lookup: o.lookup as never, signal: o.signal },
      (res) => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) {
          if (Array.isArray(v)) for (const one of v) headers.append(k, one);
          else if (v !== undefined) headers.set(k, v);
        }
        const status = res.statusCode ?? 502;
        const statusText = res.statusMessage ?? '';
        if (status === 204 || status === 205 || status === 304 || o.method === 'HEAD') {
          res.resume();
          return resolve({ status, statusText, headers, body: null });
        }
        const decoded = decode(res, headers.get('content-encoding'));
        if (decoded !== res) {
          headers.delete('content-encoding');
          headers.delete('content-length');
        }
        resolve({ status, statusText, headers, body: decoded });
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}

/**
 * The decoded body. pipeline, not pipe: a response that ends early or fails errors the
 * decompressor too (so the reader sees the error instead of waiting for an end that never comes),
 * and destroying the decompressor destroys the response and its socket.
 */
function decode(res: http.IncomingMessage, encoding: string | null): Readable {
  const through = (inflate: Transform) => pipeline(res, inflate, () => undefined);
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return through(zlib.createGunzip());
    case 'deflate':
      return through(zlib.createInflate());
    case 'br':
      return through(zlib.createBrotliDecompress());
    default:
      return res;
  }
}
