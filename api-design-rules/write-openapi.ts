/**
 * Writes the API's OpenAPI document to a file (default tmp/openapi.json) for `npm run lint:api`:
 * the app is built as the integration tests build it (embedded PGlite in memory, no demo data,
 * no listening socket) and the document is fetched with an injected GET /api/v1/openapi.json.
 *
 *   tsx api-design-rules/write-openapi.ts [out-file]
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../src/platform/config/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { createServer } from '../src/app/server.ts';

const out = path.resolve(process.argv[2] ?? 'tmp/openapi.json');
const config = { ...loadConfig({ NODE_ENV: 'test', DEMO_SEED: 'false' }), demoSeed: false, demoCases: false };
const database = await openDatabase({ databaseUrl: null, dataDir: 'memory://' });
const server = await createServer(config, undefined, database);
try {
  const res = await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`GET /api/v1/openapi.json answered ${res.statusCode}: ${res.body}`);
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(out, JSON.stringify(res.json(), null, 2) + '\n');
  console.log(`OpenAPI document written to ${path.relative(process.cwd(), out)}`);
} finally {
  await server.close();
}
