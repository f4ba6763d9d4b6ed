/**
 * Iterates `source` one item ahead: while the caller works on item N, item N+1 is already being
 * produced. A registry sync fetches a page (network, and the registry's own time) and then stores
 * it (the database); read sequentially, the two costs add up, read one ahead they overlap, so a
 * sync takes about the longer of the two rather than their sum (issue 9: sync near its fetch floor).
 * Order, errors and early stops behave as with the source itself: an error producing item N+1
 * surfaces when the caller asks for it, and a caller that stops early closes the source.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  const it = source[Symbol.asyncIterator]();
  let next = it.next();
  try {
    for (;;) {
      const result = await next;
      if (result.done) return;
      next = it.next();
      // Awaited on the next turn of the loop; until then its failure must not count as unhandled.
      next.catch(() => undefined);
      yield result.value;
    }
  } finally {
    await it.return?.();
  }
}
