/** The reply for a terminal, drawn from the same blocks the bot posts. */
import type { Language } from '../core/types.ts';
import { t } from '../i18n/messages.ts';
import type { Block, Reply, TextObject } from './blocks.ts';
import { mrkdwnToPlain } from './mrkdwn.ts';
import { type PlaybookView, playbookBlocks } from './playbook-blocks.ts';

function textOf(o: TextObject): string {
  return o.type === 'mrkdwn' ? mrkdwnToPlain(o.text) : o.text;
}

function renderBlock(b: Block): string[] {
  switch (b.type) {
    case 'header':
      return [textOf(b.text), '═'.repeat(Math.min(72, Math.max(8, [...textOf(b.text)].length)))];
    case 'section': {
      const out: string[] = [];
      if (b.text) out.push(textOf(b.text));
      if (b.fields) {
        for (const f of b.fields) {
          const [label, ...value] = textOf(f).split('\n');
          out.push(`  ${padDisplay(`${label}:`, 16)} ${value.join(' ')}`);
        }
      }
      return out;
    }
    case 'context':
      return b.elements.map((e) => textOf(e));
    case 'divider':
      return ['─'.repeat(40)];
    case 'actions':
      return b.elements.filter((e) => e.url).map((e) => `${textOf(e.text)}: ${e.url}`);
  }
}

/** Pad to a width in terminal columns: CJK characters take two. */
function padDisplay(s: string, width: number): string {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return s + ' '.repeat(Math.max(0, width - w));
}

/** Plain text, one block after another, a blank line between them. */
export function replyToText(reply: Reply): string {
  return `${reply.blocks
    .map(renderBlock)
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`;
}

/** The short reply, then under a separator every step of the playbook (what *Full playbook* opens in Slack). */
export function answerToText(reply: Reply, playbook: PlaybookView | null, lang: Language): string {
  const short = replyToText(reply);
  if (!playbook) return short;
  const label = `── ${t('fullPlaybook', lang)} `;
  const rule = label + '─'.repeat(Math.max(8, 72 - [...label].length));
  return `${short}\n${rule}\n\n${replyToText({ blocks: playbookBlocks(playbook, lang), text: playbook.title })}`;
}
