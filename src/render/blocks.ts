/**
 * The reply as Slack Block Kit: the one rendering that the bot posts and that the CLI and the
 * console draw from. Its texts are kept within Slack's limits; the block count is composeMessage's.
 */
import type { AnalyzerKnowledge, Finding, FrameworkHit, Language, Report } from '../core/types.ts';
import { formatBytes } from '../core/units.ts';
import { type MessageKey, t } from '../i18n/messages.ts';
import { clip, code, escapeMrkdwn } from './mrkdwn.ts';
import { clipWords } from './words.ts';

export interface TextObject {
  type: 'plain_text' | 'mrkdwn';
  text: string;
  emoji?: boolean;
}
export interface ButtonElement {
  type: 'button';
  text: TextObject;
  action_id: string;
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
}
export type Block =
  | { type: 'header'; text: TextObject; block_id?: string }
  | { type: 'section'; text?: TextObject; fields?: TextObject[]; block_id?: string }
  | { type: 'context'; elements: TextObject[]; block_id?: string }
  | { type: 'divider'; block_id?: string }
  | { type: 'actions'; elements: ButtonElement[]; block_id?: string };

export interface Reply {
  blocks: Block[];
  /** Fallback text for notifications and clients without blocks. */
  text: string;
}

export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  field: 2000,
  fields: 10,
  header: 150,
  context: 10,
  modalBlocks: 100,
  modalTitle: 24,
} as const;

const EVIDENCE = 3;
const EVIDENCE_WORDS = 18;

const mrkdwn = (text: string): TextObject => ({ type: 'mrkdwn', text: clip(text, LIMITS.sectionText) });
const plain = (text: string): TextObject => ({
  type: 'plain_text',
  text: clip(text, LIMITS.header),
  emoji: true,
});

/**
 * The reply a person reads in seconds: the headline, one line of facts, notes on the paste, the
 * verdict (or the questions that would decide it), then `steps` (the playbook's first steps).
 */
export function buildReply(report: Report, kb: AnalyzerKnowledge, steps: Block[] = []): Reply {
  const headline = headlineOf(report, kb);
  const blocks: Block[] = [{ type: 'header', text: plain(headline) }];
  if (!report.detected) return { blocks: [...blocks, ...nothingBlocks(report)], text: clip(headline, 3000) };
  const facts = factsLine(report);
  if (facts) blocks.push({ type: 'context', elements: [mrkdwn(facts)] });
  if (report.notes.length > 0) {
    const notes = `${t('notes', report.language)}: ${report.notes.map(escapeMrkdwn).join('; ')}`;
    blocks.push({ type: 'context', elements: [mrkdwn(notes)] });
  }
  const verdict = verdictText(report, kb);
  if (verdict) blocks.push({ type: 'section', text: mrkdwn(verdict) });
  blocks.push(...steps);
  return { blocks, text: clip(headline, 3000) };
}

/** `Direct memory exhausted: 7.66 GiB of 7.67 GiB used, a 16 MiB chunk refused — Reactor Netty, Netty 4.1.33.Final`: the product above Netty first. */
export function headlineOf(report: Report, kb?: AnalyzerKnowledge): string {
  const lang = report.language;
  const s = report.summary;
  if (!report.detected) return t('headlineNothing', lang);
  let head: string;
  if (s.kind === 'leak_report') head = t('headlineLeak', lang);
  else if (s.usedBytes !== null && s.maxBytes !== null && s.requestedBytes !== null) {
    const key: MessageKey = report.signals['chunk-request'] ? 'headlineOodmChunk' : 'headlineOodm';
    const values = {
      used: formatBytes(s.usedBytes),
      max: formatBytes(s.maxBytes),
      requested: formatBytes(s.requestedBytes),
    };
    head = t(key, lang, values);
  } else head = t('headlineNoNumbers', lang, { kind: kindLabel(report) });
  const what: string[] = [];
  const top = s.frameworks[0];
  if (top && top.id !== 'netty') what.push(productName(top, lang, kb));
  if (s.nettyVersion) what.push(`Netty ${versionLabel(s.nettyVersion)}`);
  return what.length > 0 ? head + t('headlineTail', lang, { what: what.join(', ') }) : head;
}

/** `4.1.6.Final` reads `4.1.6`: every release is final; other qualifiers (`.CR1`, `.Beta2`) stay. */
function versionLabel(version: string): string {
  return version.replace(/\.Final$/, '');
}

