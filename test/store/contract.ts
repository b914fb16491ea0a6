/**
 * What every incident store must do, written once and run against each backend: a backend passes
 * this suite or it is not a store. Each test starts from an empty store and a clock it moves itself.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Sample, Summary } from '../../src/core/types.ts';
import { DEDUPE_TTL, type Incident, type NewOccurrence, type Store } from '../../src/store/store.ts';

export interface StoreUnderTest {
  store: Store;
  /** Close the store (it may be closed already) and remove whatever it kept. */
  cleanup(): Promise<void>;
}

/** Opens an empty store whose claims age by `now`. */
export type MakeStore = (now: () => number) => Promise<StoreUnderTest>;

const T0 = Date.UTC(2024, 2, 1, 9, 0, 0);
const MINUTE = 60_000;
const DAY = 86_400_000;

/** A reading `minutes` after 10:00 on 2024-03-01. */
const sample = (minutes: number, usedBytes = 1000 + minutes): Sample => ({
  timestamp: new Date(Date.UTC(2024, 2, 1, 10, minutes)).toISOString(),
  usedBytes,
});

function summary(usedBytes: number | null, maxBytes: number | null, samples: Sample[]): Summary {
  return {
    kind: 'oodm',
    requestedBytes: 16_777_216,
    usedBytes,
    maxBytes,
    headroomBytes: null,
    utilization: null,
    frameworks: [
      {
        id: 'reactor-netty',
        name: 'Reactor Netty',
        evidence: 'reactor.netty.http.server.HttpServerOperations',
      },
    ],
    shadedPrefix: null,
    nettyPropertyPrefix: 'io.netty.',
    nettyVersion: '4.1.100.Final',
    transport: 'epoll',
    threads: ['reactor-http-epoll-3'],
    allocationPath: 'pooled-chunk',
    limitOrigin: { guess: 'explicit-max-direct-memory-size', evidence: 'max 8 GiB is a round figure' },
    ioDirection: 'inbound-read',
    leakSites: [],
    samples,
    heap: null,
  };
}

interface Paste {
  at?: number;
  channel?: string;
  /** Which failure: pastes with the same key are the same failure. */
  key?: string;
  used?: number | null;
  samples?: Sample[];
  playbook?: { id: string; title: string } | null;
}

/** An occurrence as the bot records it, the same failure unless `key` says otherwise. */
export function paste(p: Paste = {}): NewOccurrence {
  const used = p.used === undefined ? 4_294_967_296 : p.used;
  const samples = p.samples ?? [];
  return {
    at: p.at ?? T0,
    channel: p.channel ?? 'CORDERS',
    threadTs: '1709283600.000100',
    messageTs: '1709283600.000100',
    userId: 'U0ALICE',
    fingerprint: {
      key: p.key ?? 'fp-orders',
      kind: 'oodm',
      exceptionClass: 'io.netty.util.internal.OutOfDirectMemoryError',
      framework: 'reactor-netty',
      firstFrame: 'com.acme.orders.OrderHandler.channelRead',
      maxBytes: 8_589_934_592,
    },
    title: 'Direct memory exhausted: 4 GiB of 8 GiB used',
    summary: summary(used, 8_589_934_592, samples),
    findings: [],
    playbook:
      p.playbook === undefined ? { id: 'load-burst', title: 'A load burst beyond capacity' } : p.playbook,
    samples,
  };
}

