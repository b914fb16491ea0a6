/** The playbook part of the reply: numbered steps, commands as code, then links to read more. */
import type { Language } from '../core/types.ts';
import { t } from '../i18n/messages.ts';
import type { FilledPlaybook } from '../playbook/fill.ts';
import type { Block, ReplyExtras } from './blocks.ts';
import { clip, escapeMrkdwn } from './mrkdwn.ts';

const SECTION = 2900;

export function playbookBlocks(
  playbook: FilledPlaybook | null,
  reading: { title: string; url: string }[],
  lang: Language,
): ReplyExtras {
  if (!playbook) return {};
  const blocks: Block[] = [{ type: 'divider' }];
  const head = `*${escapeMrkdwn(t('playbook', lang, { title: playbook.title }))}*\n${escapeMrkdwn(playbook.summary)}`;
  let current = head;
  const flush = () => {
    if (current) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(current, 3000) } });
    current = '';
  };
  playbook.steps.forEach((step, i) => {
    // Step texts are mrkdwn written by knowledge authors: only the facts filled into them need escaping,
    // and fillPlaybook's values are plain numbers, names and frames.
    let text = `*${i + 1}. ${t(`step.${step.kind}`, lang)}* — ${step.text}`;
    // Commands are plain text (`jcmd <pid> …`): escaped for mrkdwn, shown as code.
    if (step.command) text += `\n\`\`\`${escapeMrkdwn(step.command.replace(/```/g, "'''"))}\`\`\``;
    if (current.length + text.length + 2 > SECTION) flush();
    current = current ? `${current}\n\n${text}` : text;
  });
  flush();
  const links = [
    ...reading.map((r) => `<${r.url}|${escapeMrkdwn(r.title)}>`),
    ...playbook.references.slice(0, 2).map((url) => `<${url}>`),
  ];
  const footer: Block[] = links.length
    ? [
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: clip(`${t('readMore', lang)}: ${links.join(' · ')}`, 3000) }],
        },
      ]
    : [];
  return { afterFindings: blocks, footer };
}
