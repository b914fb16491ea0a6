/** Replies that are not analyses: help, search results, plain texts, apologies. */
import { mask } from '../core/mask/index.ts';
import type { Language } from '../core/types.ts';
import { t } from '../i18n/messages.ts';
import type { KnowledgeBase } from '../knowledge/load.ts';
import { type Block, LIMITS, type Reply } from '../render/blocks.ts';
import { clip, echoed, escapeMrkdwn } from '../render/mrkdwn.ts';
import type { SearchHit } from '../search/index.ts';

const section = (text: string): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) },
});

/** How to use the bot, in one section. */
export function helpReply(lang: Language): Reply {
  return { blocks: [section(t('bot.help', lang))], text: t('bot.helpFallback', lang) };
}

/** One plain text as a reply, escaped for mrkdwn. */
export function textReply(text: string): Reply {
  return { blocks: [section(escapeMrkdwn(text))], text: clip(text, 3000) };
}

/** Search the knowledge base for words a person typed; the words are masked before anything else. */
export function searchAnswer(words: string, kb: KnowledgeBase, lang: Language, limit: number): Reply {
  const query = mask(words);
  return searchReply(query, kb.search.search(query, { limit }), kb, lang);
}

/**
 * Knowledge base hits as a reply: a head line, then one line per hit with its link and summary.
 * The query is shown back masked and unable to notify anyone: *Share in channel* makes it public.
 */
export function searchReply(query: string, hits: SearchHit[], kb: KnowledgeBase, lang: Language): Reply {
  const q = echoed(query);
  if (hits.length === 0) return textReply(t('bot.noHits', lang, { q }));
  const entries = new Map(kb.entries.map((e) => [e.id, e]));
  const playbooks = new Map(kb.playbooks.map((p) => [p.id, p]));
  const lines = hits.map((h) => {
    const summary = entries.get(h.id)?.summary[lang] ?? playbooks.get(h.id)?.summary[lang] ?? '';
    const url = entries.get(h.id)?.references[0] ?? playbooks.get(h.id)?.references[0];
    const title = url ? `<${url}|${escapeMrkdwn(h.title)}>` : `*${escapeMrkdwn(h.title)}*`;
    return `${h.type === 'playbook' ? '📋' : '📖'} ${title} — ${escapeMrkdwn(clip(summary, 300))}`;
  });
  const head = t('bot.hits', lang, { n: hits.length, q });
  return { blocks: [section(`*${escapeMrkdwn(head)}*`), section(lines.join('\n'))], text: head };
}

/** The apology for a failed answer, with the reference the log line carries. */
export function sorryReply(ref: string, lang: Language): Reply {
  return textReply(t('bot.sorry', lang, { ref }));
}

/** The language to answer a short command in: Chinese when it has Chinese in it. */
export function languageOf(text: string): Language {
  return /[\u3400-\u9fff]/.test(text) ? 'zh' : 'en';
}