/** The run of the contract for one backend, under `name`. */
export function storeContract(name: string, makeStore: MakeStore): void {
  describe(`the incident store contract (${name})`, () => {
    let clock = T0;
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      clock = T0;
      ({ store, cleanup } = await makeStore(() => clock));
    });
    afterEach(async () => {
      await cleanup();
    });

    const ids = (incidents: Incident[]) => incidents.map((i) => i.id);
    const mark = (
      incidentId: number,
      action: 'mitigated' | 'resolved' | 'helpful' | 'not-helpful',
      at = T0,
    ) => store.mark({ incidentId, action, userId: 'U0BOB', at, playbookId: 'load-burst' });

    describe('record', () => {
      it('opens an incident for a new failure with what the paste says', async () => {
        const rec = await store.record(paste({ samples: [sample(5), sample(1)] }));
        assert.equal(rec.isNew, true);
        assert.equal(rec.elsewhere, null);
        assert.deepEqual(rec.incident, {
          id: rec.incident.id,
          channel: 'CORDERS',
          fingerprint: 'fp-orders',
          status: 'open',
          kind: 'oodm',
          framework: 'reactor-netty',
          firstFrame: 'com.acme.orders.OrderHandler.channelRead',
          title: 'Direct memory exhausted: 4 GiB of 8 GiB used',
          playbookId: 'load-burst',
          playbookTitle: 'A load burst beyond capacity',
          firstSeen: T0,
          lastSeen: T0,
          occurrences: 1,
          firstThreadTs: '1709283600.000100',
          firstPermalink: null,
          replyChannel: null,
          replyTs: null,
          latestUsed: 4_294_967_296,
          latestMax: 8_589_934_592,
        });
        assert.deepEqual(rec.samples, [sample(1), sample(5)]);
        assert.deepEqual(await store.get(rec.incident.id), rec.incident);
      });

      it('groups repeats in the same channel into one incident and counts the occurrences', async () => {
        const first = await store.record(paste());
        const second = await store.record(paste({ at: T0 + 10 * MINUTE, used: 6_442_450_944 }));
        // A paste of an older log arrives late, without a usage figure.
        const third = await store.record(paste({ at: T0 - MINUTE, used: null }));
        assert.equal(second.incident.id, first.incident.id);
        assert.equal(third.incident.id, first.incident.id);
        assert.deepEqual([second.isNew, third.isNew], [false, false]);
        assert.equal(new Set([first, second, third].map((r) => r.occurrenceId)).size, 3);
        assert.deepEqual(third.incident, {
          ...first.incident,
          firstSeen: T0,
          lastSeen: T0 + 10 * MINUTE,
          occurrences: 3,
          latestUsed: 6_442_450_944,
        });
      });

      it('opens a separate incident for another failure in the same channel', async () => {
        const orders = await store.record(paste());
        const billing = await store.record(paste({ key: 'fp-billing' }));
        assert.notEqual(billing.incident.id, orders.incident.id);
        assert.equal(billing.isNew, true);
        assert.equal(billing.elsewhere, null);
      });

      it('opens a separate incident in another channel, pointing to the first one elsewhere', async () => {
        const first = await store.record(paste({ channel: 'CORDERS' }));
        await store.setReply(
          first.incident.id,
          first.occurrenceId,
          null,
          'https://x.slack.com/archives/CORDERS/p1',
        );
        const other = await store.record(paste({ channel: 'CPAY', at: T0 + MINUTE }));
        assert.notEqual(other.incident.id, first.incident.id);
        assert.equal(other.isNew, true);
        assert.equal(other.incident.occurrences, 1);
        assert.equal(other.elsewhere?.id, first.incident.id);
        assert.equal(other.elsewhere?.firstPermalink, 'https://x.slack.com/archives/CORDERS/p1');
        const third = await store.record(paste({ channel: 'CSHIP', at: T0 + 2 * MINUTE }));
        assert.equal(third.elsewhere?.id, first.incident.id, 'the first seen, not the latest');
        const back = await store.record(paste({ channel: 'CORDERS', at: T0 + 3 * MINUTE }));
        assert.equal(back.elsewhere?.id, other.incident.id);
      });

      it('keeps grouping into a mitigated incident, and opens a new one once it is resolved', async () => {
        const first = await store.record(paste());
        await mark(first.incident.id, 'mitigated');
        const repeat = await store.record(paste({ at: T0 + MINUTE }));
        assert.equal(repeat.incident.id, first.incident.id);
        assert.equal(repeat.incident.status, 'mitigated');
        await mark(first.incident.id, 'resolved');
        const after = await store.record(paste({ at: T0 + 2 * MINUTE }));
        assert.notEqual(after.incident.id, first.incident.id);
        assert.equal(after.isNew, true);
        assert.equal(after.incident.status, 'open');
        assert.equal(after.incident.occurrences, 1);
        assert.equal((await store.get(first.incident.id))?.status, 'resolved');
      });
    });

    describe('samples', () => {
      it("keeps each reading once, in time order, across an incident's occurrences", async () => {
        await store.record(paste({ samples: [sample(20), sample(10)] }));
        const rec = await store.record(paste({ samples: [sample(10), sample(30), sample(15)] }));
        const expected = [sample(10), sample(15), sample(20), sample(30)];
        assert.deepEqual(rec.samples, expected);
        assert.deepEqual(await store.samplesOf(rec.incident.id), expected);
      });

      it('keeps the first 200 readings of one paste', async () => {
        const many = Array.from({ length: 250 }, (_, i) => sample(i));
        const rec = await store.record(paste({ samples: many }));
        assert.deepEqual(await store.samplesOf(rec.incident.id), many.slice(0, 200));
      });

      it('has no readings for an incident it does not know', async () => {
        assert.deepEqual(await store.samplesOf(424242), []);
      });
    });

    describe('setReply', () => {
      it("keeps the incident's first reply and first permalink", async () => {
        const a = await store.record(paste());
        await store.setReply(a.incident.id, a.occurrenceId, null, null);
        assert.deepEqual(await store.get(a.incident.id), a.incident, 'nothing to record changes nothing');
        await store.setReply(a.incident.id, a.occurrenceId, { channel: 'CORDERS', ts: '1.1' }, 'https://p/1');
        const b = await store.record(paste({ at: T0 + MINUTE }));
        await store.setReply(b.incident.id, b.occurrenceId, { channel: 'CORDERS', ts: '2.2' }, 'https://p/2');
        const inc = await store.get(a.incident.id);
        assert.deepEqual(
          [inc?.replyChannel, inc?.replyTs, inc?.firstPermalink, inc?.occurrences],
          ['CORDERS', '1.1', 'https://p/1', 2],
        );
      });

      it('records a permalink before any reply was posted', async () => {
        const a = await store.record(paste());
        await store.setReply(a.incident.id, a.occurrenceId, null, 'https://p/1');
        const inc = await store.get(a.incident.id);
        assert.deepEqual([inc?.replyTs, inc?.firstPermalink], [null, 'https://p/1']);
      });
    });

    describe('incidentInThread', () => {
      it('finds the incident a paste in the thread was recorded for, in that channel only', async () => {
        const a = await store.record(paste());
        assert.equal((await store.incidentInThread('CORDERS', '1709283600.000100'))?.id, a.incident.id);
        assert.equal(await store.incidentInThread('CBILLING', '1709283600.000100'), null);
        assert.equal(await store.incidentInThread('CORDERS', '1709283600.999999'), null);
      });
    });

    describe('saveMessage and messageOf', () => {
      it("keeps the latest parts of an incident's reply, as given", async () => {
        const a = await store.record(paste());
        assert.equal(await store.messageOf(a.incident.id), null, 'nothing kept yet');
        await store.saveMessage(a.incident.id, '{"base":1,"text":"直接内存 ‹token›"}');
        await store.saveMessage(a.incident.id, '{"base":2,"text":"直接内存 ‹token›"}');
        assert.equal(await store.messageOf(a.incident.id), '{"base":2,"text":"直接内存 ‹token›"}');
        assert.equal(await store.messageOf(424242), null, 'an unknown incident has none');
      });

      it('forgets the message with its incident at retention', async () => {
        const a = await store.record(paste());
        await store.saveMessage(a.incident.id, 'parts');
        assert.equal(await store.purge(T0 + DAY), 1);
        assert.equal(await store.messageOf(a.incident.id), null);
      });
    });

    describe('claim', () => {
      it('claims a key the first time only', async () => {
        assert.equal(await store.claim('event:Ev1'), true);
        assert.equal(await store.claim('event:Ev1'), false);
        assert.equal(await store.claim('event:Ev2'), true);
      });

      it('lets a key be claimed again once its lifetime has passed', async () => {
        assert.equal(await store.claim('event:Ev1'), true);
        clock = T0 + DEDUPE_TTL - 1;
        assert.equal(await store.claim('event:Ev1'), false);
        clock = T0 + DEDUPE_TTL + 1;
        assert.equal(await store.claim('event:Ev1'), true);
        assert.equal(await store.claim('event:Ev1'), false, 'claimed again, it lives again');
      });
    });

    describe('mark', () => {
      it('moves an incident to mitigated, then to resolved', async () => {
        const { incident } = await store.record(paste());
        assert.equal((await mark(incident.id, 'mitigated'))?.status, 'mitigated');
        const resolved = await mark(incident.id, 'resolved');
        assert.deepEqual(resolved, { ...incident, status: 'resolved' });
      });

      it('keeps a resolved incident resolved when it is marked mitigated afterwards', async () => {
        const { incident } = await store.record(paste());
        await mark(incident.id, 'resolved');
        assert.equal((await mark(incident.id, 'mitigated'))?.status, 'resolved');
      });

      it('records feedback without changing the status', async () => {
        const { incident } = await store.record(paste());
        assert.equal((await mark(incident.id, 'helpful'))?.status, 'open');
        assert.equal((await mark(incident.id, 'not-helpful'))?.status, 'open');
      });

      it('answers null for an incident it does not know, and records nothing', async () => {
        assert.equal(await mark(424242, 'resolved'), null);
        assert.deepEqual(await store.marksOf([424242]), []);
        assert.deepEqual(await store.feedback(), []);
      });
    });

    describe('marksOf', () => {
      it('lists the marks of the incidents asked for, oldest first, with who and which playbook', async () => {
        const a = (await store.record(paste())).incident.id;
        const b = (await store.record(paste({ key: 'fp-billing' }))).incident.id;
        const c = (await store.record(paste({ key: 'fp-search' }))).incident.id;
        await store.mark({
          incidentId: b,
          action: 'helpful',
          userId: 'U0CAROL',
          at: T0 + 3,
          playbookId: null,
        });
        await store.mark({
          incidentId: a,
          action: 'mitigated',
          userId: 'U0ALICE',
          at: T0 + 1,
          playbookId: 'p1',
        });
        await store.mark({
          incidentId: c,
          action: 'resolved',
          userId: 'U0DAVE',
          at: T0 + 2,
          playbookId: 'p1',
        });
        await store.mark({
          incidentId: a,
          action: 'resolved',
          userId: 'U0BOB',
          at: T0 + 4,
          playbookId: 'p1',
        });
        assert.deepEqual(await store.marksOf([a, b]), [
          { incidentId: a, action: 'mitigated', userId: 'U0ALICE', at: T0 + 1, playbookId: 'p1' },
          { incidentId: b, action: 'helpful', userId: 'U0CAROL', at: T0 + 3, playbookId: null },
          { incidentId: a, action: 'resolved', userId: 'U0BOB', at: T0 + 4, playbookId: 'p1' },
        ]);
        assert.deepEqual(await store.marksOf([]), []);
      });
    });

    describe('feedback', () => {
      it('counts Helpful and Not helpful per playbook, by playbook id', async () => {
        const a = (await store.record(paste())).incident.id;
        const b = (await store.record(paste({ key: 'fp-billing' }))).incident.id;
        const press = (
          incidentId: number,
          action: 'helpful' | 'not-helpful' | 'resolved',
          playbookId: string | null,
        ) => store.mark({ incidentId, action, userId: 'U0BOB', at: T0, playbookId });
        await press(a, 'helpful', 'zeta');
        await press(a, 'helpful', 'zeta');
        await press(b, 'not-helpful', 'zeta');
        await press(b, 'not-helpful', 'alpha');
        await press(a, 'resolved', 'alpha');
        await press(a, 'helpful', null);
        assert.deepEqual(await store.feedback(), [
          { playbookId: 'alpha', helpful: 0, notHelpful: 1 },
          { playbookId: 'zeta', helpful: 2, notHelpful: 1 },
        ]);
      });
    });

    describe('handoffs', () => {
      it('has no handoff at first, then answers the latest saved', async () => {
        assert.equal(await store.lastHandoff(), null);
        await store.saveHandoff(T0 + 2, 'second');
        await store.saveHandoff(T0 + 1, 'first, saved late');
        assert.deepEqual(await store.lastHandoff(), { at: T0 + 2, text: 'second' });
        await store.saveHandoff(T0 + 2, 'second again');
        assert.deepEqual(await store.lastHandoff(), { at: T0 + 2, text: 'second again' });
      });
    });

    describe('incidentsSince', () => {
      it('lists the incidents seen since a time: open first, then mitigated, then resolved, latest first', async () => {
        const at = (minutes: number, key: string, channel = 'CORDERS') =>
          store.record(paste({ at: T0 + minutes * MINUTE, key, channel })).then((r) => r.incident.id);
        const old = await at(-60, 'old');
        const resolved = await at(5, 'resolved');
        const openEarly = await at(1, 'open-early', 'CPAY');
        const mitigated = await at(9, 'mitigated');
        const openLate = await at(3, 'open-late');
        await mark(resolved, 'resolved');
        await mark(mitigated, 'mitigated');
        assert.deepEqual(ids(await store.incidentsSince(T0)), [openLate, openEarly, mitigated, resolved]);
        assert.deepEqual(ids(await store.incidentsSince(T0, 'CPAY')), [openEarly]);
        assert.deepEqual(ids(await store.incidentsSince(T0, 'CNONE')), []);
        assert.equal((await store.incidentsSince(0)).length, 5);
        assert.ok(ids(await store.incidentsSince(0)).includes(old));
      });
    });

    describe('openIncidents', () => {
      it('lists the incidents not resolved, latest first, up to the limit', async () => {
        const at = (minutes: number, key: string) =>
          store.record(paste({ at: T0 + minutes * MINUTE, key })).then((r) => r.incident.id);
        const a = await at(1, 'a');
        const b = await at(4, 'b');
        const c = await at(3, 'c');
        const d = await at(2, 'd');
        await mark(b, 'resolved');
        await mark(c, 'mitigated');
        assert.deepEqual(ids(await store.openIncidents(10)), [c, d, a]);
        assert.deepEqual(ids(await store.openIncidents(2)), [c, d]);
      });
    });

    describe('purge', () => {
      it('removes incidents last seen before the cutoff with their readings and marks, and counts them', async () => {
        const old = await store.record(paste({ samples: [sample(1)] }));
        await mark(old.incident.id, 'helpful');
        const kept = await store.record(paste({ key: 'fp-billing', at: T0 + 2 * DAY, samples: [sample(2)] }));
        assert.equal(await store.purge(T0 + DAY), 1);
        assert.equal(await store.get(old.incident.id), null);
        assert.deepEqual(await store.samplesOf(old.incident.id), []);
        assert.deepEqual(await store.marksOf([old.incident.id]), []);
        assert.deepEqual(await store.feedback(), []);
        assert.deepEqual(ids(await store.incidentsSince(0)), [kept.incident.id]);
        assert.deepEqual(await store.samplesOf(kept.incident.id), [sample(2)]);
        assert.equal(await store.purge(T0 + DAY), 0);
      });

      it('keeps an incident whose repeat is recent', async () => {
        const first = await store.record(paste());
        await store.record(paste({ at: T0 + 2 * DAY }));
        assert.equal(await store.purge(T0 + DAY), 0);
        assert.equal((await store.get(first.incident.id))?.occurrences, 2);
      });

      it('removes the handoffs before the cutoff', async () => {
        await store.saveHandoff(T0, 'old');
        assert.equal(await store.purge(T0 + DAY), 0);
        assert.equal(await store.lastHandoff(), null);
        await store.saveHandoff(T0 + 2 * DAY, 'new');
        await store.purge(T0 + DAY);
        assert.deepEqual(await store.lastHandoff(), { at: T0 + 2 * DAY, text: 'new' });
      });

      it('forgets expired claims and keeps the live ones', async () => {
        await store.claim('event:old');
        clock = T0 + DEDUPE_TTL + MINUTE;
        await store.claim('event:live');
        await store.purge(clock - 30 * DAY);
        assert.equal(await store.claim('event:live'), false);
        assert.equal(await store.claim('event:old'), true);
      });
    });

    describe('concurrency', () => {
      it('gathers 50 pastes of one failure arriving at once into one incident of 50 occurrences', async () => {
        const recs = await Promise.all(
          Array.from({ length: 50 }, (_, i) => store.record(paste({ at: T0 + i, samples: [sample(i)] }))),
        );
        assert.equal(new Set(recs.map((r) => r.incident.id)).size, 1);
        assert.equal(recs.filter((r) => r.isNew).length, 1);
        assert.equal(new Set(recs.map((r) => r.occurrenceId)).size, 50);
        const [incident] = await store.incidentsSince(0);
        assert.equal(incident?.occurrences, 50);
        assert.equal(incident?.lastSeen, T0 + 49);
        assert.equal((await store.samplesOf(incident?.id ?? 0)).length, 50);
      });

      it('gives exactly one of 50 simultaneous claims of a key', async () => {
        const claims = await Promise.all(Array.from({ length: 50 }, () => store.claim('event:EvBurst')));
        assert.equal(claims.filter(Boolean).length, 1);
      });

      it('keeps every one of 20 marks pressed at once', async () => {
        const { incident } = await store.record(paste());
        await Promise.all(Array.from({ length: 20 }, (_, i) => mark(incident.id, 'helpful', T0 + i)));
        assert.equal((await store.marksOf([incident.id])).length, 20);
        assert.deepEqual(await store.feedback(), [{ playbookId: 'load-burst', helpful: 20, notHelpful: 0 }]);
      });
    });

    describe('close', () => {
      it('refuses calls once closed', async () => {
        await store.record(paste());
        await store.close();
        await assert.rejects(store.incidentsSince(0));
      });
    });
  });
}
