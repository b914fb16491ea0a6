/** The reply follows the language people write in. */
import type { Language } from './types.ts';

/** Chinese when the text around the trace has Chinese in it (a few characters are enough). */
export function detectLanguage(cjkChars: number): Language {
  return cjkChars >= 2 ? 'zh' : 'en';
}
