/** The local console: the bot without Slack, on http://127.0.0.1:3000/. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { answer } from '../answer.ts';
import type { Language } from '../core/types.ts';
import type { KnowledgeBase } from '../knowledge/load.ts';
import { PAGE } from './page.ts';

/** Largest body accepted (a pasted log or an uploaded file). */
export const MAX_BODY = 50 * 1024 * 1024;

export function createConsoleServer(kb: KnowledgeBase): Server {
  return createServer((req, res) => {
    handle(req, res, kb).catch((err: unknown) => {
      send(
        res,
        500,
        'application/json',
        JSON.stringify({ error: `internal error: ${(err as Error).message}` }),
      );
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, kb: KnowledgeBase): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'GET' && url.pathname === '/') return send(res, 200, 'text/html; charset=utf-8', PAGE);
  if (req.method === 'GET' && url.pathname === '/healthz') return send(res, 200, 'text/plain', 'ok');
  if (url.pathname === '/api/analyze') {
    if (req.method !== 'POST')
      return send(res, 405, 'application/json', JSON.stringify({ error: 'use POST' }));
    const body = await readBody(req);
    if (body === null) {
      return send(
        res,
        413,
        'application/json',
        JSON.stringify({ error: `the body is larger than ${MAX_BODY / 1048576} MiB` }),
      );
    }
    const lang = url.searchParams.get('lang');
    const language: Language | undefined = lang === 'en' || lang === 'zh' ? lang : undefined;
    const { report, reply } = answer(body, kb, language ? { language } : {});
    return send(
      res,
      200,
      'application/json',
      JSON.stringify({ report, blocks: reply.blocks, text: reply.text }),
    );
  }
  send(res, 404, 'application/json', JSON.stringify({ error: 'not found' }));
}

/** The body as text, or null when it is larger than MAX_BODY (the rest is drained, not kept). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) tooLarge = true;
      else parts.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'content-security-policy':
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'",
  });
  res.end(body);
}
