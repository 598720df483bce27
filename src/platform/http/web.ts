import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { problem, sendProblem } from './problem.ts';
import type { App } from './app.ts';

/** Serves the built React app (dist/web) and falls back to index.html for client-side routes. */
export async function registerWeb(app: App) {
  const dir = app.deps.config.webDistDir;
  const hasWeb = fs.existsSync(path.join(dir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: dir,
      wildcard: false,
      index: false,
      maxAge: '1h',
      immutable: false,
      setHeaders: (res, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  const indexHtml = hasWeb ? fs.readFileSync(path.join(dir, 'index.html'), 'utf8') : null;
  app.setNotFoundHandler((req, reply) => {
    const isApi = req.url.startsWith('/api/') || req.url === '/api';
    if (!isApi && indexHtml && (req.method === 'GET' || req.method === 'HEAD')) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    }
    return sendProblem(req, reply, problem.notFound('Deze pagina of dit adres', 'This page or address'));
  });
}
