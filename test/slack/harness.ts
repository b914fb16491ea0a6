/** Start the real bot (Bolt, real HTTP or Socket Mode) against the stand-in, and talk to it like Slack. */
import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { readConfig } from '../../src/app/config.ts';
import { type Bot, createBot } from '../../src/bot/app.ts';
import { createLogger } from '../../src/bot/logger.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { kb } from '../helpers.ts';
import { APP_TOKEN, BOT_TOKEN, BOT_USER, SlackStandIn } from './stand-in.ts';

export const SIGNING_SECRET = 'test-signing-secret-8f2c';

export interface Harness {
  slack: SlackStandIn;
  bot: Bot;
  store: Store;
  /** The store's SQLite file. */
  dbFile: string;
  port: number | null;
  logs: string[];
  /** POST a signed request to /slack/events (HTTP mode). */
  post(
    body: string,
    type: 'json' | 'form',
    opts?: { retryNum?: number; signature?: string; timestamp?: number },
  ): Promise<Response>;
  /** Deliver an Events API payload (HTTP or Socket Mode). */
  event(event: Record<string, unknown>, eventId?: string, retryNum?: number): Promise<number>;
  command(
    text: string,
    extra?: Record<string, string>,
  ): Promise<{ status: number; ms: number; responsePath: string }>;
  interactive(payload: Record<string, unknown>): Promise<number>;
  stop(): Promise<void>;
}

let seq = 0;

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export async function startHarness(
  mode: 'http' | 'socket',
  options: {
    channels?: string;
    retries?: number;
    db?: string;
    now?: () => number;
    env?: NodeJS.ProcessEnv;
    downloadTimeoutMs?: number;
  } = {},
): Promise<Harness> {
  const slack = new SlackStandIn();
  await slack.start();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const env: NodeJS.ProcessEnv = {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: slack.url,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'debug',
    ...(mode === 'http' ? { SLACK_SIGNING_SECRET: SIGNING_SECRET } : { SLACK_APP_TOKEN: APP_TOKEN }),
    ...(options.channels ? { NETTY_OOM_CHANNELS: options.channels } : {}),
  };
  const config = readConfig({ ...env, ...(options.env ?? {}) });
  const dbFile = options.db ?? join(mkdtempSync(join(tmpdir(), 'netty-oom-db-')), 'incidents.db');
  const store = await openStore({ path: dbFile });
  const bot = createBot({
    config,
    kb,
    log: createLogger('debug', sink),
    store,
    retries: options.retries ?? 0,
    ...(options.now ? { now: options.now } : {}),
    ...(options.downloadTimeoutMs ? { downloadTimeoutMs: options.downloadTimeoutMs } : {}),
  });
  const port = await bot.start();
  // Bolt checks its token with auth.test as it starts: let that finish before the test begins.
  await slack.waitFor('auth.test');
  if (mode === 'socket') {
    const until = Date.now() + 5000;
    while (slack.socketCount === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  }
  const client = slackClient(mode, port, slack);

  return {
    slack,
    bot,
    store,
    dbFile,
    port,
    logs,
    ...client,
    async stop() {
      await bot.stop().catch(() => {});
      await slack.stop();
      await store.close();
      // Every test that runs the bot checks its whole log: no token or secret may appear in it.
      const leaked = [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET].filter((s) => logs.some((l) => l.includes(s)));
      if (leaked.length > 0)
        throw new Error(
          `a secret appeared in the bot's log: ${leaked.map((s) => `${s.slice(0, 8)}…`).join(', ')}`,
        );
    },
  };
}

export type SlackClient = Pick<Harness, 'post' | 'event' | 'command' | 'interactive'>;

/** What Slack sends a bot: signed HTTP requests to `port`, or envelopes over the stand-in's socket. */
export function slackClient(mode: 'http' | 'socket', port: number | null, slack: SlackStandIn): SlackClient {
  const base = `http://127.0.0.1:${port}/slack/events`;

  const post: Harness['post'] = (body, type, opts = {}) => {
    const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
    return fetch(base, {
      method: 'POST',
      headers: {
        'content-type': type === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': opts.signature ?? sign(body, ts),
        ...(opts.retryNum
          ? { 'x-slack-retry-num': String(opts.retryNum), 'x-slack-retry-reason': 'http_timeout' }
          : {}),
      },
      body,
    });
  };

  const event: Harness['event'] = async (ev, eventId = `Ev${++seq}`, retryNum) => {
    const payload = {
      token: 'legacy',
      team_id: 'T0001',
      api_app_id: 'A0001',
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      event: ev,
      authorizations: [{ team_id: 'T0001', user_id: BOT_USER, is_bot: true }],
    };
    if (mode === 'socket') {
      await slack.sendEnvelope('events_api', payload, `env-${eventId}-${retryNum ?? 0}`);
      return 200;
    }
    const res = await post(JSON.stringify(payload), 'json', retryNum ? { retryNum } : {});
    return res.status;
  };

  const command: Harness['command'] = async (text, extra = {}) => {
    const responsePath = `/response/cmd-${++seq}`;
    const fields = {
      token: 'legacy',
      team_id: 'T0001',
      channel_id: 'C0INCIDENT',
      channel_name: 'incident',
      user_id: 'U0ALICE',
      user_name: 'alice',
      command: '/netty-oom',
      text,
      api_app_id: 'A0001',
      response_url: `http://127.0.0.1:${slack.port}${responsePath}`,
      trigger_id: `trig-${seq}`,
      ...extra,
    };
    const t0 = performance.now();
    if (mode === 'socket') {
      await slack.sendEnvelope('slash_commands', fields, `env-cmd-${seq}`);
      return { status: 200, ms: performance.now() - t0, responsePath };
    }
    const res = await post(new URLSearchParams(fields).toString(), 'form');
    await res.text();
    return { status: res.status, ms: performance.now() - t0, responsePath };
  };

  const interactive: Harness['interactive'] = async (payload) => {
    if (mode === 'socket') {
      await slack.sendEnvelope('interactive', payload, `env-int-${++seq}`);
      return 200;
    }
    const res = await post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'form');
    await res.text();
    return res.status;
  };

  return { post, event, command, interactive };
}

