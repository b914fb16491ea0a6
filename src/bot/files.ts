/** Text snippets and log files attached to messages: read with the bot token, size-capped. */
import type { FileAccess, RemoteFile } from '../app/download.ts';
import { formatBytes } from '../core/units.ts';
import type { Said } from '../i18n/messages.ts';

export type { FileAccess } from '../app/download.ts';

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

export type FileToRead =
  | { ok: true; file: RemoteFile }
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
 * What to read of an attached file, judged from what Slack says of it: a text file of an allowed
 * size with a download URL, to be read where it is analysed; or why it is not read.
 */
export function fileToRead(file: SlackFile, access: FileAccess, max = MAX_FILE_BYTES): FileToRead {
  const name = file.name ?? file.title ?? file.id ?? 'file';
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
  return {
    ok: true,
    file: { url, access, name, max, ...(file.size !== undefined ? { size: file.size } : {}) },
  };
}
