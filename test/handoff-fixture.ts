/**
 * A week of incidents as the store returns them, built from analyzed fixtures: what the handoff
 * model and its renderings are tested on.
 */
import type { Sample } from '../src/core/types.ts';
import { buildHandoff } from '../src/incidents/handoff.ts';
import { headlineOf } from '../src/render/blocks.ts';
import type { Incident, Mark } from '../src/store/store.ts';
import { goldenReport } from './fixture-files.ts';
import { kb } from './helpers.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** When the handoff is written: a week after the first reading of multi-trace.log. */
export const NOW = Date.parse('2024-06-10T09:00:00Z');

/** An incident of an analyzed fixture, first seen `firstSeen` and last seen `lastSeen` (ms). */
export function incidentOf(
  id: number,
  golden: string,
  over: Partial<Incident> & Pick<Incident, 'channel' | 'firstSeen' | 'lastSeen'>,
): Incident {
  const report = goldenReport(golden);
  const playbook = over.playbookId ? kb.playbooks.find((p) => p.id === over.playbookId) : undefined;
  return {
    id,
    fingerprint: `fp-${golden}`,
    status: 'open',
    kind: report.summary.kind ?? 'oodm',
    framework: report.summary.frameworks.find((f) => f.id !== 'netty' && !f.fromPackage)?.id ?? null,
    firstFrame: null,
    title: headlineOf(report, kb.analyzer),
    playbookId: null,
    playbookTitle: playbook?.title.en ?? null,
    occurrences: 1,
    firstThreadTs: '1717405923.000100',
    firstPermalink: `https://acme.slack.com/archives/${over.channel}/p1717405923000100`,
    replyChannel: over.channel,
    replyTs: '1717405924.000200',
    latestUsed: report.summary.usedBytes,
    latestMax: report.summary.maxBytes,
    ...over,
  };
}

/** The readings multi-trace.log kept: three OOMs three hours apart, each 1 MiB higher. */
export const MULTI_TRACE_SAMPLES: Sample[] = goldenReport('pastes/multi-trace').summary.samples;

export const INCIDENTS: Incident[] = [
  incidentOf(1, 'pastes/multi-trace', {
    channel: 'C0ORDERS',
    firstSeen: Date.parse('2024-06-03T07:12:05Z'),
    lastSeen: Date.parse('2024-06-03T13:13:10Z'),
    occurrences: 3,
    playbookId: 'netty-inbound-handler-retains',
  }),
  incidentOf(2, '000-reactor-netty-load-test', {
    channel: 'C0GATEWAY',
    status: 'mitigated',
    firstSeen: NOW - 2 * DAY,
    lastSeen: NOW - DAY,
    occurrences: 2,
    playbookId: 'reactor-netty-load-burst',
  }),
  incidentOf(3, 'pastes/jdk8-direct-buffer', {
    channel: 'C0ORDERS',
    status: 'resolved',
    firstSeen: NOW - 3 * DAY,
    lastSeen: NOW - 3 * DAY,
    firstPermalink: null,
  }),
  incidentOf(4, 'pastes/outbound-write', {
    channel: 'C0ORDERS',
    firstSeen: NOW - 5 * HOUR,
    lastSeen: NOW - HOUR,
  }),
];

export const MARKS: Mark[] = [
  {
    incidentId: 1,
    action: 'helpful',
    userId: 'U0BOB',
    at: NOW - 4 * DAY,
    playbookId: 'netty-inbound-handler-retains',
  },
  { incidentId: 1, action: 'not-helpful', userId: 'U0EVE', at: NOW - 4 * DAY, playbookId: null },
  { incidentId: 2, action: 'mitigated', userId: 'U0ALICE', at: NOW - DAY + HOUR, playbookId: null },
  { incidentId: 3, action: 'resolved', userId: 'U0BOB', at: NOW - 2 * DAY, playbookId: null },
];

/** The last seven days' handoff of these incidents. */
export const WEEK = buildHandoff(
  INCIDENTS,
  MARKS,
  (id) => (id === 1 ? MULTI_TRACE_SAMPLES : []),
  NOW - 7 * DAY,
  NOW,
);
