import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Everything /metrics exposes; one instance per process, handed to what records into it. */
export class Metrics {
  readonly registry = new Registry();

  readonly graphqlRequests = new Counter({
    name: 'scamgraph_graphql_requests_total',
    help: 'GraphQL operations by operation name and outcome (ok, error).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'scamgraph_graphql_request_duration_seconds',
    help: 'GraphQL operation latency by operation name.',
    labelNames: ['operation'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly graphqlInFlight = new Gauge({
    name: 'scamgraph_graphql_operations_in_flight',
    help: 'GraphQL operations received and not yet answered (what a SIGTERM drain waits for).',
    registers: [this.registry],
  });

  readonly reportsIngested = new Counter({
    name: 'scamgraph_reports_ingested_total',
    help: 'Submitted reports by result: accepted, duplicate, rejected.',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly writeRetries = new Counter({
    name: 'scamgraph_write_retries_total',
    help: 'Write transactions run again after a transient error (a deadlock between concurrent batches), by statement; clients never see them.',
    labelNames: ['statement'] as const,
    registers: [this.registry],
  });

  readonly detectionRuns = new Counter({
    name: 'scamgraph_detection_runs_total',
    help: 'Campaign detection runs by engine.',
    labelNames: ['engine'] as const,
    registers: [this.registry],
  });

  readonly detectionDuration = new Histogram({
    name: 'scamgraph_detection_duration_seconds',
    help: 'Campaign detection run time by engine.',
    labelNames: ['engine'] as const,
    buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'scamgraph_' });
  }
}
