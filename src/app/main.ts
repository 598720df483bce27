/** npm start: the whole platform (API + web) on one port, with the modules of src/app/modules.ts and their jobs. */
import closeWithGrace from 'close-with-grace';
import { loadConfig } from '../platform/config/config.ts';
import { startJobs } from '../platform/jobs/jobs.ts';
import { auditHead } from '../platform/audit/sealer.ts';
import { mailSettingsFromEnv } from '../platform/mail.ts';
import { startTelemetry } from '../platform/telemetry.ts';
import { MODULES } from './modules.ts';
import { createServer } from './server.ts';

const config = loadConfig();
// OpenTelemetry traces (OTEL_EXPORTER_OTLP_ENDPOINT …; off by default): before the app is built.
const telemetry = startTelemetry(config.tracing);
const mail = mailSettingsFromEnv(); // SMTP_URL, MAIL_FROM (fails fast on a malformed SMTP_URL)
const server = await createServer(config);
await server.app.listen({ port: config.port, host: config.host });
server.app.log.info(
  { url: config.publicBaseUrl, database: server.database.kind, dataDir: server.database.kind === 'pglite' ? config.dataDir : undefined },
  'Thuisroute is running',
);

// Anchor the audit trail: log the head of the hash chain periodically, so a cut-off
// tail can be detected against the shipped logs (docs/adr/0003-audit-hash-chain.md).
const anchor = async () => {
  const head = await auditHead(server.database.db); // the newest link of the seal chain (ADR 0014)
  if (head) server.app.log.info({ auditHeadChainNo: head.chainNo, auditHeadSeq: head.seq, auditHeadHash: head.hash }, 'audit trail head');
};
const anchorTimer = setInterval(() => void anchor().catch((err) => server.app.log.warn({ err }, 'audit anchor failed')), config.auditAnchorIntervalSeconds * 1000);
anchorTimer.unref();
await anchor();

// Background jobs of the modules: due deletions (hourly), daily digest (07:00 Europe/Amsterdam), outbox (every 30 s).
const jobs = startJobs(MODULES, { database: server.database, clock: server.app.deps.clock, config, mail, log: server.app.log.child({ component: 'jobs' }), scopes: server.app.scopes });

// Graceful shutdown: stop accepting, finish in-flight requests, close the database.
closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) server.app.log.error({ err }, 'shutting down after an error');
  else server.app.log.info({ signal }, 'shutting down');
  clearInterval(anchorTimer);
  await jobs.stop();
  await server.close();
  await telemetry.shutdown();
});
