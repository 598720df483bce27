# syntax=docker/dockerfile:1
# Thuisroute: API + web app on one port (docs/deployment.md).
#
#   docker build -t thuisroute .
#   docker compose up            # with PostgreSQL, migrations as a one-shot service (compose.yaml)
#
# Stage "build" installs everything and builds the web app (dist/web) once. Stage "runtime" has
# production dependencies only (no Vite, no tsx, no TypeScript compiler): Node 24 runs the
# TypeScript sources itself (native type stripping). The runtime writes nothing outside /tmp, so
# it runs with a read-only root file system (compose.yaml: read_only: true, tmpfs /tmp).

ARG NODE_IMAGE=node:24-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/build-web.mjs ./scripts/
# The `prepare` script (scripts/build-web.mjs) finds no web sources yet and skips; the build follows below.
RUN npm ci --no-audit --no-fund --loglevel=error
COPY . .
RUN npm run build:web

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=8080 \
    HOST=0.0.0.0 \
    WEB_DIST_DIR=/app/dist/web \
    DATA_DIR=/tmp/thuisroute-data \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only; no install scripts (argon2 loads its prebuilt N-API binary).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error \
 && npm cache clean --force \
 && rm -rf /root/.npm /tmp/*
COPY LICENSE publiccode.yml ./
COPY scripts/start.mjs scripts/build-web.mjs ./scripts/
COPY migrations ./migrations
COPY src ./src
COPY --from=build /app/dist/web ./dist/web
# The image's unprivileged user (uid 1000); the files above stay owned by root, read-only to it.
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Migrations: `node scripts/start.mjs src/platform/db/migrate-cli.ts` (the compose "migrate" service).
CMD ["node", "scripts/start.mjs"]
