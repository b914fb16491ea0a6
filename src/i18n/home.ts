/** App Home: open incidents, the last handoff, the knowledge base's size. */
import type { Bilingual } from './bilingual.ts';

export const HOME = {
  'home.title': { en: 'netty-oom', zh: 'netty-oom' },
  'home.open': { en: '*Open incidents* ({n})', zh: '*未解决的事件*（{n}）' },
  'home.noOpen': { en: 'No open incidents.', zh: '没有未解决的事件。' },
  'home.seen': { en: 'seen {n}× · last {last}', zh: '出现 {n} 次 · 最近 {last}' },
  'home.usage': { en: '{used} of {max}', zh: '{used} / {max}' },
  'home.thread': { en: 'thread', zh: '讨论' },
  'home.stats': {
    en: '*Knowledge base*: {entries} entries, {playbooks} playbooks, {frameworks} frameworks recognised.',
    zh: '*知识库*：{entries} 条知识、{playbooks} 个处理手册、可识别 {frameworks} 种框架。',
  },
  'home.lastHandoff': { en: '*Last handoff* ({at})', zh: '*上次交接*（{at}）' },
  'home.noHandoff': {
    en: '*Last handoff*: none yet (`/netty-oom handoff`).',
    zh: '*上次交接*：还没有（`/netty-oom handoff`）。',
  },
} satisfies Record<string, Bilingual>;
