/**
 * The reply as Slack Block Kit: the one rendering that the bot posts and that the CLI and the
 * console draw from. Kept within Slack's limits whatever the report holds.
 */
import type { AnalyzerKnowledge, FrameworkHit, Language, Report } from '../core/types.ts';
import { formatBytes } from '../core/units.ts';
import { type MessageKey, t } from '../i18n/messages.ts';
import { clip, code, escapeMrkdwn } from './mrkdwn.ts';

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
} as const;

const mrkdwn = (text: string): TextObject => ({ type: 'mrkdwn', text: clip(text, LIMITS.sectionText) });
const plain = (text: string): TextObject => ({
  type: 'plain_text',
  text: clip(text, LIMITS.header),
  emoji: true,
});

/** Extra blocks other parts of the product add (playbook steps, knowledge links, buttons). */
export interface ReplyExtras {
  afterFindings?: Block[];
  footer?: Block[];
}

export function buildReply(report: Report, kb: AnalyzerKnowledge, extras: ReplyExtras = {}): Reply {
  const lang = report.language;
  const headline = headlineOf(report, kb);
  const blocks: Block[] = [{ type: 'header', text: plain(headline) }];
  if (!report.detected) {
    blocks.push(...nothingBlocks(report));
    return finish(blocks, headline);
  }
  const context = contextLine(report, kb);
  if (context) blocks.push({ type: 'context', elements: [mrkdwn(context)] });
  const fields = factFields(report);
  if (fields.length > 0) blocks.push({ type: 'section', fields });
  blocks.push(...findingBlocks(report, kb));
  blocks.push(...(extras.afterFindings ?? []));
  if (report.notes.length > 0) {
    blocks.push({
      type: 'context',
      elements: [mrkdwn(`${t('notes', lang)}: ${report.notes.map(escapeMrkdwn).join('; ')}`)],
    });
  }
  blocks.push(...(extras.footer ?? []));
  return finish(blocks, headline);
}

function finish(blocks: Block[], text: string): Reply {
  // Slack refuses more than 50 blocks: keep the head and the last (buttons live at the end).
  const kept =
    blocks.length <= LIMITS.blocks ? blocks : [...blocks.slice(0, LIMITS.blocks - 1), blocks.at(-1) as Block];
  return { blocks: kept, text: clip(text, 3000) };
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
  if (s.nettyVersion) what.push(`Netty ${s.nettyVersion}`);
  return what.length > 0 ? head + t('headlineTail', lang, { what: what.join(', ') }) : head;
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

/** `Spring Cloud Gateway / Reactor Netty / Netty · Netty 4.1.33.Final · epoll · 3 times` */
function contextLine(report: Report, kb: AnalyzerKnowledge): string {
  const s = report.summary;
  const parts: string[] = [];
  const fw = s.frameworks.map((f) => productName(f, report.language, kb));
  if (fw.length > 0) parts.push(fw.join(' / '));
  if (s.nettyVersion) parts.push(`Netty ${s.nettyVersion}`);
  if (s.shadedPrefix) parts.push(t('shaded', report.language, { prefix: s.shadedPrefix }));
  if (s.transport) parts.push(s.transport);
  const events = report.events.reduce((n, e) => n + e.occurrences, 0) + report.input.eventsOmitted;
  if (events > 1) parts.push(t('times', report.language, { n: events }));
  return parts.map(escapeMrkdwn).join(' · ');
}

function factFields(report: Report): TextObject[] {
  const lang = report.language;
  const s = report.summary;
  const f: TextObject[] = [];
  const add = (label: MessageKey, value: string) =>
    f.push(mrkdwn(clip(`*${t(label, lang)}*\n${value}`, LIMITS.field)));
  const bytes = (n: number) => `${formatBytes(n)} (${n} B)`;
  if (s.requestedBytes !== null) add('fieldRequested', bytes(s.requestedBytes));
  if (s.usedBytes !== null) add('fieldUsed', bytes(s.usedBytes));
  if (s.maxBytes !== null) add('fieldMax', bytes(s.maxBytes));
  if (s.headroomBytes !== null && s.utilization !== null) {
    const percent = `${(s.utilization * 100).toFixed(1)} %`;
    add('fieldHeadroom', `${formatBytes(s.headroomBytes)} (${t('percentUsed', lang, { percent })})`);
  }
  if (s.threads.length > 0) add('fieldThread', code(s.threads.slice(0, 3).join(', ')));
  if (s.allocationPath !== 'unknown') add('fieldPath', t(`allocationPath.${s.allocationPath}`, lang));
  if (s.maxBytes !== null) add('fieldLimit', t(`limitGuess.${s.limitOrigin.guess}`, lang));
  if (s.ioDirection !== 'unknown') add('fieldDirection', t(`ioDirection.${s.ioDirection}`, lang));
  const site = s.leakSites[0];
  if (site) add('fieldLeakSite', `${code(site.frame)} ×${site.count}`);
  return f.slice(0, LIMITS.fields);
}

function findingBlocks(report: Report, kb: AnalyzerKnowledge): Block[] {
  const lang = report.language;
  const titles = new Map(kb.scenarios.map((s) => [s.id as string, s.title[lang]]));
  const [top, ...rest] = report.findings;
  if (!top) return [];
  const title = titles.get(top.scenario) ?? t('unknownCause', lang);
  const percent = `${Math.round(top.confidence * 100)} %`;
  const lines = [
    `*${escapeMrkdwn(t('mostLikely', lang, { title }))}* — ${t('confidence', lang, { percent })}`,
    ...top.evidence.map((e) => `• ${escapeMrkdwn(e)}`),
  ];
  const blocks: Block[] = [{ type: 'section', text: mrkdwn(lines.join('\n')) }];
  if (rest.length > 0) {
    const others = rest
      .slice(0, 3)
      .map(
        (f) => `${escapeMrkdwn(titles.get(f.scenario) ?? f.scenario)} (${Math.round(f.confidence * 100)} %)`,
      )
      .join(' · ');
    blocks.push({ type: 'context', elements: [mrkdwn(`${t('alsoPossible', lang)}: ${others}`)] });
  }
  return blocks;
}

function nothingBlocks(report: Report): Block[] {
  const lang = report.language;
  const lines: string[] = [];
  const other = report.otherErrors[0];
  if (other) lines.push(escapeMrkdwn(t('otherError', lang, { error: other })));
  lines.push(t('nothingHint', lang));
  return [{ type: 'section', text: mrkdwn(lines.join('\n')) }];
}
