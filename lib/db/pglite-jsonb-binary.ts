/**
 * PGlite sends every text parameter through a JavaScript loop that measures its UTF-8 length,
 * twice (once for the length word, once to encode it), then encodes it. A sync page's bulk rows go
 * to the database as one JSON parameter of about a megabyte (lib/server/registries/bulk-sql.ts),
 * and that loop was ~5 % of the CPU of storing a page (issue 9.3). A jsonb parameter can be sent in
 * binary format instead: jsonb's binary form is a version byte (1) followed by the JSON text
 * (PostgreSQL's jsonb_recv), so the value is encoded once, natively, and the server parses the same
 * text it would have parsed before. PGlite sends any parameter its serializer returns as bytes in
 * binary format.
 */
export const JSONB_OID = 3802;
const VERSION = Buffer.from([1]);

/** A jsonb parameter as PGlite's default serializer would send it (strings as they are), in binary form. */
export function jsonbBinary(value: unknown): Uint8Array {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return Buffer.concat([VERSION, Buffer.from(text, 'utf8')]);
}

/** For PGlite's `serializers` option (its type says string; any Uint8Array is sent as bytes). */
export const pgliteJsonbSerializers = { [JSONB_OID]: jsonbBinary } as unknown as Record<number, (value: unknown) => string>;
