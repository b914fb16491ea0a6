/**
 * A stand-in for the Slack Web API on loopback: records every call, serves file downloads and
 * response_url posts, and speaks Socket Mode over a WebSocket. The only fake in the end-to-end
 * tests: the bot talks to it over real HTTP exactly as it talks to Slack.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface Call {
  method: string;
  args: Record<string, unknown>;
  headers: IncomingMessage['headers'];
  at: number;
  /** performance.now() when the call arrived, for latency measurements. */
  t: number;
}

export interface Fault {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  times: number;
  delayMs?: number;
  drop?: boolean;
}

export const BOT_TOKEN = 'xoxb-test-0000000000-secret';
export const APP_TOKEN = 'xapp-1-test-secret';
export const BOT_USER = 'UBOT0001';

export class SlackStandIn {
  readonly calls: Call[] = [];
  readonly files = new Map<string, { meta: Record<string, unknown>; content: Buffer; trickle?: boolean }>();
  readonly messages = new Map<string, Record<string, unknown>>();
  /** Threads as `conversations.replies` gives them (people's messages, oldest first), by their first ts. */
  readonly threads = new Map<string, Record<string, unknown>[]>();
  readonly faults = new Map<string, Fault[]>();
  /** Private channels (and DMs) with their members; any other channel is public. */
  readonly privateChannels = new Map<string, string[]>();
  private server: Server | null = null;
  private wss: WebSocketServer | null = null;
  private sockets = new Set<WebSocket>();
  private acks = new Map<string, (payload: unknown) => void>();
  private ts = 1700000000;
  private listeners: ((c: Call) => void)[] = [];
  port = 0;
  /** Keep only what a long run needs of each call (channel, ts, path…), not whole messages. */
  compact = false;

