// Load generator for bench/enforce.bench.ts, run as its own process so that it does not share an
// event loop with the bench driver. Reads one JSON job from argv, prints one JSON result line.
//
// Open-loop, constant arrival rate: request i is sent at start + i / rate, whatever happened to
// the earlier ones, over a pool of keep-alive connections. autocannon's rate options release each
// second's (or each connection's) budget in bursts, so at "200 req/s" the server really sees ten
// requests at the same instant, and the percentiles measure the burst's queue rather than the
// route. Latency is counted from the scheduled send time, so a stalled generator or server is
// charged to the result (no coordinated omission).
//
// Two forms of job:
//  - one route: { url, method?, headers?, body?, rate, duration, connections? } → one result;
//  - routes compared ({ jobs: [route…], slice, rounds, cpuGroup? }): the routes take turns, each
//    alone at its rate for `slice` seconds, `rounds` times (the order rotates every round), and
//    every route's latencies are pooled over its slices → one result per route. Compared this
//    way, every route sees the same machine: a scheduler tick of the app, a GC or another process
//    lands on each of them in proportion, instead of on whichever route's window it fell into.
//    Each slice waits for its own requests to finish before the next route starts, so no route
//    is charged for another's queue. With `cpuGroup` (the app's process group), the app's CPU
//    time over each route's slices (from /proc) is reported per request.
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';

const spec = JSON.parse(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections ?? 50 });

function sender(job) {
  const url = new URL(job.url);
  const body = job.body ? Buffer.from(job.body) : null;
  const headers = { ...(job.headers ?? {}), ...(body ? { 'content-length': String(body.length) } : {}) };
  return () =>
    new Promise((resolve) => {
      const req = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method: job.method ?? 'GET',
          headers,
          timeout: 10_000,
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err) => resolve(err.message === 'timeout' ? -2 : -1));
      if (body) req.write(body);
      req.end();
    });
}

/** CPU seconds (user + system) of one process group so far, from /proc (0 where there is none). */
function groupCpuSeconds(pgrp) {
  if (!pgrp) return 0;
  let ticks = 0;
  let pids = [];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = text.slice(text.lastIndexOf(') ') + 2).split(' ');
      if (Number(f[2]) === pgrp) ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks / 100;
}

function newTally() {
  return { latencies: [], non2xx: 0, errors: 0, timeouts: 0, seconds: 0, cpuSeconds: 0 };
}

/** One route at its rate for `duration` seconds, into `tally`; resolves when every request has ended. */
async function run(job, duration, tally, cpuGroup) {
  const send = sender(job);
  const rate = job.rate ?? 200;
  const total = Math.round(rate * duration);
  const inflight = [];
  const cpu0 = groupCpuSeconds(cpuGroup);
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      send().then((status) => {
        tally.latencies.push(performance.now() - due);
        if (status === -1) tally.errors++;
        else if (status === -2) tally.timeouts++;
        else if (status < 200 || status >= 300) tally.non2xx++;
      }),
    );
  }
  await Promise.all(inflight);
  tally.seconds += (performance.now() - start) / 1000;
  tally.cpuSeconds += groupCpuSeconds(cpuGroup) - cpu0;
}

function result(t, cpuGroup) {
  const l = t.latencies.sort((a, b) => a - b);
  const pct = (p) => Math.round(l[Math.min(l.length - 1, Math.ceil((p / 100) * l.length) - 1)] * 10) / 10;
  return {
    requests: l.length,
    rps: l.length / t.seconds,
    p50: pct(50),
    p90: pct(90),
    p99: pct(99),
    max: pct(100),
    non2xx: t.non2xx,
    errors: t.errors,
    timeouts: t.timeouts,
    ...(cpuGroup ? { cpuMsPerRequest: l.length ? (t.cpuSeconds * 1000) / l.length : 0 } : {}),
  };
}

let out;
if (spec.jobs) {
  const tallies = spec.jobs.map(newTally);
  for (let r = 0; r < spec.rounds; r++) {
    for (let k = 0; k < spec.jobs.length; k++) {
      const j = (r + k) % spec.jobs.length;
      await run({ rate: spec.rate, ...spec.jobs[j] }, spec.slice, tallies[j], spec.cpuGroup);
    }
  }
  out = { results: tallies.map((t) => result(t, spec.cpuGroup)) };
} else {
  const tally = newTally();
  await run(spec, spec.duration ?? 15, tally, spec.cpuGroup);
  out = result(tally, spec.cpuGroup);
}
agent.destroy();
process.stdout.write(`${JSON.stringify(out)}\n`);
