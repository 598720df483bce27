import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { problem, sendProblem } from './problem.ts';
import type { App } from './app.ts';

/**
 * Serves the built React app (dist/web) and falls back to index.html for client-side routes.
 * The build writes a .br and a .gz next to every asset (src/web/vite.config.ts); they are sent as
 * they are (`preCompressed`), so no request pays for compression. Source maps are never sent
 * unless NODE_ENV=development (production builds do not make them); dotfiles (.vite/manifest.json)
 * are not served. A missing asset or map is a 404, never the SPA page.
 */
export async function registerWeb(app: App) {
  const dir = app.deps.config.webDistDir;
  const hasWeb = fs.existsSync(path.join(dir, 'index.html'));
  // Explicitly development only: an unset NODE_ENV must not expose the source.
  const serveSourceMaps = process.env.NODE_ENV === 'development';
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: dir,
      wildcard: false,
      index: false,
      maxAge: '1h',
      immutable: false,
      preCompressed: true,
      dotfiles: 'ignore',
      // wildcard: false registers a route per file found at start: maps get none, and are refused if asked for.
      globIgnore: serveSourceMaps ? [] : ['**/*.map'],
      allowedPath: (pathName) => serveSourceMaps || !pathName.endsWith('.map'),
      setHeaders: (res, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  const indexHtml = hasWeb ? fs.readFileSync(path.join(dir, 'index.html'), 'utf8') : null;
  app.setNotFoundHandler((req, reply) => {
    const isApi = req.url.startsWith('/api/') || req.url === '/api';
    const pathname = req.url.split('?')[0]!;
    const isFile = pathname.startsWith('/assets/') || pathname.endsWith('.map') || pathname.includes('/.');
    if (!isApi && !isFile && indexHtml && (req.method === 'GET' || req.method === 'HEAD')) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    }
    return sendProblem(req, reply, problem.notFound('Deze pagina of dit adres', 'This page or address'));
  });
}
