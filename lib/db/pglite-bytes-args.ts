import type { SqlQuery } from '@prisma/driver-adapter-utils';

type Performer = { performIO(query: SqlQuery): Promise<unknown> };

/**
 * Prisma hands driver adapters `Bytes` arguments as base64 strings. @prisma/adapter-pg decodes them
 * (its `mapArg`); pglite-prisma-adapter 0.6 passes them through, and PGlite refuses a string for
 * a bytea parameter ("Invalid input for bytea type"). This decodes them the same way, once, on the
 * adapter's shared query path (transactions use it too). Remove when the adapter does it itself.
 */
export function decodeBytesArgs<F extends { connect(): Promise<unknown> }>(factory: F): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    let proto = Object.getPrototypeOf(adapter) as (Performer & { __bytesDecoded?: true }) | null;
    while (proto && !Object.prototype.hasOwnProperty.call(proto, 'performIO')) proto = Object.getPrototypeOf(proto);
    if (proto && !proto.__bytesDecoded) {
      const perform = proto.performIO;
      proto.performIO = function (this: Performer, query: SqlQuery) {
        const args = query.args.map((a, i) =>
          query.argTypes?.[i]?.scalarType === 'bytes' && typeof a === 'string' ? Buffer.from(a, 'base64') : a,
        );
        return perform.call(this, { ...query, args });
      };
      proto.__bytesDecoded = true;
    }
    return adapter;
  };
  return factory;
}
