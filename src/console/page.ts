/**
 * The console page's words: its section of the message table, served to its script as JSON and
 * filled into the HTML before it is sent, so the page reads right before the script runs.
 */
import type { Language } from '../core/types.ts';
import { section } from '../i18n/messages.ts';

/** The labels of the report's enums and playbook steps, which the page shows next to its own words. */
const LABELS = ['allocationPath.', 'limitGuess.', 'ioDirection.', 'step.'];

/** Every text the page shows, by key: `console.*` without its prefix, the labels with theirs. */
export function pageMessages(lang: Language): Record<string, string> {
  const words = section('console.', lang);
  for (const prefix of LABELS)
    for (const [key, text] of Object.entries(section(prefix, lang))) words[`${prefix}${key}`] = text;
  return words;
}

/** The language a browser asks for first (`Accept-Language: zh-CN,zh;q=0.9` → zh). */
export function browserLanguage(acceptLanguage: string | undefined): Language {
  return /^\s*zh\b/i.test(acceptLanguage ?? '') ? 'zh' : 'en';
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The page's HTML with every `data-i18n*` element and the title worded in `lang`. */
export function pageIn(html: string, lang: Language): string {
  const words = pageMessages(lang);
  const say = (key: string) => escapeHtml(words[key] ?? key);
  return html
    .replace('<html lang="en">', `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`)
    .replace(/<title>[^<]*<\/title>/, `<title>${say('title')}</title>`)
    .replace(/(data-i18n="([\w.-]+)"[^>]*>)[^<]*/g, (_, open: string, key: string) => `${open}${say(key)}`)
    .replace(
      /data-i18n-(placeholder|aria)="([\w.-]+)"/g,
      (m, attr: string, key: string) =>
        `${m} ${attr === 'aria' ? 'aria-label' : 'placeholder'}="${say(key)}"`,
    );
}
