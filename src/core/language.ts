/** The reply follows the language people write in. */
import type { Language } from './types.ts';

/** Chinese when the text around the trace has Chinese in it (a few characters are enough). */
export function detectLanguage(cjkChars: number): Language {
  return cjkChars >= 2 ? 'zh' : 'en';
}

/** How many CJK ideographs a text holds: counted, not collected. */
export function cjkIn(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) n++;
  }
  return n;
}
