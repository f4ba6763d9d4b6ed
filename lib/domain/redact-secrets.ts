/**
 * Field names that carry secrets. The audit trail is append-only and hash-chained: a secret
 * written there can never be removed, so the writer blanks these before hashing, at any depth.
 */
const SECRET_FIELD =
  /api[-_]?key|token|secret|passw(or)?d|passphrase|authorization|credential|private[-_]?key|cookie|bearer|signature[-_]?key/i;

export const REDACTED = '[redacted]';

export function isSecretFieldName(name: string): boolean {
  return SECRET_FIELD.test(name);
}

/**
 * A copy of `value` with every secret-named field's value replaced by "[redacted]". Booleans
 * and null are kept: "passwordChanged: true" or "apiKey: null" say that something happened or
 * is absent without carrying the secret, and an auditor needs exactly that.
 */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = isSecretFieldName(k) && v !== null && v !== undefined && typeof v !== 'boolean' ? REDACTED : redactSecrets(v);
  }
  return out;
}
