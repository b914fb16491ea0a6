/** The text to analyze for a message: what was typed plus any attached snippet or log file. */
import { formatBytes } from '../core/units.ts';
import type { Said } from '../i18n/messages.ts';
import type { Deduper } from './dedupe.ts';
import { fetchFileText, MAX_FILE_BYTES, type SlackFile } from './files.ts';

export interface Gathered {
  text: string;
  /** Files that could not be read, with the reason, for a clear reply. */
  problems: { name: string; reason: 'too-large' | 'not-text' | 'unreadable'; detail: Said }[];
}

/**
 * Join the message text and its text files. With `deduper`, a file already read for another event
 * (Slack sends both `message` and `file_shared` for an upload) is skipped.
 */
export async function gather(
  text: string,
  files: SlackFile[] | undefined,
  botToken: string,
  deduper?: Deduper,
): Promise<Gathered> {
  const parts = text ? [text] : [];
  const problems: Gathered['problems'] = [];
  for (const file of files ?? []) {
    if (deduper && file.id && !(await deduper.claim(`file:${file.id}`))) continue;
    const got = await fetchFileText(file, botToken);
    if (got.ok) parts.push(got.text);
    else if (got.reason !== 'not-text') {
      problems.push({ name: got.name, reason: got.reason, detail: got.detail });
    }
  }
  return { text: parts.join('\n'), problems };
}

export const MAX_FILE_TEXT = formatBytes(MAX_FILE_BYTES);
