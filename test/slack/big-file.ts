/**
 * The bot (as it ships, in a process of its own) analysing a 20 MiB attached log, probed meanwhile:
 * GET /healthz, a slash command's acknowledgement, and another pasted trace to its reply. Shared by
 * the fault tests, which hold each to 100 ms, and the bench, which prints them.
 */
import { fixture } from '../fixture-files.ts';
import type { BotProcess } from './bot-process.ts';
import { message } from './harness.ts';
import type { SlackStandIn } from './stand-in.ts';

const SEED_000 = fixture('seeds/000-reactor-netty-load-test.txt');
const SEED_001 = fixture('seeds/001-grpc-explicit-512m.txt');

/** A 20 MiB log: the seed traces again and again between ordinary lines, every trace read in full. */
export function bigLog(): Buffer {
  const noise = Array.from(
    { length: 20 },
    (_, i) =>
      `2024-05-17 10:00:0${i % 10}.000 [http-nio-8080-exec-${i}] INFO  c.a.OrderController - handled order ${i}`,
  ).join('\n');
  const block = Buffer.from(`${SEED_000}\n${noise}\n${SEED_001}\n${noise}\n`);
  const size = 20 * 1024 * 1024 - 4096;
  const out = Buffer.alloc(size);
  for (let at = 0; at < size; at += block.length) block.copy(out, at, 0, Math.min(block.length, size - at));
  return out;
}

export interface Probes {
  /** Milliseconds each probe took, in order. */
  health: number[];
  acks: number[];
  pastes: number[];
  /** The big file's reply had not come when the last probe was answered. */
  stillRunning: boolean;
  /** From its download finishing to its reply. */
  bigMs: number;
  /** The big file's reply. */
  reply: Record<string, unknown>;
}

/**
 * Attach the big log in `channel`, and once the bot has downloaded it, probe up to `rounds` times
 * while it is analysed. Pastes and commands go first, so the probes measure waiting, not code run
 * for the first times.
 */
export async function probeWhileBigFileIsRead(
  bot: BotProcess,
  slack: SlackStandIn,
  { channel = 'CBIG', rounds = 5, warmUp = 10 } = {},
): Promise<Probes> {
  for (let i = 0; i < warmUp; i++) {
    await bot.event(message(SEED_001, { channel: `${channel}WARM${i}` }));
    await slack.waitForCall('chat.postMessage', (c) => c.args.channel === `${channel}WARM${i}`, 5000);
    await bot.command('help');
  }
  const file = slack.addFile(`F${channel}`, 'gateway.log', bigLog());
  const downloads = slack.callsOf('file.downloaded').length;
  await bot.event(message('', { subtype: 'file_share', files: [file], channel }));
  await slack.waitFor('file.downloaded', downloads + 1, 10_000);
  const downloaded = performance.now();
  const bigReply = () => slack.callsOf('chat.postMessage').find((c) => c.args.channel === channel);
  const probes: Probes = { health: [], acks: [], pastes: [], stillRunning: false, bigMs: 0, reply: {} };
  for (let i = 0; i < rounds && !bigReply(); i++) {
    let t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
    await res.text();
    if (res.status !== 200) throw new Error(`GET /healthz answered ${res.status}`);
    probes.health.push(performance.now() - t0);
    const ack = await bot.command('help');
    if (ack.status !== 200) throw new Error(`a slash command was answered ${ack.status}`);
    probes.acks.push(ack.ms);
    const small = `${channel}SMALL${i}`;
    t0 = performance.now();
    await bot.event(message(SEED_001, { channel: small }));
    const post = await slack.waitForCall('chat.postMessage', (c) => c.args.channel === small, 5000);
    probes.pastes.push(post.t - t0);
  }
  probes.stillRunning = !bigReply();
  const big = await slack.waitForCall('chat.postMessage', (c) => c.args.channel === channel, 60_000);
  probes.bigMs = big.t - downloaded;
  probes.reply = big.args;
  return probes;
}
