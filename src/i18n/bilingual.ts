/** The two languages the product speaks, and a text written in both. */
export type Language = 'en' | 'zh';

export interface Bilingual {
  en: string;
  zh: string;
}