function kindLabel(report: Report): string {
  const lang = report.language;
  switch (report.summary.kind) {
    case 'oodm':
      return t('kindOodm', lang);
    case 'direct_buffer_oom':
      return t('kindDirect', lang);
    case 'cannot_reserve':
      return t('kindReserve', lang);
    default:
      return t('kindLeak', lang);
  }
}

/** How the reply names a product: as the catalogue does, or as its package with a word saying so. */
function productName(hit: FrameworkHit, lang: Language, kb?: AnalyzerKnowledge): string {
  const name = hit.name || kb?.frameworks.find((f) => f.id === hit.id)?.name || hit.id;
  return hit.fromPackage ? t('fromPackage', lang, { name }) : name;
}

/** `` `reactor-http-epoll-8` · epoll · limit: heap size (flag not set) · relocated under … · 3 errors in the paste `` */
function factsLine(report: Report): string {
  const lang = report.language;
  const s = report.summary;
  const parts: string[] = [];
  const thread = s.threads[0];
  if (thread) parts.push(code(thread));
  if (s.transport) parts.push(s.transport);
  if (s.maxBytes !== null && s.limitOrigin.guess !== 'unknown') {
    parts.push(
      escapeMrkdwn(t('facts.limit', lang, { origin: t(`limitGuess.${s.limitOrigin.guess}`, lang) })),
    );
  }
  if (s.shadedPrefix) parts.push(escapeMrkdwn(t('shaded', lang, { prefix: s.shadedPrefix })));
  const events = report.events.reduce((n, e) => n + e.occurrences, 0) + report.input.eventsOmitted;
  if (events > 1) parts.push(t('facts.events', lang, { n: events }));
  return parts.join(' · ');
}

/**
 * The verdict: when the evidence decides, the cause with its strongest evidence (and what speaks
 * against the runner-up, when something does); when it does not, the leading causes and the
 * questions whose answers would decide, each with the command that answers it.
 */
function verdictText(report: Report, kb: AnalyzerKnowledge): string | null {
  const lang = report.language;
  const titles = new Map(kb.scenarios.map((s) => [s.id as string, s.title[lang]]));
  const titleOf = (f: Finding) => escapeMrkdwn(titles.get(f.scenario) ?? t('unknownCause', lang));
  const [top, next] = report.findings;
  if (!top) return null;
  // A report from before verdicts were weighed asserts its top finding, as it always did.
  const verdict = report.verdict ?? { decided: true, questions: [] };
  if (!verdict.decided) {
    // Mid-sentence in English, “The limit is too small” reads “the limit is too small” (acronyms stay).
    const inSentence = (title: string) =>
      lang === 'en' ? title.replace(/^[A-Z](?=[a-z]|\s)/, (c) => c.toLowerCase()) : title;
    const options = report.findings
      .slice(0, 2)
      .map((f) => inSentence(titleOf(f)))
      .join(t('verdict.or', lang));
    const lines = [`*${t('verdict.undecided', lang, { options })}*`];
    const questions = verdict.questions.slice(0, 3);
    if (questions.length > 0) lines.push(t('verdict.toDecide', lang));
    for (const q of questions)
      lines.push(`• ${escapeMrkdwn(q.text)}${q.command ? `\n      ${code(q.command)}` : ''}`);
    return lines.join('\n');
  }
  const percent = `${Math.round(top.confidence * 100)} %`;
  const lines = [
    `*${t('mostLikely', lang, { title: titleOf(top) })}* — ${t('confidence', lang, { percent })}`,
    ...top.evidence.slice(0, EVIDENCE).map((e) => `• ${escapeMrkdwn(clipWords(e, EVIDENCE_WORDS))}`),
  ];
  const against = next?.against?.[0];
  if (next && against) {
    const reason = escapeMrkdwn(clipWords(against, EVIDENCE_WORDS));
    lines.push(`_${t('verdict.against', lang, { title: titleOf(next), reason })}_`);
  }
  return lines.join('\n');
}

function nothingBlocks(report: Report): Block[] {
  const lang = report.language;
  const lines: string[] = [];
  const other = report.otherErrors[0];
  if (other) lines.push(escapeMrkdwn(t('otherError', lang, { error: other })));
  lines.push(t('nothingHint', lang));
  return [{ type: 'section', text: mrkdwn(lines.join('\n')) }];
}
