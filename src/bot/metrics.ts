/** Prometheus metrics of the bot, served on GET /metrics in HTTP mode. */
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export class Metrics {
  readonly registry = new Registry();
  constructor() {
    // The process's own figures (resident memory, V8 heap, event-loop lag, GC) beside the bot's.
    collectDefaultMetrics({ register: this.registry });
  }
  readonly events = new Counter({
    name: 'netty_oom_events_received_total',
    help: 'Slack events, commands and shortcuts received',
    labelNames: ['type'],
    registers: [this.registry],
  });
  readonly detected = new Counter({
    name: 'netty_oom_traces_detected_total',
    help: 'Inputs in which a direct-memory OOM or LEAK report was detected',
    labelNames: ['surface'],
    registers: [this.registry],
  });
  readonly replies = new Counter({
    name: 'netty_oom_replies_posted_total',
    help: 'Replies posted to Slack',
    labelNames: ['surface'],
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'netty_oom_errors_total',
    help: 'Errors while handling an event (the event is logged with its id)',
    labelNames: ['surface'],
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'netty_oom_reply_latency_seconds',
    help: 'From receiving an event to its reply being posted',
    labelNames: ['surface'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
}
