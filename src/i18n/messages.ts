/**
 * The one bilingual message table: every text a person reads, in English and Chinese. A message
 * missing a language does not compile, and `t` accepts only keys the table has.
 */
import type { Bilingual, Language } from './bilingual.ts';
import { BOT } from './bot.ts';
import { CONSOLE } from './console.ts';
import { DIAGNOSIS } from './diagnosis.ts';
import { HANDOFF } from './handoff.ts';
import { HOME } from './home.ts';
import { NOTES } from './notes.ts';
import { REPLY } from './reply.ts';
import { VERSIONS } from './versions.ts';

export type { Bilingual, Language } from './bilingual.ts';

/** The areas of the table, one file each; their keys never overlap (a test holds them to it). */
export const AREAS = { REPLY, NOTES, DIAGNOSIS, BOT, HANDOFF, HOME, CONSOLE, VERSIONS } as const;

export const MESSAGES = {
  ...REPLY,
  ...NOTES,
  ...DIAGNOSIS,
  ...BOT,
  ...HANDOFF,
  ...HOME,
  ...CONSOLE,
  ...VERSIONS,
} satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof MESSAGES;
export type MessageValues = Record<string, string | number>;

/** A message not yet put in words: its key and values, for text made before its language is known. */
export interface Said {
  key: MessageKey;
  values?: MessageValues;
}

/** The message `key` in `lang`, its `{name}` placeholders filled from `values`. */
export function t(key: MessageKey, lang: Language, values: MessageValues = {}): string {
  return placeholders(MESSAGES[key][lang], values);
}

/** A message kept as key and values, put in words. */
export function say(said: Said, lang: Language): string {
  return t(said.key, lang, said.values);
}

/** Fixed wording with `{name}` placeholders: unknown names stay as written (Slack's `{time}` tokens). */
export function placeholders(text: string, values: MessageValues): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = values[k];
    return v === undefined ? m : String(v);
  });
}

/** The messages whose keys start with `prefix`, in one language, with the prefix dropped. */
export function section(prefix: string, lang: Language): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(MESSAGES) as [string, Bilingual][])
    if (key.startsWith(prefix)) out[key.slice(prefix.length)] = text[lang];
  return out;
}
