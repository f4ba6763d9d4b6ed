// Load generator for bench/enforce.bench.ts, run as its own process so that it does not share an
// event loop with the bench driver. Reads one JSON job from argv, prints one JSON result line.
//
// Open-loop, constant arrival rate: request i is sent at start + i / rate, whatever happened to
// the earlier ones, over a pool of keep-alive connections. autocannon's rate options release each
// second's (or each connection's) budget in bursts, so at "200 req/s" the server really sees ten
// requests at the same instant, and the percentiles measure the burst's queue rather than the
// route. Latency is counted from the scheduled send time, so a stalled generator or server is
// charged to the result (no coordinated omission).
import http from 'node:http';

const job = JSON.parse(process.argv[2]);
const url = new URL(job.url);
const rate = job.rate ?? 200;
const duration = job.duration ?? 15;
const total = Math.round(rate * duration);
const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections ?? 50 });
const body = job.body ? Buffer.from(job.body) : null;
const headers = { ...(job.headers ?? {}), ...(body ? { 'content-length': String(body.length) } : {}) };

function send() {
  return new Promise((resolve) => {
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

const latencies = [];
let non2xx = 0;
let errors = 0;
let timeouts = 0;
const inflight = [];
const start = performance.now();
for (let i = 0; i < total; i++) {
  const due = start + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
  inflight.push(
    send().then((status) => {
      latencies.push(performance.now() - due);
      if (status === -1) errors++;
      else if (status === -2) timeouts++;
      else if (status < 200 || status >= 300) non2xx++;
    }),
  );
}
await Promise.all(inflight);
const elapsed = (performance.now() - start) / 1000;
agent.destroy();
latencies.sort((a, b) => a - b);
const pct = (p) => Math.round(latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] * 10) / 10;
process.stdout.write(
  `${JSON.stringify({ requests: latencies.length, rps: latencies.length / elapsed, p50: pct(50), p90: pct(90), p99: pct(99), max: pct(100), non2xx, errors, timeouts })}\n`,
);
