/**
 * The local console: the bot without Slack, on http://127.0.0.1:3000/. The same answers and the same
 * Block Kit blocks as in Slack, a knowledge base browser, and the handoff from the local store.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { type Analyzer, inProcessAnalyzer } from '../app/analysis.ts';
import { handoffFrom } from '../app/handoff.ts';
import { withExistingStore } from '../app/store.ts';
import { mask } from '../core/mask/index.ts';
import type { Language } from '../core/types.ts';
import { formatBytes, parseDuration } from '../core/units.ts';
import { type MessageKey, type MessageValues, t } from '../i18n/messages.ts';
import { buildHandoff } from '../incidents/handoff.ts';
import { currentKnowledge, type KnowledgeSource } from '../knowledge/live.ts';
import type { KnowledgeBase } from '../knowledge/load.ts';
import { PACKAGE_ROOT } from '../knowledge/schemas.ts';
import { readablePlaybook } from '../playbook/fill.ts';
import { handoffBlocks } from '../render/handoff.ts';
import { playbookBlocks } from '../render/playbook-blocks.ts';
import { browserLanguage, pageIn, pageMessages } from './page.ts';

/** Largest body accepted (a pasted log or an uploaded file). */
export const MAX_BODY = 50 * 1024 * 1024;

const STATIC = join(PACKAGE_ROOT, 'src', 'console', 'static');
const FILES: Record<string, string> = {
  '/': 'index.html',
  '/static/app.js': 'app.js',
  '/static/render.js': 'render.js',
  '/static/style.css': 'style.css',
};
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};
const SEEDS = [
  '000-reactor-netty-load-test',
  '001-grpc-explicit-512m',
  '002-nacos-shaded-grpc',
  '003-copy-not-released',
  '004-inbound-handler-leak',
] as const;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export interface ConsoleOptions {
  /** A fixed knowledge base, or one that is reloaded while the console runs. */
  kb: KnowledgeBase | KnowledgeSource;
  /** The incident store file for the handoff view (read when it exists). */
  dbPath: string;
  /** Bound to loopback: refuse requests that name another host (DNS rebinding). */
  loopbackOnly: boolean;
  /** The worker pool that analyses bodies off the event loop; without one, in process. */
  analyzer?: Analyzer;
  now?: () => number;
}

type ErrorKey = Extract<MessageKey, `console.error.${string}`>;

