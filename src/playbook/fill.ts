/** Playbook steps filled with a report's facts; a step whose facts are missing is rephrased, never holed. */
import { versionCompare } from '../core/summarize.ts';
import { fillTemplate } from '../core/template.ts';
import type { FrameworkDef, Language, Report } from '../core/types.ts';
import { formatBytes, SIZES } from '../core/units.ts';
import type { Field } from '../knowledge/fields.ts';
import type { Playbook, PlaybookStep, VersionTable } from '../knowledge/types.ts';
import { describeVersions, fitOf, knownVersions, withVersions } from './requires.ts';

export interface FilledStep {
  kind: PlaybookStep['kind'];
  text: string;
  command: string | null;
}

export interface FilledPlaybook {
  id: string;
  title: string;
  summary: string;
  steps: FilledStep[];
  references: string[];
}

/** A JVM size for a number of bytes: `1g`, `512m`. */
export function jvmSize(bytes: number): string {
  if (bytes % SIZES.GiB === 0) return `${bytes / SIZES.GiB}g`;
  if (bytes % SIZES.MiB === 0) return `${bytes / SIZES.MiB}m`;
  return String(bytes);
}

/** A larger limit to try: twice the current one rounded to a power of two below 1 GiB, ×1.5 in whole GiB above. */
export function suggestedLimit(max: number): number {
  if (max < SIZES.GiB) {
    let p = 64 * SIZES.MiB;
    while (p < max * 2) p *= 2;
    return p;
  }
  return Math.ceil((max * 1.5) / SIZES.GiB) * SIZES.GiB;
}

/** The value of every template field this report has (missing ones are absent). */
export function factsOf(report: Report, frameworks: FrameworkDef[]): Partial<Record<Field, string>> {
  const s = report.summary;
  const names = new Map(frameworks.map((f) => [f.id, f.name]));
  const f: Partial<Record<Field, string>> = {
    nettyProp: s.nettyPropertyPrefix,
    framework: s.frameworks[0]?.name || names.get(s.frameworks[0]?.id ?? '') || 'Netty',
  };
  const bytes = (key: Field, keyBytes: Field, n: number | null) => {
    if (n === null) return;
    f[key] = formatBytes(n);
    f[keyBytes] = String(n);
  };
  bytes('requested', 'requestedBytes', s.requestedBytes);
  bytes('used', 'usedBytes', s.usedBytes);
  bytes('max', 'maxBytes', s.maxBytes);
  if (s.headroomBytes !== null && s.headroomBytes >= 0) f.headroom = formatBytes(s.headroomBytes);
  if (s.utilization !== null) f.utilization = `${(s.utilization * 100).toFixed(1)} %`;
  const thread = s.threads[0];
  if (thread) {
    f.thread = thread;
    const pattern = thread.replace(/\d+(?:-\d+)*$/, '');
    if (pattern.length >= 4 && pattern !== thread) f.threadPattern = pattern;
  }
  if (s.nettyVersion) f.nettyVersion = s.nettyVersion;
  if (s.transport) f.transport = s.transport;
  if (s.leakSites[0]) f.leakSite = s.leakSites[0].frame;
  if (s.maxBytes !== null && s.maxBytes > 0) {
    const next = suggestedLimit(s.maxBytes);
    f.suggestedMax = jvmSize(next);
    f.suggestedMaxBytes = String(next);
  }
  if (s.heap?.maxBytes) f.heapMax = formatBytes(s.heap.maxBytes);
  const chunk = report.signals['chunk-request']?.requested;
  if (chunk) f.chunk = chunk;
  // The analysis' own rule: 16 MiB chunks before 4.1.75 (4.0 included), 4 MiB from it on.
  else if (s.nettyVersion) f.chunk = versionCompare(s.nettyVersion, '4.1.75') < 0 ? '16 MiB' : '4 MiB';
  if (s.shadedPrefix) f.shadedPrefix = s.shadedPrefix;
  if (s.limitOrigin.guess !== 'unknown') f.limitEvidence = s.limitOrigin.evidence;
  return f;
}

