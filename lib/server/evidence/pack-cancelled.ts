/** Thrown when a build is asked to stop: between sections, every few hundred rows, between archive entries. */
export class PackCancelled extends Error {}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new PackCancelled('cancelled');
}
