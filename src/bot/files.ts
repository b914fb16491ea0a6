/** Text snippets and log files attached to messages: fetched with the bot token, size-capped. */
import { formatBytes } from '../core/units.ts';
import type { Said } from '../i18n/messages.ts';

/** Larger files get a clear reply instead of an analysis. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

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

/** The text of a Slack file, or why it cannot be read: a value, never a throw. */
export async function fetchFileText(
  file: SlackFile,
  botToken: string,
  max = MAX_FILE_BYTES,
  timeoutMs = 30_000,
): Promise<FileText> {
  const name = file.name ?? file.title ?? file.id ?? 'file';
  const failed = (err: unknown): FileText => ({
    ok: false,
    name,
    reason: 'unreadable',
    detail: { key: 'file.error', values: { message: (err as Error).message } },
  });
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
  if (!url) return { ok: false, name, reason: 'unreadable', detail: { key: 'file.noUrl' } };
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { authorization: `Bearer ${botToken}` },
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    return failed(err);
  }
  if (!res.ok || !res.body)
    return {
      ok: false,
      name,
      reason: 'unreadable',
      detail: { key: 'file.http', values: { status: res.status } },
    };
  // Read at most `max` bytes whatever the headers claim.
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > max) {
        await reader.cancel();
        return {
          ok: false,
          name,
          reason: 'too-large',
          detail: { key: 'file.moreThan', values: { size: formatBytes(max) } },
        };
      }
      parts.push(value);
    }
  } catch (err) {
    // The timeout, or a dropped connection, can strike while the body streams too.
    return failed(err);
  }
  const text = Buffer.concat(parts).toString('utf8');
  // Slack answers an unauthorised download with its login page, not an error.
  if (/^\s*<!DOCTYPE html/i.test(text.slice(0, 200)) && !/\.html?$/i.test(name)) {
    return {
      ok: false,
      name,
      reason: 'unreadable',
      detail: { key: 'file.webPage' },
    };
  }
  return { ok: true, text, name };
}
