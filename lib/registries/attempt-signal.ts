/**
 * One attempt's signal: aborted by the caller's signal or by the attempt's timeout, whichever
 * comes first, and covering the body as well as the headers. One controller and one timer per
 * attempt, both released as soon as the answer is read or has failed. AbortSignal.timeout +
 * AbortSignal.any made two more signals per attempt and left each timer pending for the whole
 * timeout: during a sync (tens of thousands of requests under one run signal) that was thousands
 * of live timers and signals for nothing (about 3 % of the fetch floor's client CPU at 5,000
 * tools, measured back to back).
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
