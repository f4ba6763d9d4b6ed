// Load generator for bench/enforce.bench.ts, run as its own process so that it does not share
// an event loop with the bench driver. Reads one JSON job from argv, prints one JSON result line.
import autocannon from 'autocannon';

const job = JSON.parse(process.argv[2]);
const result = await autocannon({
  url: job.url,
  method: job.method ?? 'GET',
  headers: job.headers ?? {},
  body: job.body,
  connections: job.connections ?? 10,
  duration: job.duration ?? 15,
  overallRate: job.rate,
});
process.stdout.write(
  `${JSON.stringify({
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  })}\n`,
);
