/** The text to analyze for a message: what was typed plus any attached snippet or log file. */
import type { Language } from '../core/types.ts';
import { formatBytes } from '../core/units.ts';
import { type Said, say, t } from '../i18n/messages.ts';
import { echoed } from '../render/mrkdwn.ts';
import type { Deduper } from './dedupe.ts';
import { type FileAccess, fetchFileText, MAX_FILE_BYTES, type SlackFile } from './files.ts';

export interface FileProblem {
  name: string;
  reason: 'too-large' | 'not-text' | 'unreadable';
  detail: Said;
}

export interface Gathered {
  text: string;
  /** Files that could not be read, with the reason, for a clear reply. */
  problems: FileProblem[];
}

/**
 * Join the message text and its text files. With `deduper`, a file already read for another event
 * (Slack sends both `message` and `file_shared` for an upload) is skipped; the event `by` that
 * claimed it reads it again when it is answered again after a restart.
 */
export async function gather(
  text: string,
  files: SlackFile[] | undefined,
  access: FileAccess,
  deduper?: Deduper,
  by?: string,
): Promise<Gathered> {
  const parts = text ? [text] : [];
  const problems: Gathered['problems'] = [];
  for (const file of files ?? []) {
    if (deduper && file.id && !(await deduper.claim(`file:${file.id}`, by))) continue;
    const got = await fetchFileText(file, access);
    if (got.ok) parts.push(got.text);
    else if (got.reason !== 'not-text') {
      problems.push({ name: got.name, reason: got.reason, detail: got.detail });
    }
  }
  return { text: parts.join('\n'), problems };
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