/** An error the page shows: in English for the API, and as a key the page words in its own language. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly key: ErrorKey,
    readonly values: MessageValues = {},
  ) {
    super(t(key, 'en', values));
  }
}

export function createConsoleServer(options: ConsoleOptions): Server {
  const files = new Map(
    Object.entries(FILES).map(([route, name]) => [route, readFileSync(join(STATIC, name))]),
  );
  const seeds = SEEDS.map((id) => {
    const path = join(PACKAGE_ROOT, 'test', 'fixtures', 'seeds', `${id}.txt`);
    return { id, text: existsSync(path) ? readFileSync(path, 'utf8') : '' };
  }).filter((s) => s.text !== '');
  const analyzer = options.analyzer ?? inProcessAnalyzer(() => currentKnowledge(options.kb));
  return createServer((req, res) => {
    handle(req, res, options, analyzer, files, seeds).catch((err: unknown) => {
      const known =
        err instanceof HttpError
          ? err
          : new HttpError(500, 'console.error.internal', { message: (err as Error).message });
      // `error` for callers of the API; `message` for the page, which words it in its own language.
      const message = { key: known.key.slice('console.'.length), values: known.values };
      json(res, known.status, { error: known.message, message });
      if (known.status === 413) req.destroy();
    });
  });
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  o: ConsoleOptions,
  analyzer: Analyzer,
  files: Map<string, Buffer>,
  seeds: { id: (typeof SEEDS)[number]; text: string }[],
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (o.loopbackOnly) {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!LOOPBACK.has(host)) throw new HttpError(421, 'console.error.host', { host });
  }
  // Any page the user has open can send requests here: only the page itself may call the API. A
  // link from elsewhere may still open the page.
  if ((req.method !== 'GET' || url.pathname.startsWith('/api/')) && isCrossSite(req)) {
    throw new HttpError(403, 'console.error.crossSite');
  }
  const file = files.get(url.pathname);
  if (req.method === 'GET' && url.pathname === '/' && file) {
    // Worded in the browser's language; the page's script then applies the reader's own choice.
    const page = pageIn(file.toString('utf8'), browserLanguage(req.headers['accept-language']));
    return send(res, 200, TYPES.html ?? 'text/html', page);
  }
  if (req.method === 'GET' && file) {
    const ext = (FILES[url.pathname] ?? '').split('.').pop() ?? 'html';
    return send(res, 200, TYPES[ext] ?? 'text/plain', file);
  }
  // The knowledge base as it is now: a reload between requests is picked up by the next one.
  const kb = currentKnowledge(o.kb);
  const lang = url.searchParams.get('lang');
  const language: Language | undefined = lang === 'en' || lang === 'zh' ? lang : undefined;
  switch (`${req.method} ${url.pathname}`) {
    case 'GET /healthz':
      return send(res, 200, 'text/plain', 'ok');
    case 'POST /api/analyze': {
      const body = await readBody(req);
      const analysed = await analyzer.analyse({ input: [body], ...(language ? { language } : {}) });
      if (analysed.status === 'too-slow')
        throw new HttpError(422, 'console.error.tooSlow', { seconds: analysed.deadlineMs / 1000 });
      // Whole or in windows, the analysis masked every line it read: the report, and the reply and
      // playbook made from it, hold no secret.
      const { report, reply, fullPlaybook } = analysed.answer;
      const playbook = fullPlaybook ? playbookBlocks(fullPlaybook, report.language) : [];
      return json(res, 200, { report, blocks: reply.blocks, text: reply.text, playbook });
    }
    case 'GET /api/search': {
      const q = mask(url.searchParams.get('q') ?? '');
      const limit = Math.min(50, Math.max(1, Number(url.searchParams.get('limit') ?? 10) || 10));
      return json(res, 200, {
        query: q,
        hits: kb.search.search(q, { limit, ...(language ? { language } : {}) }),
      });
    }
    case 'GET /api/seeds':
      return json(
        res,
        200,
        seeds.map((s) => ({ ...s, title: t(`console.seed.${s.id}`, language ?? 'en') })),
      );
    case 'GET /api/messages':
      return json(res, 200, { language: language ?? 'en', messages: pageMessages(language ?? 'en') });
    case 'GET /api/handoff': {
      const since = parseDuration(url.searchParams.get('since') ?? '24h');
      if (since === null) throw new HttpError(400, 'console.error.since');
      const now = (o.now ?? Date.now)();
      const channel = url.searchParams.get('channel') ?? undefined;
      const handoff =
        (await withExistingStore(o, (store) => handoffFrom(store, since, now, channel))) ??
        buildHandoff([], [], () => [], now - since, now);
      return json(res, 200, { handoff, ...handoffBlocks(handoff, language ?? 'en') });
    }
  }
  if (req.method === 'GET' && url.pathname.startsWith('/api/docs/')) {
    const id = decodeURIComponent(url.pathname.slice('/api/docs/'.length));
    const entry = kb.entries.find((e) => e.id === id);
    if (entry) return json(res, 200, { type: 'knowledge', doc: entry });
    const playbook = kb.playbooks.find((p) => p.id === id);
    if (playbook) return json(res, 200, { type: 'playbook', doc: readablePlaybook(playbook, kb.versions) });
    throw new HttpError(404, 'console.error.noDoc', { id });
  }
  throw new HttpError(404, 'console.error.notFound');
}

/**
 * Whether a browser says the request comes from another site: `Sec-Fetch-Site` other than
 * same-origin or none (typed, bookmarked), or an `Origin` that is not this host. Clients that send
 * neither (curl, scripts) are not browsers, and no other page drives them.
 */
export function isCrossSite(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    // `Origin: null`: a sandboxed frame, a file, a redirect across sites.
    return true;
  }
}

/** The request body, refused past MAX_BODY without reading the rest. */
async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(): HttpError {
  return new HttpError(413, 'console.error.tooLarge', { max: formatBytes(MAX_BODY) });
}

const HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, ...HEADERS });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}
