/**
 * Every request to the events endpoint gets an answer. Bolt leaves some signed bodies unanswered
 * until Slack gives up (`null` throws before any reply; a body it cannot classify waits 3 s), so
 * those are answered here: 400 when signed, 401 otherwise, at once. Well-formed requests go on
 * to Bolt with their body already read.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse } from 'node:querystring';
import { defaultBodyLimit, HTTPModuleFunctions, isValidSlackRequest } from '@slack/bolt';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The body as Bolt will read it, or undefined when it is not JSON or a form it knows. */
function bodyOf(raw: string, contentType: string | undefined): unknown {
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const form = parse(raw);
      return typeof form.payload === 'string' ? JSON.parse(form.payload) : form;
    }
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Whether Bolt can dispatch (or answer itself) a request with this body: the shapes Slack sends. */
export function isDispatchable(body: unknown): boolean {
  if (!isRecord(body)) return false;
  if (body.ssl_check === '1') return true;
  if (body.type === 'url_verification') return typeof body.challenge === 'string';
  if ('event' in body) return isRecord(body.event) && typeof body.event.type === 'string';
  if (typeof body.command === 'string') return true;
  if (Array.isArray(body.actions) || body.type === 'dialog_submission') return true;
  if (body.type === 'block_suggestion' || typeof body.name === 'string') return true;
  return ['shortcut', 'message_action', 'view_submission', 'view_closed'].includes(String(body.type));
}

/** Wrap Bolt's request listener: a malformed body on `path` is answered at once. */
export function answerMalformed(
  inner: RequestListener,
  options: { path: string; signingSecret: string; onMalformed: (status: number) => void },
): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || path !== options.path) return inner(req, res);
    HTTPModuleFunctions.bufferIncomingMessage(req, defaultBodyLimit).then(
      (buffered) => {
        const raw = buffered.rawBody.toString();
        if (isDispatchable(bodyOf(raw, req.headers['content-type']))) return inner(buffered, res);
        const status = isSigned(req, raw, options.signingSecret) ? 400 : 401;
        options.onMalformed(status);
        res.writeHead(status).end();
      },
      // Too large, or the client went away: Bolt would say 413 / 401, and so does this.
      (err: { statusCode?: number }) => {
        if (!res.headersSent) res.writeHead(err.statusCode === 413 ? 413 : 400).end();
      },
    );
  };
}

function isSigned(req: IncomingMessage, body: string, signingSecret: string): boolean {
  const signature = req.headers['x-slack-signature'];
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  if (typeof signature !== 'string' || !Number.isFinite(timestamp)) return false;
  return isValidSlackRequest({
    signingSecret,
    body,
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
  });
}
