/**
 * Bot benchmarks over loopback: a signed event arriving to its recorded chat.postMessage (200
 * events, the five seed traces in turn), and 200 slash commands at once, each acknowledged.
 * Baseline from the same run: a GET /healthz round trip on the same server. Then the bot as it
 * ships, probed while it analyses a 20 MiB attached log.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, SEEDS } from '../test/helpers.ts';
import { probeWhileBigFileIsRead } from '../test/slack/big-file.ts';
import { spawnBot } from '../test/slack/bot-process.ts';
import { message, SIGNING_SECRET, startHarness } from '../test/slack/harness.ts';
import { SlackStandIn } from '../test/slack/stand-in.ts';
import { median, ms, percentile, table } from './stats.ts';

/** Run the load generator in its own process; resolves to its acknowledgement times. */
function burst(args: string[]): Promise<{ status: number; ms: number }[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'command-burst.ts'), ...args],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('close', () => resolve(JSON.parse(out) as { status: number; ms: number }[]));
  });
}

export async function benchBot(events = 200, commands = 200): Promise<void> {
  console.log(`\n## Bot over HTTP (loopback): ${events} events, ${commands} concurrent slash commands\n`);
  const h = await startHarness('http');
  try {
    const traces = SEEDS.map((s) => fixture(`seeds/${s}.txt`));
    const health: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      await (await fetch(`http://127.0.0.1:${h.port}/healthz`)).text();
      health.push(performance.now() - t0);
    }
    const latency: number[] = [];
    for (let i = 0; i < events; i++) {
      // A channel each: every event is a first occurrence, answered with a new reply (a repeat in the
      // same channel updates the earlier one instead).
      const m = message(traces[i % traces.length] as string, { channel: `CBENCH${i}` });
      const t0 = performance.now();
      await h.event(m, `EvBench${i}`);
      const call = await h.slack.waitForCall('chat.postMessage', (c) => c.args.thread_ts === m.ts, 10_000);
      latency.push(call.t - t0);
    }
    const before = h.slack.callsOf('response_url').length;
    const textsFile = join(import.meta.dirname, 'out', 'burst-texts.json');
    writeFileSync(textsFile, JSON.stringify(traces));
    const acks = await burst([
      `http://127.0.0.1:${h.port}/slack/events`,
      SIGNING_SECRET,
      String(commands),
      `http://127.0.0.1:${h.slack.port}/response`,
      textsFile,
    ]);
    await h.slack.waitFor('response_url', before + commands, 60_000);
    const ackMs = acks.map((a) => a.ms);
    const failed = acks.filter((a) => a.status !== 200).length;
    console.log(
      table([
        ['what', 'median', 'p99', 'max', 'baseline GET /healthz', 'ratio'],
        [
          'signed event → chat.postMessage',
          ms(median(latency)),
          ms(percentile(latency, 99)),
          ms(Math.max(...latency)),
          ms(median(health)),
          `${(median(latency) / median(health)).toFixed(1)}×`,
        ],
        [
          `slash command ack (${commands} at once)`,
          ms(median(ackMs)),
          ms(percentile(ackMs, 99)),
          ms(Math.max(...ackMs)),
          '',
          '',
        ],
      ]),
    );
    console.log(
      `\nacknowledged: ${commands - failed}/${commands}; answered through response_url: ${h.slack.callsOf('response_url').length - before}/${commands}`,
    );
    console.log('targets: p99 reply under 50 ms on loopback; every acknowledgement under 1 s');
  } finally {
    await h.stop();
  }
}

/** The shipped bot (`netty-oom serve`, its analysis pool) answering while a 20 MiB log is analysed. */
export async function benchBigFile(rounds = 10): Promise<void> {
  console.log('\n## Bot as shipped, while it analyses a 20 MiB attached log (worst of the probes)\n');
  const slack = await new SlackStandIn().start();
  const bot = await spawnBot(slack);
  try {
    const idle: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await (await fetch(`http://127.0.0.1:${bot.port}/healthz`)).text();
      idle.push(performance.now() - t0);
    }
    const p = await probeWhileBigFileIsRead(bot, slack, { rounds });
    const row = (what: string, xs: number[]) => [
      what,
      String(xs.length),
      ms(median(xs)),
      ms(Math.max(...xs)),
    ];
    console.log(
      table([
        ['probe, during the analysis', 'probes', 'median', 'worst'],
        row('GET /healthz', p.health),
        row('slash command ack', p.acks),
        row('another pasted trace → its reply', p.pastes),
      ]),
    );
    console.log(
      `\nbaseline GET /healthz with nothing to analyse: ${ms(median(idle))}; the 20 MiB log, downloaded to ` +
        `answered: ${ms(p.bigMs)}${p.stillRunning ? '' : ' (it finished before the probes did)'}`,
    );
    console.log('target: every probe under 100 ms');
  } finally {
    await bot.stop();
    await slack.stop();
  }
}
