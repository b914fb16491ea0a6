/**
 * An attached file, read over HTTP with the bot token: at most `max` bytes whatever the headers
 * claim, within one deadline, and the token sent only where it may go. Done where the file is
 * analysed (a worker thread in the running bot, for a large file), so its megabytes never pass
 * through the event loop that answers Slack. A value, never a throw.
 */
import { formatBytes } from '../core/units.ts';
import type { Said } from '../i18n/messages.ts';

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

/** A file to read: where, with which access, and how large it may be. */
export interface RemoteFile {
  url: string;
  access: FileAccess;
  name: string;
  /** The size Slack gives, when it does. */
  size?: number;
  max: number;
}

/** A file that could not be read, and why, for a reply that says so. */
export interface Unread {
  name: string;
  reason: 'too-large' | 'unreadable';
  detail: Said;
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

/** The file's bytes, or why there are none. */
export async function download(file: RemoteFile): Promise<Uint8Array | Unread> {
  const { name, max, access } = file;
  const unreadable = (detail: Said): Unread => ({ name, reason: 'unreadable', detail });
  // One deadline for the whole download, headers, redirects and body alike: a body that trickles a
  // byte at a time must not hold the reader past it.
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
    access.timeoutMs,
  );
  try {
    const res = await fetchFollowing(file.url, access, deadline.signal);
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
      return { name, reason: 'too-large', detail };
    }
    const bytes = Buffer.concat(body.parts, body.size);
    // Slack answers an unauthorised download with its login page, not an error.
    if (/^\s*<!DOCTYPE html/i.test(bytes.toString('utf8', 0, 200)) && !/\.html?$/i.test(name)) {
      return unreadable({ key: 'file.webPage' });
    }
    return bytes;
  } catch (err) {
    // The deadline, or a dropped connection, can strike while the body streams too.
    const cause = deadline.signal.aborted ? deadline.signal.reason : err;
    return unreadable({ key: 'file.error', values: { message: (cause as Error).message } });
  } finally {
    clearTimeout(timer);
  }
}

/** Fetch `url` with the token, following redirects by hand so that every hop is checked first. */
async function fetchFollowing(
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
