/** npm start: the whole platform (API + web) on one port. */
import closeWithGrace from 'close-with-grace';
import { loadConfig } from './config/config.ts';
import { createServer } from './server.ts';

const config = loadConfig();
const server = await createServer(config);
await server.app.listen({ port: config.port, host: config.host });
server.app.log.info(
  { url: config.publicBaseUrl, database: server.database.kind, dataDir: server.database.kind === 'pglite' ? config.dataDir : undefined },
  'Thuisroute is running',
);

// Graceful shutdown: stop accepting, finish in-flight requests, close the database.
closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) server.app.log.error({ err }, 'shutting down after an error');
  else server.app.log.info({ signal }, 'shutting down');
  await server.close();
});
