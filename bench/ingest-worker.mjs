// Load generator for bench/invocations.bench.ts, run as its own process: posts NDJSON batches to
// POST /api/v1/events in a closed loop on `connections` keep-alive connections for `seconds`,
// every event with its own event_id (nothing is a duplicate), and prints one JSON result line.
import http from 'node:http';

const job = JSON.parse(process.argv[2]);
const url = new URL(job.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
const template = job.template;

// The template's JSON without its closing brace: each line adds its id and time as text. The load
// generator shares the two cores with the app and the database, so it costs as little as it can
// (a JSON.stringify per event took 50 ms of CPU per batch, a sixth of the app's own).
const head = JSON.stringify(template).slice(0, -1);

function batchBody(worker, n) {
  const at = new Date(Date.now() - 1000).toISOString();
  const lines = new Array(job.batch);
  for (let i = 0; i < job.batch; i++) lines[i] = `${head},"event_id":"bench-${job.tag}-${worker}-${n}-${i}","timestamp":"${at}"}`;
  return Buffer.from(lines.join('\n'));
}

function post(body) {
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          authorization: `Bearer ${job.key}`,
          'content-type': 'application/x-ndjson',
          'content-length': String(body.length),
        },
        timeout: 120_000,
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err) => resolve({ status: -1, text: err.message }));
    req.end(body);
  });
}

let accepted = 0;
let batches = 0;
let failed = 0;
let lastError = null;
const latencies = [];
/** When each batch was answered and how many it stored: the rate per third of the run. */
const done = [];
const start = performance.now();
const deadline = start + job.seconds * 1000;
await Promise.all(
  Array.from({ length: job.connections }, async (_, worker) => {
    for (let n = 0; performance.now() < deadline; n++) {
      const body = batchBody(worker, n);
      const sent = performance.now();
      const { status, text } = await post(body);
      latencies.push(performance.now() - sent);
      if (status >= 200 && status < 300) {
        const n = JSON.parse(text).accepted ?? 0;
        accepted += n;
        done.push({ at: performance.now() - start, n });
        batches++;
      } else {
        failed++;
        lastError = `${status}: ${text.slice(0, 300)}`;
      }
    }
  }),
);
const elapsed = (performance.now() - start) / 1000;
const cpu = process.cpuUsage();
const third = (job.seconds * 1000) / 3;
const thirds = [0, 1, 2].map(
  (k) => done.filter((d) => d.at >= k * third && d.at < (k + 1) * third).reduce((s, d) => s + d.n, 0) / (third / 1000),
);
agent.destroy();
latencies.sort((a, b) => a - b);
const pct = (p) => Math.round(latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0);
process.stdout.write(
  `${JSON.stringify({ accepted, batches, failed, lastError, seconds: elapsed, eventsPerSec: accepted / elapsed, p50: pct(50), p95: pct(95), cpuSeconds: (cpu.user + cpu.system) / 1e6, thirds })}\n`,
);
