/**
 * One attempt's signal: aborted by the caller's signal or by the attempt's timeout, whichever
 * comes first, and covering the body as well as the headers. One controller and one timer per
 * attempt, both released as soon as the answer is read or has failed. On node 20.20 the
 * AbortSignal.any([run signal, AbortSignal.timeout(…)]) this replaces cost about 37 µs of CPU per
 * attempt (this: about 1.4 µs), kept about 2.5 KB of heap until the timer fired 15 s later, and
 * left a WeakRef in the run signal's dependants for good (node 20 never prunes them): tens of
 * thousands of requests in a sync made every full GC walk that backlog (README, sync bench).
 */
export function attemptSignal(parent: AbortSignal | undefined, timeoutMs: number) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`No answer within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  // Like AbortSignal.timeout: a pending attempt alone does not keep the process alive.
  timer.unref();
  const unfollow = parent ? follow(parent, controller) : undefined;
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    release: () => {
      clearTimeout(timer);
      unfollow?.();
    },
  };
}

/**
 * The attempts in flight under each caller's signal. The caller's signal gets one abort listener
 * that aborts them all, not one listener per attempt: a connector keeps 32 or more requests in
 * flight under one run signal, past EventTarget's warning threshold of 10 listeners, and adding
 * and removing a listener per request is itself a cost.
 */
const inFlight = new WeakMap<AbortSignal, Set<AbortController>>();

function follow(parent: AbortSignal, controller: AbortController): () => void {
  if (parent.aborted) {
    controller.abort(parent.reason);
    return () => undefined;
  }
  let attempts = inFlight.get(parent);
  if (!attempts) {
    const all = new Set<AbortController>();
    inFlight.set(parent, all);
    parent.addEventListener(
      'abort',
      () => {
        for (const one of all) one.abort(parent.reason);
        all.clear();
      },
      { once: true },
    );
    attempts = all;
  }
  const set = attempts;
  set.add(controller);
  return () => set.delete(controller);
}
