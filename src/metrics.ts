/**
 * What the bot counts for whoever operates it, in Prometheus's text format through
 * prom-client, served at /metrics. Labels are platform keys, lease names and error codes,
 * never a chat's content. docs/deploy.md says what each metric means.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();

/** Updates the channel took (kept), per platform. */
export const updatesReceived = new Counter({
  name: 'haicap_updates_received_total',
  help: 'Updates taken from a chat platform (polling or webhook), kept before handling.',
  labelNames: ['platform'] as const,
  registers: [registry],
});

/** Updates answered completely, per platform. */
export const updatesAnswered = new Counter({
  name: 'haicap_updates_answered_total',
  help: 'Updates handled completely (answered, or deliberately left unanswered).',
  labelNames: ['platform'] as const,
  registers: [registry],
});

/** From an update kept to its reply handed to the platform (or the outbox). */
export const replyLatency = new Histogram({
  name: 'haicap_reply_latency_seconds',
  help: 'Time from an update being kept to its reply delivered or queued.',
  labelNames: ['platform'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

/** Sends the platform refused for now, by the delivery error code (rate_limited, quota_exceeded, unavailable). */
export const sendFailures = new Counter({
  name: 'haicap_send_failures_total',
  help: 'Sends that failed and will be retried (429s as rate_limited or quota_exceeded, 5xx and network as unavailable).',
  labelNames: ['platform', 'code'] as const,
  registers: [registry],
});

/** Retries of a send, in the call or from the outbox. */
export const sendRetries = new Counter({
  name: 'haicap_send_retries_total',
  help: 'Sends tried again after a failure (within the call, or later from the outbox).',
  labelNames: ['platform'] as const,
  registers: [registry],
});

/** Messages waiting in the outbox, and the age of the oldest (set when scraped). */
export const outboxDepth = new Gauge({
  name: 'haicap_outbox_depth',
  help: 'Messages waiting in the outbox.',
  labelNames: ['platform'] as const,
  registers: [registry],
});
export const outboxOldestAge = new Gauge({
  name: 'haicap_outbox_oldest_age_seconds',
  help: 'Age of the oldest message waiting in the outbox (0 when none waits).',
  labelNames: ['platform'] as const,
  registers: [registry],
});

/** Digests sent, and digests sent after their slot (a restart caught up) or skipped. */
export const digestsSent = new Counter({
  name: 'haicap_digests_sent_total',
  help: 'Scheduled digests handed to the outbox.',
  registers: [registry],
});
export const digestsLate = new Counter({
  name: 'haicap_digests_late_total',
  help: 'Scheduled digests sent late (after a restart) or skipped (too late that day).',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

/** Hours since the last import of figures (set when scraped). */
export const importAge = new Gauge({
  name: 'haicap_import_age_seconds',
  help: 'Time since the last import of figures finished.',
  registers: [registry],
});

/** Leases this instance holds (1) or not (0). */
export const leaseHeld = new Gauge({
  name: 'haicap_lease_held',
  help: 'Whether this instance holds a lease (polling a platform, the scheduler).',
  labelNames: ['lease'] as const,
  registers: [registry],
});
