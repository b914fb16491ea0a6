/**
 * The bot as it ships (`node bin/netty-oom.js serve`, HTTP mode) in a process of its own, pointed
 * at the stand-in: what a long run measures, so the driver's own memory never counts as the bot's.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SIGNING_SECRET, type SlackClient, slackClient } from './harness.ts';
import { APP_TOKEN, BOT_TOKEN, type SlackStandIn } from './stand-in.ts';

const BIN = new URL('../../bin/netty-oom.js', import.meta.url).pathname;

export interface BotProcess extends SlackClient {
  port: number;
  /** Log lines seen so far, and the last few at warn level or above. */
  logLines: number;
  problems: string[];
  /** The first matching log line after line number `since` (default: lines still to come). */
  waitForLog(pattern: RegExp, opts?: { since?: number; ms?: number }): Promise<string>;
  /** Send the process a signal (SIGHUP reloads the knowledge base). */
  signal(name: NodeJS.Signals): void;
  /** Resident set of the bot process, from /proc (MiB). */
  rssMiB(): number;
  /** One value from the bot's own /metrics (Prometheus text). */
  metric(name: string): Promise<number | null>;
  stop(): Promise<{ code: number | null; leaked: string[] }>;
}

export async function spawnBot(slack: SlackStandIn, env: NodeJS.ProcessEnv = {}): Promise<BotProcess> {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      NETTY_OOM_DB: join(mkdtempSync(join(tmpdir(), 'netty-oom-bot-')), 'incidents.db'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const secrets = [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET];
  const leaked = new Set<string>();
  const problems: string[] = [];
  const state = { logLines: 0 };
  const recent: { n: number; line: string }[] = [];
  const waiters = new Set<(line: string) => void>();
  const watch = (line: string) => {
    state.logLines++;
    recent.push({ n: state.logLines, line });
    if (recent.length > 200) recent.shift();
    for (const w of waiters) w(line);
    for (const s of secrets) if (line.includes(s)) leaked.add(`${s.slice(0, 8)}…`);
    if (/"level":(40|50|60)/.test(line) || !line.startsWith('{')) {
      problems.push(line.slice(0, 500));
      if (problems.length > 20) problems.shift();
    }
  };
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the bot did not start: ${problems.join('\n')}`)),
      15_000,
    );
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      watch(line);
      const m = /"port":(\d+)/.exec(line);
      if (m && line.includes('bot running')) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', watch);
    child.once('exit', (code) =>
      reject(new Error(`the bot exited (${code}) before it started: ${problems.join('\n')}`)),
    );
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const pid = child.pid as number;
  return {
    ...slackClient('http', port, slack),
    port,
    get logLines() {
      return state.logLines;
    },
    problems,
    waitForLog(pattern, { since = state.logLines, ms = 5000 } = {}) {
      const seen = recent.find((r) => r.n > since && pattern.test(r.line));
      if (seen) return Promise.resolve(seen.line);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no log line matched ${pattern} within ${ms} ms; last lines:\n${recent
                .slice(-5)
                .map((r) => r.line)
                .join('\n')}`,
            ),
          );
        }, ms);
        const check = (line: string) => {
          if (!pattern.test(line)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(line);
        };
        waiters.add(check);
      });
    },
    signal(name) {
      child.kill(name);
    },
    rssMiB() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
      return Math.round(kb / 1024);
    },
    async metric(name) {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
      return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : null;
    },
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      return { code, leaked: [...leaked] };
    },
  };
}
