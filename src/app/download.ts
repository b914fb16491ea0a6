/**
 * An attached file, read over HTTP with a bearer token, at most `max` bytes whatever the headers
 * claim. Done where the file is analysed (a worker thread in the running bot), so a 20 MiB
 * download never passes through the event loop that answers Slack.
 */

import { formatBytes } from '../core/units.ts';
import type { Said } from '../i18n/messages.ts';

/** A file to read: where, with which token, and how large it may be. */
export interface RemoteFile {
  url: string;
  token: string;
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

/** The file's bytes, or why there are none. */
export async function download(file: RemoteFile): Promise<Uint8Array | Unread> {
  const { name, max } = file;
  const unreadable = (detail: Said): Unread => ({ name, reason: 'unreadable', detail });
  let res: Response;
  try {
    res = await fetch(file.url, {
      headers: { authorization: `Bearer ${file.token}` },
      redirect: 'follow',
      signal: AbortSignal.timeout(30_000),
    });
  } catch (err) {
    return unreadable({ key: 'file.error', values: { message: (err as Error).message } });
  }
  if (!res.ok || !res.body) return unreadable({ key: 'file.http', values: { status: res.status } });
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel();
      return {
        name,
        reason: 'too-large',
        detail: { key: 'file.moreThan', values: { size: formatBytes(max) } },
      };
    }
    parts.push(value);
  }
  const bytes = Buffer.concat(parts, size);
  // Slack answers an unauthorised download with its login page, not an error.
  if (/^\s*<!DOCTYPE html/i.test(bytes.toString('utf8', 0, 200)) && !/\.html?$/i.test(name))
    return unreadable({ key: 'file.webPage' });
  return bytes;
}
