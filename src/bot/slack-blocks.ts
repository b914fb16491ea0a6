/** Slack-only parts of a reply: buttons, help, search results, apologies. */
import { placeholders } from '../core/template.ts';
import type { Language } from '../core/types.ts';
import type { KnowledgeBase } from '../knowledge/load.ts';
import { type Block, LIMITS, type Reply } from '../render/blocks.ts';
import { clip, escapeMrkdwn } from '../render/mrkdwn.ts';
import type { SearchHit } from '../search/index.ts';

export const SHARE_ACTION = 'share_reply';
export const SHORTCUT_ID = 'analyze_oom_trace';
export const COMMAND = '/netty-oom';

const T = {
  share: { en: 'Share in channel', zh: '分享到频道' },
  help: {
    en: "*netty-oom* reads Netty `OutOfDirectMemoryError`, JDK `Direct buffer memory` and Netty `LEAK:` traces.\n• Paste a trace in a channel I am in: I answer in its thread.\n• `/netty-oom TEXT`: analyze TEXT (only you see the answer; share it with the button).\n• `/netty-oom search QUERY`: search the knowledge base (English or 中文).\n• `/netty-oom help`: this message.\n• Message menu → *Analyze OOM trace*: analyze any message, or its attached log.\n• Mention me in a thread: I analyze the thread's first message.",
    zh: '*netty-oom* 读取 Netty `OutOfDirectMemoryError`、JDK `Direct buffer memory` 和 Netty `LEAK:` 日志。\n• 在我所在的频道粘贴堆栈：我会在该消息的线程里回复。\n• `/netty-oom 文本`：分析这段文本（只有你能看到，可以用按钮分享）。\n• `/netty-oom search 关键词`：搜索知识库（中英文均可）。\n• `/netty-oom help`：显示本帮助。\n• 消息菜单 → *Analyze OOM trace*：分析任意一条消息或其附带的日志文件。\n• 在线程中 @ 我：我会分析该线程的第一条消息。',
  },
  hits: { en: 'Knowledge base: {n} result(s) for “{q}”', zh: '知识库：“{q}” 共 {n} 条结果' },
  noHits: { en: 'Nothing in the knowledge base matches “{q}”.', zh: '知识库中没有与“{q}”匹配的内容。' },
  sorry: {
    en: 'Sorry: something went wrong while answering (reference {ref}). The error is logged; please try again.',
    zh: '抱歉：回复时出错了（编号 {ref}），错误已记录，请重试。',
  },
  tooLarge: {
    en: '`{name}` is {size}: I read files up to {max}. Run `netty-oom analyze {name}` on a machine that has it, or paste the part around the error.',
    zh: '`{name}` 有 {size}，我只能读取 {max} 以内的文件。请在有该文件的机器上运行 `netty-oom analyze {name}`，或只粘贴报错附近的内容。',
  },
  unreadable: {
    en: 'I could not read `{name}` ({detail}).',
    zh: '无法读取 `{name}`（{detail}）。',
  },
  nothingInMessage: {
    en: 'I found no direct-memory OOM or Netty LEAK report in that message.',
    zh: '这条消息里没有堆外内存溢出或 Netty LEAK 报告。',
  },
} satisfies Record<string, Record<Language, string>>;

export function say(key: keyof typeof T, lang: Language, values: Record<string, string> = {}): string {
  return placeholders(T[key][lang], values);
}

const section = (text: string): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) },
});

/** The reply with a "Share in channel" button, for ephemeral answers. */
export function withShareButton(reply: Reply, id: string, lang: Language): Reply {
  const button: Block = {
    type: 'actions',
    elements: [
      {
        type: 'button',
        text: { type: 'plain_text', text: say('share', lang) },
        action_id: SHARE_ACTION,
        value: id,
        style: 'primary',
      },
    ],
  };
  const blocks =
    reply.blocks.length >= LIMITS.blocks ? reply.blocks.slice(0, LIMITS.blocks - 1) : reply.blocks;
  return { blocks: [...blocks, button], text: reply.text };
}

export function helpReply(lang: Language): Reply {
  return { blocks: [section(say('help', lang))], text: 'netty-oom help' };
}

export function textReply(text: string): Reply {
  return { blocks: [section(escapeMrkdwn(text))], text: clip(text, 3000) };
}

export function searchReply(query: string, hits: SearchHit[], kb: KnowledgeBase, lang: Language): Reply {
  if (hits.length === 0) return textReply(say('noHits', lang, { q: query }));
  const entries = new Map(kb.entries.map((e) => [e.id, e]));
  const playbooks = new Map(kb.playbooks.map((p) => [p.id, p]));
  const lines = hits.map((h) => {
    const summary = entries.get(h.id)?.summary[lang] ?? playbooks.get(h.id)?.summary[lang] ?? '';
    const url = entries.get(h.id)?.references[0] ?? playbooks.get(h.id)?.references[0];
    const title = url ? `<${url}|${escapeMrkdwn(h.title)}>` : `*${escapeMrkdwn(h.title)}*`;
    return `${h.type === 'playbook' ? '📋' : '📖'} ${title} — ${escapeMrkdwn(clip(summary, 300))}`;
  });
  const head = say('hits', lang, { n: String(hits.length), q: query });
  return { blocks: [section(`*${escapeMrkdwn(head)}*`), section(lines.join('\n'))], text: head };
}

export function sorryReply(ref: string, lang: Language): Reply {
  return textReply(say('sorry', lang, { ref }));
}

/** The language to answer a short command in: Chinese when it has Chinese in it. */
export function languageOf(text: string): Language {
  return /[\u3400-\u9fff]/.test(text) ? 'zh' : 'en';
}
