/**
 * Where to go after sign-in: only a path on this site. Anything else (another origin,
 * protocol-relative `//host`, `/\host` that browsers read as `//host`, `javascript:`, control
 * characters browsers strip before parsing) falls back to the dashboard, because an open
 * redirect from a trusted sign-in page is a phishing aid.
 */
const FALLBACK = '/';
const BASE = 'http://toolledger.invalid';

function decodeOnce(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}

// Browsers drop tab/newline inside URLs and treat `\` as `/`: judge the string as they would read it.
function looksLikeOtherOrigin(value: string): boolean {
  if (!value.startsWith('/')) return true;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return true;
  return value.startsWith('//');
}

export function safeCallbackUrl(raw: string | null | undefined): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return FALLBACK;
  // Encoded variants (`/%2F%2Fevil`, `%2F%5Cevil`) must pass the same test once and twice decoded.
  const once = decodeOnce(raw);
  const twice = decodeOnce(once);
  if ([raw, once, twice].some(looksLikeOtherOrigin)) return FALLBACK;
  let parsed: URL;
  try {
    parsed = new URL(raw, BASE);
  } catch {
    return FALLBACK;
  }
  if (parsed.origin !== BASE) return FALLBACK;
  // Dot segments can collapse into `//host` (`/.//evil` → `//evil`): judge the result too.
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  return looksLikeOtherOrigin(path) ? FALLBACK : path;
}