/** A plain user message in a channel. */
export function message(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = `${1700000000 + ++seq}.000${seq}`;
  return {
    type: 'message',
    channel: 'C0INCIDENT',
    channel_type: 'channel',
    user: 'U0ALICE',
    text,
    ts,
    client_msg_id: `cm-${seq}`,
    ...extra,
  };
}

/** The text of every block of a posted message, for assertions. */
export function blockText(args: Record<string, unknown>): string {
  const blocks = (args.blocks ?? []) as {
    text?: { text: string };
    fields?: { text: string }[];
    elements?: { text?: unknown }[];
  }[];
  return blocks
    .map((b) =>
      [
        b.text?.text ?? '',
        ...(b.fields ?? []).map((f) => f.text),
        ...(b.elements ?? []).map((e) =>
          typeof e.text === 'string' ? e.text : ((e.text as { text?: string })?.text ?? ''),
        ),
      ].join('\n'),
    )
    .join('\n');
}

/** A click on a private answer's *Share in channel* button; Slack sends its answer to `responseUrl`. */
export function shareClick(value: string | undefined, responseUrl: string): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: 'U0ALICE' },
    team: { id: 'T0001' },
    api_app_id: 'A0001',
    channel: { id: 'C0INCIDENT' },
    container: { type: 'message', is_ephemeral: true },
    trigger_id: 'trig-share',
    response_url: responseUrl,
    actions: [{ type: 'button', action_id: 'share_reply', block_id: 'b1', value, action_ts: '1700000000.1' }],
  };
}
