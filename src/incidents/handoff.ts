/** The on-call handoff: the incidents of a period per channel, open ones first. Pure. */
import { type Trend, trendOf } from '../core/trend.ts';
import type { Sample } from '../core/types.ts';
import type { Incident, Mark } from '../store/store.ts';

export interface HandoffItem {
  id: number;
  channel: string;
  status: Incident['status'];
  title: string;
  framework: string | null;
  occurrences: number;
  firstSeen: string;
  lastSeen: string;
  latestUsedBytes: number | null;
  latestMaxBytes: number | null;
  trend: { bytesPerDay: number; exhaustionAt: string | null; readings: number } | null;
  playbook: { id: string; title: string | null } | null;
  marks: { action: Mark['action']; user: string; at: string }[];
  link: string | null;
}

export interface Handoff {
  since: string;
  until: string;
  open: number;
  total: number;
  channels: { channel: string; incidents: HandoffItem[] }[];
}

const iso = (ms: number) => new Date(ms).toISOString();

export function trendFor(incident: Pick<Incident, 'latestMax'>, samples: Sample[]): Trend | null {
  return trendOf(samples, incident.latestMax);
}

export function buildHandoff(
  incidents: Incident[],
  marks: Mark[],
  samples: (id: number) => Sample[],
  since: number,
  now: number,
): Handoff {
  const byChannel = new Map<string, HandoffItem[]>();
  for (const inc of incidents) {
    const t = trendFor(inc, samples(inc.id));
    const item: HandoffItem = {
      id: inc.id,
      channel: inc.channel,
      status: inc.status,
      title: inc.title,
      framework: inc.framework,
      occurrences: inc.occurrences,
      firstSeen: iso(inc.firstSeen),
      lastSeen: iso(inc.lastSeen),
      latestUsedBytes: inc.latestUsed,
      latestMaxBytes: inc.latestMax,
      trend: t
        ? {
            bytesPerDay: Math.round(t.bytesPerDay),
            exhaustionAt:
              t.exhaustionMs !== null ? iso((t.readings.at(-1)?.at ?? now) + t.exhaustionMs) : null,
            readings: t.readings.length,
          }
        : null,
      playbook: inc.playbookId ? { id: inc.playbookId, title: inc.playbookTitle } : null,
      marks: marks
        .filter((m) => m.incidentId === inc.id)
        .map((m) => ({ action: m.action, user: m.userId, at: iso(m.at) })),
      link: inc.firstPermalink,
    };
    byChannel.set(inc.channel, [...(byChannel.get(inc.channel) ?? []), item]);
  }
  const rank = (s: Incident['status']) => (s === 'open' ? 0 : s === 'mitigated' ? 1 : 2);
  const channels = [...byChannel.entries()]
    .map(([channel, items]) => ({
      channel,
      incidents: items.sort(
        (a, b) => rank(a.status) - rank(b.status) || b.lastSeen.localeCompare(a.lastSeen),
      ),
    }))
    .sort(
      (a, b) =>
        rank(a.incidents[0]?.status ?? 'resolved') - rank(b.incidents[0]?.status ?? 'resolved') ||
        a.channel.localeCompare(b.channel),
    );
  return {
    since: iso(since),
    until: iso(now),
    open: incidents.filter((i) => i.status !== 'resolved').length,
    total: incidents.length,
    channels,
  };
}
