/**
 * `npm run soak [-- --seconds N --rate R]`: the bot as it ships (`netty-oom serve`, HTTP mode, its
 * own process and SQLite file) against the loopback stand-in for N seconds (default 600) at R events
 * per second (default 20): traces, snippets, slash commands and ordinary chatter.
 * Checks that no reply is lost or doubled, every command is acknowledged within 3 s, nothing is
 * logged at warn or above, no secret reaches the log, and the bot's memory stays flat. Prints the
 * bot's RSS and V8 heap at start, middle and end, and reply latency. Exits 1 when a check fails.
 */
import { fixture, SEEDS } from '../test/helpers.ts';
import { spawnBot } from '../test/slack/bot-process.ts';
import { message } from '../test/slack/harness.ts';
import { SlackStandIn } from '../test/slack/stand-in.ts';
import { median, ms, percentile } from './stats.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 600);
const rate = arg('rate', 20);

const slack = new SlackStandIn();
slack.compact = true;
await slack.start();
const bot = await spawnBot(slack);

const traces = SEEDS.map((s) => fixture(`seeds/${s}.txt`));
const chatter = [
  'deploy finished',
  'who is on call tonight?',
  'lunch?',
  'the dashboard is slow again',
  'PR #4521 is ready for review',
];

// Replies are matched as they arrive: a channel per trace, so each must get exactly one.
const sentAt = new Map<string, number>();
const replies = new Map<string, number>();
const latency: number[] = [];
let responses = 0;
slack.onCall((c) => {
  if (c.method === 'response_url') responses++;
  if (c.method !== 'chat.postMessage') return;
  const channel = String(c.args.channel);
  if (!channel.startsWith('CSOAK')) return;
  replies.set(channel, (replies.get(channel) ?? 0) + 1);
  const t0 = sentAt.get(channel);
  if (t0 !== undefined) {
    latency.push(c.t - t0);
    sentAt.delete(channel);
  }
});

interface Reading {
  at: string;
  seconds: number;
  rss: number;
  heap: number;
}
const readings: Reading[] = [];
const started = Date.now();
const read = async (at: string): Promise<Reading> => {
  const heap = (await bot.metric('nodejs_heap_size_used_bytes')) ?? Number.NaN;
  const r = {
    at,
    seconds: Math.round((Date.now() - started) / 1000),
    rss: bot.rssMiB(),
    heap: Math.round(heap / 1048576),
  };
  readings.push(r);
  return r;
};

let sent = 0;
let expectedReplies = 0;
const acks: number[] = [];
let commandsSent = 0;
let failedRequests = 0;
/** In flight only: settled work is dropped, so the driver keeps nothing it has sent. */
const pending = new Set<Promise<void>>();
const track = (p: Promise<unknown>): void => {
  const t = p
    .then(
      () => {},
      () => {
        failedRequests++;
      },
    )
    .finally(() => pending.delete(t));
  pending.add(t);
};
const tick = 1000 / rate;
// Warm up (first analyses, first SQLite pages, JIT) for a tenth of the run, then take the start reading.
const warmUp = Math.min(60, seconds / 10) * 1000;
const sample = Math.max(5, Math.round(seconds / 20)) * 1000;
let nextSample = started + warmUp;

for (let i = 0; Date.now() - started < seconds * 1000; i++) {
  const kind = i % 10;
  const channel = `CSOAK${i}`;
  const trace = traces[i % traces.length] as string;
  if (kind < 4) {
    expectedReplies++;
    sentAt.set(channel, performance.now());
    track(bot.event(message(trace, { channel })));
  } else if (kind < 6) {
    // The stand-in forgets the file once it has been downloaded (compact mode).
    const file = slack.addFile(`FSOAK${i}`, 'trace.log', trace);
    expectedReplies++;
    sentAt.set(channel, performance.now());
    track(bot.event(message('', { channel, subtype: 'file_share', files: [file] })));
  } else if (kind < 8) {
    commandsSent++;
    track(bot.command(i % 3 === 0 ? 'search 堆外内存一直涨怎么排查' : trace).then((c) => acks.push(c.ms)));
  } else {
    track(bot.event(message(chatter[i % chatter.length] as string, { channel })));
  }
  sent++;
  if (Date.now() >= nextSample) {
    nextSample += sample;
    await read(readings.length === 0 ? 'start' : 'sample');
  }
  const wait = started + (i + 1) * tick - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}
await Promise.allSettled([...pending]);
const until = Date.now() + 30_000;
while (replies.size < expectedReplies && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
await new Promise((r) => setTimeout(r, 1000));
await read('end');
const { code, leaked } = await bot.stop();
await slack.stop();

const doubled = [...replies.values()].filter((n) => n > 1).length;
const lost = expectedReplies - replies.size;
const slowAcks = acks.filter((a) => a > 3000).length;
const start = readings[0] as Reading;
const end = readings[readings.length - 1] as Reading;
const fromHalfway = (r: Reading) => Math.abs(r.seconds - (start.seconds + end.seconds) / 2);
const middle = readings.reduce((best, r) => (fromHalfway(r) < fromHalfway(best) ? r : best));
// Flat: the second half adds no more than a tenth of the start reading (or 16 MiB, whichever is larger).
const allowance = Math.max(16, Math.round(start.rss / 10));
const grewBy = end.rss - middle.rss;
const flat = grewBy <= allowance;
const perMinute = ((end.rss - start.rss) / Math.max(1, end.seconds - start.seconds)) * 60;

console.log(
  `soak: ${seconds} s at ${rate} events/s: ${sent} sent (${expectedReplies} with a trace, ${commandsSent} slash commands, the rest chatter)`,
);
console.log(
  `replies: ${replies.size}/${expectedReplies} posted, ${lost} lost, ${doubled} channels answered twice`,
);
console.log(
  `slash commands: ${acks.length}/${commandsSent} acknowledged, slowest ${ms(Math.max(0, ...acks))}, ${slowAcks} over 3 s; ${responses} answered through response_url`,
);
console.log(
  `reply latency (event sent → chat.postMessage): p50 ${ms(median(latency))}, p99 ${ms(percentile(latency, 99))}`,
);
console.log(
  `bot RSS: start ${start.rss} MiB (after ${start.seconds} s warm-up), middle ${middle.rss} MiB (${middle.seconds} s), end ${end.rss} MiB (${end.seconds} s); ` +
    `second half ${grewBy >= 0 ? '+' : ''}${grewBy} MiB (allowed ${allowance}), ${perMinute.toFixed(1)} MiB/min overall`,
);
console.log(
  `bot RSS / V8 heap used, every ${sample / 1000} s: ${readings.map((r) => `${r.rss}/${r.heap}`).join(' → ')} MiB`,
);
console.log(
  `bot log: ${bot.logLines} lines, ${bot.problems.length} at warn or above, ${leaked.length} secrets; exit code ${code}; ${failedRequests} requests failed`,
);
for (const p of bot.problems) console.log(`  ${p}`);
const failed =
  lost !== 0 ||
  doubled !== 0 ||
  slowAcks !== 0 ||
  acks.length !== commandsSent ||
  failedRequests !== 0 ||
  !flat ||
  leaked.length !== 0 ||
  bot.problems.length !== 0 ||
  code !== 0;
if (failed) console.log('soak: FAILED');
process.exit(failed ? 1 : 0);
