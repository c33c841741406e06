import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics of the HTTP API (rest-contract §1): request count and duration by method,
 * route template (path parameters replaced by `-`) and status code.
 */
export class HttpMetrics {
  readonly registry = new Registry();
  private readonly count = new Counter({
    name: 'api_inbound_request_count',
    help: 'Number of HTTP requests served',
    labelNames: ['method', 'path', 'code'] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'api_inbound_request_duration',
    help: 'HTTP request duration in seconds',
    labelNames: ['method', 'path', 'code'] as const,
    buckets: [0.1, 1, 10, 30],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  observe(method: string, path: string, code: number, seconds: number): void {
    const labels = { method, path, code: String(code) };
    this.count.inc(labels);
    this.duration.observe(labels, seconds);
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
