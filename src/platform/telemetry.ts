/**
 * OpenTelemetry traces (issue 12): off unless configured (TracingConfig, parsed from the OTEL_*
 * variables by src/platform/config/config.ts). Started by the composition root before the app is
 * built: @fastify/otel registers itself on every Fastify instance created afterwards (through
 * Fastify's `fastify.initialization` diagnostics channel) and makes a span per request (named
 * "GET /api/v1/users/:id", by route template) with child spans for hooks and the handler; an
 * incoming W3C `traceparent` makes the request part of the caller's trace. Spans go over
 * OTLP/HTTP to the configured endpoint in batches. The span carries the path without the query
 * string (a query may hold a name or an address); /healthz, /readyz and /metrics are not traced.
 */
import { FastifyOtelInstrumentation } from '@fastify/otel';
import { context, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ConsoleSpanExporter, NodeTracerProvider, SimpleSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { TracingConfig } from './config/config.ts';

export interface Telemetry {
  readonly enabled: boolean;
  /** Exports the spans ended so far (tests; shutdown does it too). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

const OFF: Telemetry = { enabled: false, flush: async () => {}, shutdown: async () => {} };

const UNTRACED = new Set(['/healthz', '/readyz', '/metrics']);

export interface TelemetryOptions {
  /** Extra span processors (tests: an in-memory exporter). */
  spanProcessors?: SpanProcessor[];
}

/** Starts tracing when `config` is set; otherwise returns a no-op. Call once per process, before building the app. */
export function startTelemetry(config: TracingConfig | null, opts: TelemetryOptions = {}): Telemetry {
  if (!config) return OFF;
  const processors: SpanProcessor[] = [
    ...config.exporters.map((e) =>
      e === 'console'
        ? new SimpleSpanProcessor(new ConsoleSpanExporter())
        : new BatchSpanProcessor(new OTLPTraceExporter({ url: config.tracesUrl })),
    ),
    ...(opts.spanProcessors ?? []),
  ];
  const fastifyInstrumentation = new FastifyOtelInstrumentation({
    registerOnInitialization: true,
    ignorePaths: (route: { url?: string }) => UNTRACED.has(route.url ?? ''),
    requestHook: (span, request) => {
      span.updateName(`${request.method} ${request.routeOptions.url ?? 'unmatched'}`);
      span.setAttribute('url.path', request.url.split('?')[0] ?? '/');
    },
  });
  // The trace SDK only (not @opentelemetry/sdk-node, which brings every exporter of every signal):
  // the provider with W3C trace-context propagation and async-local context, and @fastify/otel.
  const provider = new NodeTracerProvider({ resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.serviceName }), spanProcessors: processors });
  provider.register();
  const unregister = registerInstrumentations({ tracerProvider: provider, instrumentations: [fastifyInstrumentation] });
  let stopped = false;
  return {
    enabled: true,
    flush: async () => {
      await Promise.all(processors.map((p) => p.forceFlush()));
    },
    shutdown: async () => {
      if (stopped) return;
      stopped = true;
      unregister();
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