  private keep(args: Record<string, unknown>): Record<string, unknown> {
    if (!this.compact) return args;
    const { channel, ts, thread_ts, path, response_type, user, file } = args;
    return { channel, ts, thread_ts, path, response_type, user, file };
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        res.writeHead(500);
        res.end(String(err));
      });
    });
    this.wss = new WebSocketServer({ server: this.server, path: '/socket' });
    this.wss.on('connection', (ws) => {
      this.sockets.add(ws);
      ws.on('close', () => this.sockets.delete(ws));
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
        if (msg.envelope_id) this.acks.get(msg.envelope_id)?.(msg.payload ?? null);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'stand-in' } }));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss?.close();
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  /** Called with every call as it arrives (a long run watches instead of searching `calls`). */
  onCall(listener: (c: Call) => void): void {
    this.listeners.push(listener);
  }

  private record(call: Call): void {
    this.calls.push(call);
    for (const l of this.listeners) l(call);
  }

  /** Make the next `times` calls of `method` fail this way. */
  fail(method: string, fault: Fault): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), fault]);
  }

  /**
   * A file the bot can look up with files.info and download with the bot token; a `trickle` file
   * sends its body a byte every 20 ms.
   */
  addFile(
    id: string,
    name: string,
    content: string | Buffer,
    meta: Record<string, unknown> = {},
    trickle = false,
  ): Record<string, unknown> {
    const body = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const file = {
      id,
      name,
      title: name,
      filetype: name.endsWith('.log') ? 'text' : 'text',
      mimetype: 'text/plain',
      mode: 'snippet',
      size: body.length,
      url_private: `http://127.0.0.1:${this.port}/files/${id}`,
      url_private_download: `http://127.0.0.1:${this.port}/files/${id}/download`,
      ...meta,
    };
    this.files.set(id, { meta: file, content: body, trickle });
    return file;
  }

  callsOf(method: string): Call[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Wait until `method` has been called `count` times (or fail after `ms`). */
  async waitFor(method: string, count = 1, ms = 5000): Promise<Call[]> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const got = this.callsOf(method);
      if (got.length >= count) return got;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`waited ${ms} ms for ${count} ${method} call(s), saw ${this.callsOf(method).length}`);
  }

  /** Wait for the first call of `method` that satisfies `test`. */
  async waitForCall(method: string, test: (c: Call) => boolean, ms = 5000): Promise<Call> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const found = this.callsOf(method).find(test);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`waited ${ms} ms for a matching ${method} call`);
  }

  /** Send a Socket Mode envelope to the connected bot; resolves when the bot acknowledges it. */
  async sendEnvelope(
    type: 'events_api' | 'slash_commands' | 'interactive',
    payload: unknown,
    id: string,
  ): Promise<unknown> {
    const until = Date.now() + 5000;
    while (this.sockets.size === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    const ws = [...this.sockets][0];
    if (!ws) throw new Error('no Socket Mode connection');
    const acked = new Promise<unknown>((resolve) => this.acks.set(id, resolve));
    ws.send(
      JSON.stringify({
        envelope_id: id,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        retry_attempt: 0,
        retry_reason: '',
      }),
    );
    return acked;
  }

  /** Drop every Socket Mode connection, or ask the bot to reconnect as Slack does. */
  disconnectSockets(mode: 'drop' | 'refresh'): void {
    for (const ws of this.sockets) {
      if (mode === 'drop') ws.terminate();
      else
        ws.send(
          JSON.stringify({
            type: 'disconnect',
            reason: 'refresh_requested',
            debug_info: { host: 'stand-in' },
          }),
        );
    }
  }

  get socketCount(): number {
    return this.sockets.size;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    if (url.pathname.startsWith('/files/')) return this.download(url.pathname, req, res);
    if (url.pathname.startsWith('/response/')) {
      const method = 'response_url';
      this.record({
        method,
        args: this.keep({ path: url.pathname, ...(JSON.parse(body || '{}') as object) }),
        headers: this.compact ? {} : req.headers,
        at: Date.now(),
        t: performance.now(),
      });
      if (await this.applyFault(method, res)) return;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const args = parseArgs(body, req.headers['content-type'] ?? '');
    this.record({
      method,
      args: this.keep(args),
      headers: this.compact ? {} : req.headers,
      at: Date.now(),
      t: performance.now(),
    });
    if (await this.applyFault(method, res)) return;
    const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '') || String(args.token ?? '');
    if (method !== 'apps.connections.open' && token !== BOT_TOKEN)
      return json(res, { ok: false, error: 'invalid_auth' });
    if (method === 'apps.connections.open' && token !== APP_TOKEN)
      return json(res, { ok: false, error: 'invalid_auth' });
    json(res, this.answer(method, args));
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://stand-in.slack.com/',
          team: 'Stand-in',
          user: 'netty-oom',
          team_id: 'T0001',
          user_id: BOT_USER,
          bot_id: 'B0001',
        };
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
      case 'chat.postMessage':
      case 'chat.update': {
        const ts = method === 'chat.update' ? String(args.ts) : `${++this.ts}.000100`;
        const { channel, thread_ts, metadata } = args;
        this.messages.set(
          ts,
          this.compact
            ? { channel, ts, thread_ts, metadata }
            : { ...(this.messages.get(ts) ?? {}), ...args, ts },
        );
        return { ok: true, channel: args.channel, ts, message: { ...args, ts } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${++this.ts}.000200` };
      case 'chat.getPermalink':
        return {
          ok: true,
          permalink: `https://stand-in.slack.com/archives/${String(args.channel)}/p${String(args.message_ts).replace('.', '')}`,
        };
      case 'files.info': {
        const f = this.files.get(String(args.file));
        return f ? { ok: true, file: f.meta } : { ok: false, error: 'file_not_found' };
      }
      case 'conversations.replies': {
        // A thread a test laid out as it is; otherwise the thread's first message, then its replies,
        // oldest first, as Slack lists them.
        const thread = this.threads.get(String(args.ts));
        if (thread) return { ok: true, messages: thread, has_more: false };
        const parent = this.messages.get(String(args.ts));
        const replies = [...this.messages.values()].filter(
          (m) => m.thread_ts === args.ts && m.ts !== args.ts && m.channel === args.channel,
        );
        return { ok: true, messages: [...(parent ? [parent] : []), ...replies], has_more: false };
      }
      case 'conversations.history': {
        // Latest first, between `oldest` and `latest` when they are given (inclusive; the same
        // timestamp in both asks for that one message).
        const ts = (m: Record<string, unknown>) => Number(m.ts);
        const one = args.oldest !== undefined && args.oldest === args.latest;
        const inChannel = [...this.messages.values()].filter(
          (m) =>
            m.channel === args.channel &&
            (one
              ? m.ts === args.oldest
              : (args.oldest === undefined || ts(m) >= Number(args.oldest)) &&
                (args.latest === undefined || ts(m) <= Number(args.latest))),
        );
        return {
          ok: true,
          messages: inChannel.reverse().slice(0, Number(args.limit ?? 100)),
          has_more: false,
        };
      }
      case 'conversations.info': {
        const id = String(args.channel);
        const members = this.privateChannels.get(id);
        return members
          ? { ok: true, channel: { id, is_channel: false, is_group: true, is_private: true } }
          : { ok: true, channel: { id, is_channel: true, is_private: false } };
      }
      case 'conversations.members': {
        const members = this.privateChannels.get(String(args.channel));
        return members
          ? { ok: true, members, response_metadata: { next_cursor: '' } }
          : { ok: true, members: [] };
      }
      case 'views.publish':
        return { ok: true, view: { id: 'V0001' } };
      case 'views.open':
        // A trigger opens one modal within three seconds; after that Slack refuses it (here: `expired-…`).
        if (!args.trigger_id) return { ok: false, error: 'invalid_trigger_id' };
        if (String(args.trigger_id).startsWith('expired')) return { ok: false, error: 'expired_trigger_id' };
        return { ok: true, view: { id: `V${++this.ts}`, ...(args.view as object) } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private async applyFault(method: string, res: ServerResponse): Promise<boolean> {
    const list = this.faults.get(method);
    const fault = list?.[0];
    if (!fault || !list) return false;
    fault.times--;
    if (fault.times <= 0) list.shift();
    if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault.drop) {
      res.socket?.destroy();
      return true;
    }
    if (fault.status === 200) return false;
    res.writeHead(fault.status, { 'content-type': 'application/json', ...(fault.headers ?? {}) });
    res.end(fault.body ?? JSON.stringify({ ok: false, error: 'fault' }));
    return true;
  }

  private download(path: string, req: IncomingMessage, res: ServerResponse): void {
    const id = path.split('/')[2] ?? '';
    this.record({
      method: 'file.download',
      args: { id },
      headers: this.compact ? {} : req.headers,
      at: Date.now(),
      t: performance.now(),
    });
    const f = this.files.get(id);
    if (req.headers.authorization !== `Bearer ${BOT_TOKEN}`) {
      // Slack answers a download without the bot token with its sign-in page.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><html><body>Sign in to Slack</body></html>');
      return;
    }
    if (!f) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(f.content.length) });
    // Recorded once the whole file is handed to the bot's connection: its analysis can start.
    res.on('finish', () =>
      this.record({
        method: 'file.downloaded',
        args: { id },
        headers: {},
        at: Date.now(),
        t: performance.now(),
      }),
    );
    if (f.trickle) {
      let sent = 0;
      const drip = setInterval(() => {
        if (sent < f.content.length) res.write(f.content.subarray(sent, ++sent));
        else {
          clearInterval(drip);
          res.end();
        }
      }, 20);
      res.on('close', () => clearInterval(drip));
      return;
    }
    res.end(f.content);
    if (this.compact) this.files.delete(id);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function parseArgs(body: string, type: string): Record<string, unknown> {
  if (body === '') return {};
  if (type.includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function json(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
