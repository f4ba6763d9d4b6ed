/**
 * A full garbage collection between the steps of a pack build, where the process allows it
 * (`--expose-gc`: the server on the embedded database, scripts/serve-options.mjs). A build is a
 * batch job inside the server: each step leaves tens of MiB of garbage (pages of rows, CSV text,
 * the archive's buffers outside the JS heap) that V8 would let pile up for several steps before
 * its first full collection, on top of PGlite's memory in the same process (issue 13: 512 MiB
 * peak). One collection costs a few tens of milliseconds at a step's end; a build has about forty.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
