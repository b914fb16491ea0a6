/** The input to analyze for a message: what was typed plus any attached snippet or log file. */
import type { Piece } from '../app/analysis.ts';
import { download } from '../app/download.ts';
import { WHOLE_LIMIT } from '../app/read-input.ts';
import type { Language } from '../core/types.ts';
import { formatBytes } from '../core/units.ts';
import { type Said, say, t } from '../i18n/messages.ts';
import { echoed } from '../render/mrkdwn.ts';
import type { Deduper } from './dedupe.ts';
import { type FileAccess, fileToRead, MAX_FILE_BYTES, type SlackFile } from './files.ts';

export interface FileProblem {
  name: string;
  reason: 'too-large' | 'not-text' | 'unreadable';
  detail: Said;
}

export interface Gathered {
  /** The text and the files to read with it; empty when there is neither. */
  input: Piece[];
  /** Files that are not read, with the reason, for a clear reply (a download may fail later too). */
  problems: FileProblem[];
}

/**
 * Join the message text and its text files. With `deduper`, a file already read for another event
 * (Slack sends both `message` and `file_shared` for an upload) is skipped; the event `by` that
 * claimed it reads it again when it is answered again after a restart. A file read whole (up to
 * 1 MiB) is downloaded here, like any Slack call; a larger one by the thread that analyses it, so
 * its megabytes never pass through this event loop, and no analysis thread waits on the network
 * for a small one.
 */
export async function gather(
  text: string,
  files: SlackFile[] | undefined,
  access: FileAccess,
  deduper?: Deduper,
  by?: string,
): Promise<Gathered> {
  const parts: Piece[] = text ? [text] : [];
  const problems: Gathered['problems'] = [];
  for (const file of files ?? []) {
    if (deduper && file.id && !(await deduper.claim(`file:${file.id}`, by))) continue;
    const got = fileToRead(file, access);
    if (!got.ok) {
      if (got.reason !== 'not-text')
        problems.push({ name: got.name, reason: got.reason, detail: got.detail });
    } else if ((got.file.size ?? Number.POSITIVE_INFINITY) > WHOLE_LIMIT) parts.push(got.file);
    else {
      const bytes = await download(got.file);
      if (bytes instanceof Uint8Array) parts.push(bytes);
      else problems.push(bytes);
    }
  }
  return { input: parts, problems };
}

export const MAX_FILE_TEXT = formatBytes(MAX_FILE_BYTES);

/** What to say about a file that could not be read, the same wherever it was shared. */
export function problemText(problem: FileProblem, lang: Language): string {
  // The file's name is what someone typed: shown back masked, and notifying no one.
  const name = echoed(problem.name);
  return problem.reason === 'too-large'
    ? t('bot.tooLarge', lang, { name, size: say(problem.detail, lang), max: MAX_FILE_TEXT })
    : t('bot.unreadable', lang, { name, detail: say(problem.detail, lang) });
}