/**
 * The playbook in words for one report. With the version table, a step that needs versions the
 * paste rules out is left out, and one whose versions the paste does not show says which it needs.
 */
export function fillPlaybook(
  playbook: Playbook,
  report: Report,
  frameworks: FrameworkDef[],
  lang: Language,
  escapeValue: (value: string) => string = (value) => value,
  versions: VersionTable | null = null,
): FilledPlaybook {
  const facts = factsOf(report, frameworks) as Record<string, string>;
  // Step texts are markup (Slack mrkdwn): the facts filled into them (frames like
  // `DirectByteBuffer.<init>`) are escaped for it; commands are plain text and take the facts as they are.
  const escaped = Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, escapeValue(v)]));
  const known = versions ? knownVersions(report, versions) : new Map();
  const raiseAllowed = limitIsTheCause(report);
  const steps = playbook.steps.flatMap((step) => {
    if (!raiseAllowed && raisesLimit(step)) return [];
    const fit = fitOf(versions ? step.requires : undefined, known);
    if (fit.outside) return [];
    let text =
      fillTemplate(step.text[lang], escaped) ?? fillTemplate(step.fallback?.[lang] ?? '', escaped) ?? '';
    if (text !== '' && versions && fit.unsure.length > 0)
      text = withVersions(text, describeVersions(fit.unsure, versions, lang), lang);
    const command = step.command
      ? (fillTemplate(step.command, facts) ??
        (step.commandFallback ? fillTemplate(step.commandFallback, facts) : null))
      : null;
    return [{ kind: step.kind, text, command }];
  });
  return {
    id: playbook.id,
    title: playbook.title[lang],
    summary: playbook.summary[lang],
    steps: steps.filter((s) => s.text !== ''),
    references: playbook.references,
  };
}

/** An action that gives the JVM more direct memory (a flag with a new size). */
export function raisesLimit(step: PlaybookStep): boolean {
  return step.kind === 'act' && LIMIT_FLAG.test(`${step.command ?? ''} ${step.text.en}`);
}
const LIMIT_FLAG = /MaxDirectMemorySize|maxDirectMemory/;

/**
 * A larger limit is advised only when the verdict says the limit is the cause (or a burst beyond it),
 * and the evidence decided it: never while a leak, a huge message or a backlog is as likely.
 */
function limitIsTheCause(report: Report): boolean {
  const top = report.findings[0]?.scenario;
  return (report.verdict?.decided ?? true) && (top === 'undersized-limit' || top === 'load-burst');
}

/**
 * A playbook as a reader browsing the knowledge base sees it: with no report behind it, the fields
 * every report has take their plain Netty values and the other steps read their fallbacks, so no
 * `{{field}}` is ever shown (or copied into a shell).
 */
export function readablePlaybook(playbook: Playbook, versions: VersionTable | null = null): Playbook {
  const facts: Partial<Record<Field, string>> = { nettyProp: 'io.netty.', framework: 'Netty' };
  const either = (text: string, fallback: string | undefined) =>
    fillTemplate(text, facts) ?? fillTemplate(fallback ?? '', facts) ?? '';
  // With no paste, no version is known: every step that needs some says which.
  const said = (text: string, step: PlaybookStep, lang: Language) => {
    const unsure = fitOf(step.requires, new Map()).unsure;
    return versions && unsure.length > 0 && text !== ''
      ? withVersions(text, describeVersions(unsure, versions, lang), lang)
      : text;
  };
  return {
    ...playbook,
    steps: playbook.steps.map(({ fallback, commandFallback, ...step }) => {
      const command = step.command ? either(step.command, commandFallback) : '';
      return {
        ...step,
        text: {
          en: said(either(step.text.en, fallback?.en), step, 'en'),
          zh: said(either(step.text.zh, fallback?.zh), step, 'zh'),
        },
        command: command || undefined,
      };
    }),
  };
}
