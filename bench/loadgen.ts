/**
 * The load generator, run as a child process of bench/run.ts so that autocannon
 * does not share an event loop (or a core) with the server under test.
 *
 * Protocol (IPC): the parent sends `{ type: 'ids', ids }` once, then jobs
 * `{ type: 'job', … }`; for each job the child answers `{ type: 'result', … }`
 * or `{ type: 'error', … }`.
 *
 * Latency is recorded here from autocannon's per-response timing (float ms, 2xx
 * only), because autocannon's own histogram has 1 ms resolution — too coarse for
 * sub-millisecond loopback floors. autocannon's figures are kept for comparison.
 */
import autocannon from 'autocannon';
import { mulberry32 } from './synthetic.ts';

export interface LoadJob {
  type: 'job';
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  /** Fixed path, or a prefix to which a random id from the id list is appended. */
  path: string;
  randomId: boolean;
  /** Seed for the id sequence: the same seed replays the same ids. */
  seed: number;
  connections: number;
  durationS: number;
  warmupS: number;
  headers?: Record<string, string>;
}

export interface LatencySummary {
  mean: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  p99_9: number;
  max: number;
}

export interface LoadResult {
  type: 'result';
  connections: number;
  durationS: number;
  /** Completed 2xx responses during the measured window. */
  ok: number;
  non2xx: number;
  statusCounts: Record<string, number>;
  errors: number;
  timeouts: number;
  /** 2xx responses per second over the measured window. */
  reqPerSec: number;
  /** autocannon's mean of per-second request samples (all statuses). */
  autocannonReqPerSecMean: number;
  /** Float-ms latency percentiles of 2xx responses (nearest rank). */
  latencyMs: LatencySummary;
  /** autocannon's own 1 ms-resolution latency percentiles. */
  autocannonLatencyMs: { p50: number; p97_5: number; p99: number; max: number };
  bytesPerSec: number;
  /** Requests completed during the warm-up (discarded). */
  warmupRequests: number;
  warmupOk: number;
}

type Message = { type: 'ids'; ids: string[] } | LoadJob;

let ids: string[] = [];

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;

async function fire(job: LoadJob, durationS: number, seed: number) {
  const rng = mulberry32(seed);
  if (job.randomId && ids.length === 0) throw new Error('random ids requested but no ids were sent');
  let latencies = new Float64Array(1 << 16);
  let n = 0;
  const statusCounts: Record<string, number> = {};
  const options: autocannon.Options = {
    url: job.origin,
    connections: job.connections,
    duration: durationS,
    timeout: 10,
    headers: job.headers ?? {},
    requests: [
      {
        method: 'GET',
        path: job.path,
        setupRequest: (req) => {
          req.path = job.randomId ? `${job.path}${ids[rng.int(ids.length)]}` : job.path;
          return req;
        },
      },
    ],
  };
  let instance!: autocannon.Instance;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(options, (err: unknown, res) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)));
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    const key = String(statusCode);
    statusCounts[key] = (statusCounts[key] ?? 0) + 1;
    if (statusCode < 200 || statusCode >= 300) return;
    if (n === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2);
      bigger.set(latencies);
      latencies = bigger;
    }
    latencies[n++] = responseTime;
  });
  const result = await done;
  const sorted = latencies.slice(0, n).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  return { result, sorted, sum, n, statusCounts };
}

async function runJob(job: LoadJob): Promise<LoadResult> {
  let warmupRequests = 0;
  let warmupOk = 0;
  if (job.warmupS > 0) {
    // Warm-up with another id sequence, so the measured run does not start on a cache primed with its own ids.
    const w = await fire(job, job.warmupS, job.seed ^ 0x5bd1e995);
    warmupRequests = Object.values(w.statusCounts).reduce((s, x) => s + x, 0);
    warmupOk = w.n;
  }
  const { result, sorted, sum, n, statusCounts } = await fire(job, job.durationS, job.seed);
  const duration = result.duration;
  return {
    type: 'result',
    connections: job.connections,
    durationS: round(duration, 3),
    ok: n,
    non2xx: result.non2xx,
    statusCounts,
    errors: result.errors,
    timeouts: result.timeouts,
    reqPerSec: round(n / duration, 1),
    autocannonReqPerSecMean: round(result.requests.mean, 1),
    latencyMs: {
      mean: round(n ? sum / n : 0),
      p50: round(percentile(sorted, 50)),
      p90: round(percentile(sorted, 90)),
      p97_5: round(percentile(sorted, 97.5)),
      p99: round(percentile(sorted, 99)),
      p99_9: round(percentile(sorted, 99.9)),
      max: round(n ? sorted[n - 1]! : 0),
    },
    autocannonLatencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
    bytesPerSec: round(result.throughput.mean, 0),
    warmupRequests,
    warmupOk,
  };
}

process.on('message', (msg: Message) => {
  if (msg.type === 'ids') {
    ids = msg.ids;
    process.send?.({ type: 'ids-ok', count: ids.length });
    return;
  }
  runJob(msg).then(
    (r) => process.send?.(r),
    (err: unknown) => process.send?.({ type: 'error', message: err instanceof Error ? err.stack ?? err.message : String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
