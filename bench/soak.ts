/**
 * `npm run soak [-- --seconds N --rate R]`: the real bot over loopback for N seconds (default 600)
 * at R events per second (default 20): traces, snippets, slash commands and ordinary chatter.
 * Checks that no reply is lost or doubled and every command is acknowledged within 3 s; prints
 * RSS at start, middle and end, and reply latency. Exits 1 when a check fails.
 */
import { fixture, SEEDS } from '../test/helpers.ts';
import { message, startHarness } from '../test/slack/harness.ts';
import { median, ms, percentile } from './stats.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 600);
const rate = arg('rate', 20);

const h = await startHarness('http', { retries: 2, compact: true, logLevel: 'info' });
const traces = SEEDS.map((s) => fixture(`seeds/${s}.txt`));
const chatter = [
  'deploy finished',
  'who is on call tonight?',
  'lunch?',
  'the dashboard is slow again',
  'PR #4521 is ready for review',
];
/** Resident memory after a full collection (run with --expose-gc), so it shows what is kept. */
const rss = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().rss / 1048576);
};
const readings: { at: string; rss: number }[] = [{ at: 'start', rss: rss() }];

let sent = 0;
let expectedReplies = 0;
const acks: number[] = [];
const latency: number[] = [];
let commandsSent = 0;
const started = Date.now();
/** In flight only: settled work is dropped, so the soak itself keeps nothing it has sent. */
const pending = new Set<Promise<void>>();
const track = (p: Promise<void>): void => {
  const t = p.catch(() => {}).finally(() => pending.delete(t));
  pending.add(t);
};
const tick = 1000 / rate;

for (let i = 0; Date.now() - started < seconds * 1000; i++) {
  const kind = i % 10;
  // A fresh channel per trace: each must get exactly one reply of its own.
  const channel = `CSOAK${i}`;
  if (kind < 4) {
    const m = message(traces[i % traces.length] as string, { channel });
    const t0 = performance.now();
    expectedReplies++;
    track(
      h.event(m).then(async () => {
        const call = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === channel, 30_000);
        latency.push(call.t - t0);
      }),
    );
  } else if (kind < 6) {
    const file = h.slack.addFile(`FSOAK${i}`, 'trace.log', traces[i % traces.length] as string);
    // The stand-in forgets the file once it has been downloaded (compact mode).
    expectedReplies++;
    track(h.event(message('', { channel, subtype: 'file_share', files: [file] })).then(() => {}));
  } else if (kind < 8) {
    commandsSent++;
    track(
      h
        .command(i % 3 === 0 ? 'search 堆外内存一直涨怎么排查' : (traces[i % traces.length] as string))
        .then((c) => {
          acks.push(c.ms);
        }),
    );
  } else {
    track(h.event(message(chatter[i % chatter.length] as string, { channel })).then(() => {}));
  }
  sent++;
  if (readings.length === 1 && Date.now() - started > (seconds * 1000) / 2)
    readings.push({ at: 'middle', rss: rss() });
  const due = started + (i + 1) * tick;
  const wait = due - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}
await Promise.allSettled([...pending]);
await new Promise((r) => setTimeout(r, 2000));
readings.push({ at: 'end', rss: rss() });

const replies = new Map<string, number>();
for (const c of h.slack.callsOf('chat.postMessage')) {
  const ch = String(c.args.channel);
  if (ch.startsWith('CSOAK')) replies.set(ch, (replies.get(ch) ?? 0) + 1);
}
const accepted = [...h.slack.messages.values()].filter((m) => String(m.channel).startsWith('CSOAK')).length;
const doubled = [...replies.values()].filter((n) => n > 1).length;
const responses = h.slack.callsOf('response_url').length;
await h.stop();

const lost = expectedReplies - accepted;
const slowAcks = acks.filter((a) => a > 3000).length;
console.log(
  `soak: ${seconds} s at ${rate} events/s: ${sent} sent (${expectedReplies} with a trace, ${commandsSent} slash commands, the rest chatter)`,
);
console.log(
  `replies: ${accepted}/${expectedReplies} posted, ${lost} lost, ${doubled} channels answered twice`,
);
console.log(
  `slash commands: ${acks.length}/${commandsSent} acknowledged, slowest ${ms(Math.max(0, ...acks))}, ${slowAcks} over 3 s; ${responses} answered through response_url`,
);
console.log(`reply latency: p50 ${ms(median(latency))}, p99 ${ms(percentile(latency, 99))}`);
console.log(`RSS: ${readings.map((r) => `${r.at} ${r.rss} MiB`).join(', ')}`);
const failed = lost !== 0 || doubled !== 0 || slowAcks !== 0 || acks.length !== commandsSent;
if (failed) console.log('soak: FAILED');
process.exit(failed ? 1 : 0);
