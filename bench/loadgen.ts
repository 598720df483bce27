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
 *
 * Two load shapes:
 * - closed loop (default): every connection sends its next request as soon as the previous
 *   answer arrives — the server runs saturated, and by Little's law the mean latency is
 *   connections ÷ throughput;
 * - paced (`pace`): every connection sends `perConnectionRate` requests per second. autocannon
 *   releases a connection's quota at the start of each second, all connections at the same
 *   instant; to avoid one thundering herd per second the connections are split over `groups`
 *   autocannon instances started 1000/groups ms apart, so the arrivals are spread over the second.
 */
import os from 'node:os';
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
  /** Paced load instead of a closed loop; see the header. */
  pace?: { perConnectionRate: number; groups: number };
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
  /** 2xx responses that arrived in the measured window. */
  ok: number;
  /** Other responses that arrived in the measured window. */
  non2xx: number;
  statusCounts: Record<string, number>;
  /** autocannon's errors and timeouts (connection errors, no answer within 10 s) over the whole run, warm-up included. */
  errors: number;
  timeouts: number;
  /** Requests sent over the whole run, and those never answered (still in flight at the end, or timed out). */
  sent: number;
  unanswered: number;
  /** 2xx responses per second over the measured window. */
  reqPerSec: number;
  /** autocannon's mean of per-second request samples (all statuses). */
  autocannonReqPerSecMean: number;
  /** Float-ms latency percentiles of 2xx responses (nearest rank). */
  latencyMs: LatencySummary;
  /** autocannon's own 1 ms-resolution latency percentiles (whole run incl. warm-up; first instance of a paced run). */
  autocannonLatencyMs: { p50: number; p97_5: number; p99: number; max: number };
  bytesPerSec: number;
  /** Responses that arrived during the warm-up (discarded). */
  warmupRequests: number;
  warmupOk: number;
  /** Paced runs: the offered rate (requests per second over all connections); null for a closed loop. */
  offeredRatePerSec: number | null;
  /** os.loadavg() (1, 5, 15 min) when the measured window started and when it ended. */
  loadAverage: { start: number[]; end: number[] };
}

type Message = { type: 'ids'; ids: string[] } | LoadJob;

let ids: string[] = [];

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;

/**
 * One continuous run of warm-up + measured window. Only responses that arrive inside the
 * window [start + warmupS, start + warmupS + durationS] count. (A separate warm-up run would
 * leave its unanswered requests queued in the server, to be worked off during the measured run.)
 * Requests sent during the warm-up draw from another id sequence, so the measured ids do not hit
 * a cache primed with themselves; the measured ids replay the same sequence for the same seed.
 */
async function runJob(job: LoadJob): Promise<LoadResult> {
  if (job.randomId && ids.length === 0) throw new Error('random ids requested but no ids were sent');
  const warmupRng = mulberry32(job.seed ^ 0x5bd1e995);
  const rng = mulberry32(job.seed);
  let latencies = new Float64Array(1 << 16);
  let n = 0;
  let sum = 0;
  let warmupRequests = 0;
  let warmupOk = 0;
  const statusCounts: Record<string, number> = {};
  const groups = job.pace ? Math.max(1, Math.min(job.pace.groups, job.connections)) : 1;
  const t0 = performance.now();
  const windowStart = t0 + job.warmupS * 1000;
  const windowEnd = windowStart + job.durationS * 1000;
  let loadStart: number[] | null = job.warmupS > 0 ? null : os.loadavg().map((x) => round(x, 2));
  const options = (connections: number, stagger: number): autocannon.Options => ({
    url: job.origin,
    connections,
    // Every instance runs to the end of the window (a paced run's later groups start later).
    duration: job.warmupS + job.durationS - stagger / 1000,
    timeout: 10,
    headers: job.headers ?? {},
    ...(job.pace ? { overallRate: connections * job.pace.perConnectionRate } : {}),
    requests: [
      {
        method: 'GET',
        path: job.path,
        setupRequest: (req) => {
          const r = performance.now() < windowStart ? warmupRng : rng;
          req.path = job.randomId ? `${job.path}${ids[r.int(ids.length)]}` : job.path;
          return req;
        },
      },
    ],
  });
  const onResponse = (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    const now = performance.now();
    if (now < windowStart) {
      warmupRequests++;
      if (statusCode >= 200 && statusCode < 300) warmupOk++;
      return;
    }
    loadStart ??= os.loadavg().map((x) => round(x, 2));
    if (now > windowEnd) return;
    const key = String(statusCode);
    statusCounts[key] = (statusCounts[key] ?? 0) + 1;
    if (statusCode < 200 || statusCode >= 300) return;
    if (n === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2);
      bigger.set(latencies);
      latencies = bigger;
    }
    latencies[n++] = responseTime;
    sum += responseTime;
  };
  const runs: Array<Promise<autocannon.Result>> = [];
  for (let g = 0; g < groups; g++) {
    const connections = Math.floor(job.connections / groups) + (g < job.connections % groups ? 1 : 0);
    const stagger = (g * 1000) / groups;
    if (g > 0) await new Promise((r) => setTimeout(r, t0 + stagger - performance.now()));
    let instance!: autocannon.Instance;
    runs.push(new Promise<autocannon.Result>((resolve, reject) => {
      instance = autocannon(options(connections, stagger), (err: unknown, res) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)));
    }));
    instance.on('response', onResponse);
  }
  const all = await Promise.all(runs);
  const loadEnd = os.loadavg().map((x) => round(x, 2));
  const result = all[0]!;
  const sorted = latencies.slice(0, n).sort();
  const non2xx = Object.entries(statusCounts).reduce((acc, [code, c]) => (Number(code) >= 200 && Number(code) < 300 ? acc : acc + c), 0);
  const sent = all.reduce((acc, r) => acc + (r.requests.sent ?? 0), 0);
  const answered = warmupRequests + Object.values(statusCounts).reduce((a, b) => a + b, 0);
  return {
    type: 'result',
    connections: job.connections,
    durationS: job.durationS,
    ok: n,
    non2xx,
    statusCounts,
    errors: all.reduce((acc, r) => acc + r.errors, 0),
    timeouts: all.reduce((acc, r) => acc + r.timeouts, 0),
    sent,
    unanswered: Math.max(0, sent - answered),
    reqPerSec: round(n / job.durationS, 1),
    autocannonReqPerSecMean: round(all.reduce((acc, r) => acc + r.requests.mean, 0), 1),
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
    bytesPerSec: round(all.reduce((acc, r) => acc + r.throughput.mean, 0), 0),
    warmupRequests,
    warmupOk,
    offeredRatePerSec: job.pace ? job.connections * job.pace.perConnectionRate : null,
    loadAverage: { start: loadStart ?? loadEnd, end: loadEnd },
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
