/** Text snippets and log files attached to messages: fetched with the bot token, size-capped. */
import { formatBytes } from '../core/units.ts';
import type { Said } from '../i18n/messages.ts';

/** Larger files get a clear reply instead of an analysis. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Slack's host for `url_private` downloads. */
const SLACK_FILES = 'https://files.slack.com';
const MAX_REDIRECTS = 5;

/** What a download needs: the bot token, where it may be sent, and how long the whole download may take. */
export interface FileAccess {
  token: string;
  /** SLACK_API_URL: a proxy or a stand-in in front of Slack serves its files too. */
  apiUrl: string;
  /** The deadline of the whole download, body included. */
  timeoutMs: number;
}

export interface SlackFile {
  id?: string;
  name?: string | null;
  title?: string | null;
  filetype?: string;
  mimetype?: string;
  size?: number;
  url_private_download?: string;
  url_private?: string;
  mode?: string;
  preview?: string;
}

export type FileText =
  | { ok: true; text: string; name: string }
  | { ok: false; name: string; reason: 'too-large' | 'not-text' | 'unreadable'; detail: Said };

const TEXT_TYPES = new Set([
  'text',
  'log',
  'txt',
  'java',
  'json',
  'xml',
  'yaml',
  'shell',
  'markdown',
  'csv',
  'plain',
  'javascript',
]);

/** A snippet or a .log/.txt upload, judged by Slack's file type, MIME type or name. */
export function isTextFile(f: SlackFile): boolean {
  if (f.mode === 'snippet') return true;
  if (f.filetype && TEXT_TYPES.has(f.filetype)) return true;
  if (f.mimetype?.startsWith('text/') || f.mimetype === 'application/json') return true;
  return /\.(log|txt|out|err|trace|json)$/i.test(f.name ?? '');
}

/**
 * Whether the bot token may travel to `url`: only to Slack's file host over https, or to the
 * configured Web API's own origin (as configured: a proxy, or the stand-in of the tests). A file's
 * address comes from an event, so anything else could be a page that collects tokens.
 */
export function mayCarryToken(url: URL, apiUrl: string): boolean {
  if (url.username || url.password) return false;
  if (url.origin === SLACK_FILES) return true;
  try {
    return url.origin === new URL(apiUrl).origin;
  } catch {
    return false;
  }
}

/** The text of a Slack file, or why it cannot be read: a value, never a throw. */
export async function fetchFileText(
  file: SlackFile,
  access: FileAccess,
  max = MAX_FILE_BYTES,
): Promise<FileText> {
  const name = file.name ?? file.title ?? file.id ?? 'file';
  const unreadable = (detail: Said): FileText => ({ ok: false, name, reason: 'unreadable', detail });
  const failed = (err: unknown) =>
    unreadable({ key: 'file.error', values: { message: (err as Error).message } });
  if (!isTextFile(file))
    return {
      ok: false,
      name,
      reason: 'not-text',
      detail: { key: 'file.error', values: { message: file.filetype ?? file.mimetype ?? '?' } },
    };
  if (file.size !== undefined && file.size > max) {
    return {
      ok: false,
      name,
      reason: 'too-large',
      detail: { key: 'file.size', values: { size: formatBytes(file.size) } },
    };
  }
  const url = file.url_private_download ?? file.url_private;
  if (!url) return unreadable({ key: 'file.noUrl' });
  // One deadline for the whole download, headers, redirects and body alike: a body that trickles a
  // byte at a time must not hold the listener past it.
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
    access.timeoutMs,
  );
  try {
    const res = await download(url, access, deadline.signal);
    if ('refused' in res) return unreadable({ key: 'file.refused', values: { origin: res.refused } });
    if (!res.ok || !res.body) return unreadable({ key: 'file.http', values: { status: res.status } });
    const body = await readCapped(res.body, max, deadline.signal);
    if (body.over) {
      // The file grew past what Slack declared while it streamed: say what was actually read.
      const read = formatBytes(body.size);
      const detail: Said =
        file.size !== undefined
          ? { key: 'file.grew', values: { read, declared: formatBytes(file.size) } }
          : { key: 'file.moreThan', values: { size: read } };
      return { ok: false, name, reason: 'too-large', detail };
    }
    const text = Buffer.concat(body.parts).toString('utf8');
    // Slack answers an unauthorised download with its login page, not an error.
    if (/^\s*<!DOCTYPE html/i.test(text.slice(0, 200)) && !/\.html?$/i.test(name)) {
      return unreadable({ key: 'file.webPage' });
    }
    return { ok: true, text, name };
  } catch (err) {
    // The deadline, or a dropped connection, can strike while the body streams too.
    return failed(deadline.signal.aborted ? deadline.signal.reason : err);
  } finally {
    clearTimeout(timer);
  }
}

/** Fetch `url` with the token, following redirects by hand so that every hop is checked first. */
async function download(
  first: string,
  access: FileAccess,
  signal: AbortSignal,
): Promise<Response | { refused: string }> {
  let url = new URL(first);
  for (let hop = 0; ; hop++) {
    if (!mayCarryToken(url, access.apiUrl)) return { refused: url.origin };
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${access.token}` },
      redirect: 'manual',
      signal,
    });
    const location = res.headers.get('location');
    if (res.status < 300 || res.status > 399 || !location || hop === MAX_REDIRECTS) return res;
    await res.body?.cancel();
    url = new URL(location, url);
  }
}

/** Read at most `max` bytes whatever the headers claim; `over` when the body holds more. */
async function readCapped(
  body: ReadableStream<Uint8Array>,
  max: number,
  signal: AbortSignal,
): Promise<{ parts: Uint8Array[]; size: number; over: boolean }> {
  const reader = body.getReader();
  const stop = () => void reader.cancel(signal.reason).catch(() => {});
  signal.addEventListener('abort', stop, { once: true });
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw signal.reason;
      if (done) return { parts, size, over: false };
      size += value.length;
      if (size > max) {
        await reader.cancel();
        return { parts, size, over: true };
      }
      parts.push(value);
    }
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
