/**
 * The chosen playbook, twice: its first steps shortened to a sentence each for the reply, and every
 * step with its summary and references for the *Full playbook* modal, the terminal and the console.
 */
import type { Language } from '../core/types.ts';
import { t } from '../i18n/messages.ts';
import type { FilledPlaybook, FilledStep } from '../playbook/fill.ts';
import { type Block, LIMITS } from './blocks.ts';
import { clip, code, escapeMrkdwn } from './mrkdwn.ts';
import { clipWords, firstSentence } from './words.ts';

/** The filled playbook as a reply keeps it (JSON, a few KiB): what the full view needs, nothing else. */
export interface PlaybookView {
  title: string;
  summary: string;
  steps: FilledStep[];
  /** Links to read more, one per address. */
  links: { url: string; title?: string }[];
}

/** A Slack modal view: its title and close button take plain text only. */
export interface ModalView {
  type: 'modal';
  title: { type: 'plain_text'; text: string };
  close: { type: 'plain_text'; text: string };
  blocks: Block[];
}

const NEXT_STEPS = 3;
const STEP_WORDS = 20;
const STEP_MIN_WORDS = 8;
const LINKS = 5;

/**
 * The playbook to show: playbook ids in its texts (“see grpc-flow-control”) become their titles, and
 * references that point to the same address are listed once, titled when a knowledge entry names them.
 */
export function playbookView(
  playbook: FilledPlaybook,
  reading: { title: string; url: string }[],
  titles: Map<string, string>,
): PlaybookView {
  // Step texts are mrkdwn (a title goes in escaped); the summary is plain text.
  const named = (text: string, written: (title: string) => string) =>
    text.replace(/(?<![\w./-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\w/-])/g, (id) => {
      const title = titles.get(id);
      return title ? written(title) : id;
    });
  const links = new Map<string, { url: string; title?: string }>();
  const key = (url: string) => url.replace(/[/#]+$/, '');
  for (const r of reading) if (!links.has(key(r.url))) links.set(key(r.url), r);
  for (const url of playbook.references) if (!links.has(key(url))) links.set(key(url), { url });
  return {
    title: playbook.title,
    summary: named(playbook.summary, (x) => x),
    steps: playbook.steps.map((s) => ({ ...s, text: named(s.text, escapeMrkdwn) })),
    links: [...links.values()].slice(0, LINKS),
  };
}

/**
 * The reply's next steps: the playbook's first `count` steps, one sentence each, with their commands
 * to copy, except commands the reply already shows (a question's).
 */
export function nextStepsBlock(
  view: PlaybookView,
  lang: Language,
  count = NEXT_STEPS,
  shown: string[] = [],
): Block | null {
  const steps = view.steps.slice(0, Math.min(count, NEXT_STEPS));
  if (steps.length === 0) return null;
  const seen = new Set(shown.map((c) => c.toLowerCase()));
  const lines = steps.map((s, i) => {
    const line = `${i + 1}. ${clipWords(firstSentence(s.text, STEP_MIN_WORDS), STEP_WORDS)}`;
    if (!s.command || seen.has(s.command.toLowerCase())) return line;
    seen.add(s.command.toLowerCase());
    return `${line}\n      ${code(s.command)}`;
  });
  const head = `*${escapeMrkdwn(t('playbook', lang, { title: view.title }))}*`;
  return section([head, ...lines].join('\n'));
}

/** Every step of the playbook, its summary first and its references last. */
export function playbookBlocks(view: PlaybookView, lang: Language): Block[] {
  const blocks: Block[] = [
    section(`*${escapeMrkdwn(view.title)}*\n${escapeMrkdwn(view.summary)}`),
    ...view.steps.map((step, i) => {
      // Step texts are mrkdwn written by knowledge authors, their facts escaped as they were filled.
      let text = `*${i + 1}. ${t(`step.${step.kind}`, lang)}* — ${step.text}`;
      // Commands are plain text (`jcmd <pid> …`): escaped for mrkdwn, shown as a code block.
      if (step.command) text += `\n\`\`\`${escapeMrkdwn(step.command.replace(/```/g, "'''"))}\`\`\``;
      return section(text);
    }),
  ];
  if (view.links.length > 0) {
    const links = view.links.map((l) => (l.title ? `<${l.url}|${escapeMrkdwn(l.title)}>` : `<${l.url}>`));
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: clip(`${t('readMore', lang)}: ${links.join(' · ')}`, 3000) }],
    });
  }
  return blocks.slice(0, LIMITS.modalBlocks);
}

/** The *Full playbook* modal: every step, opened from the reply's button. */
export function playbookModal(view: PlaybookView, lang: Language): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: clip(t('fullPlaybook', lang), LIMITS.modalTitle) },
    close: { type: 'plain_text', text: clip(t('close', lang), LIMITS.modalTitle) },
    blocks: playbookBlocks(view, lang),
  };
}

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) } };
}
