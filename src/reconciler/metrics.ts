import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Prometheus metrics of the reconciler: queue depth, reconcile duration, errors by kind and reason. */
export class ReconcilerMetrics {
  readonly queueDepth: Gauge;
  readonly duration: Histogram<'kind'>;
  readonly errors: Counter<'kind' | 'reason'>;
  readonly leader: Gauge;

  constructor(registry: Registry) {
    this.queueDepth = new Gauge({ name: 'ambient_reconcile_queue_depth', help: 'Keys waiting or being reconciled', registers: [registry] });
    this.duration = new Histogram({
      name: 'ambient_reconcile_duration_seconds',
      help: 'Duration of one reconcile pass',
      labelNames: ['kind'],
      buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers: [registry],
    });
    this.errors = new Counter({
      name: 'ambient_reconcile_errors_total',
      help: 'Failed reconcile passes and reported problems',
      labelNames: ['kind', 'reason'],
      registers: [registry],
    });
    this.leader = new Gauge({ name: 'ambient_reconcile_leader', help: '1 while this process is the elected reconciler', registers: [registry] });
  }
}
