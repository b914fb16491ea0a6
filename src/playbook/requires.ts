/**
 * The versions a paste shows, and what they mean for a playbook step that needs some: a step outside
 * them is left out, a step inside them is kept as it is, and a step the paste cannot place says which
 * versions it applies to.
 */
import type { Language, Report } from '../core/types.ts';
import {
  boundsOf,
  disjoint,
  exactly,
  intersect,
  type Range,
  rangeOf,
  within,
} from '../core/version-intervals.ts';
import { t } from '../i18n/messages.ts';
import type { VersionTable } from '../knowledge/types.ts';

/** Per project, the versions the paste leaves possible; a project it says nothing about is absent. */
export type KnownVersions = Map<string, Range>;

/**
 * What the paste shows of each project's version: the Netty jar version, and every fact whose
 * evidence (a frame, a thread name, the kind of error) is in it. Evidence that contradicts itself
 * (mixed jars) tells nothing.
 */
export function knownVersions(report: Report, table: VersionTable): KnownVersions {
  const seen = new Map<string, Range[]>();
  const add = (project: string, range: Range) => seen.set(project, [...(seen.get(project) ?? []), range]);
  if (report.summary.nettyVersion) add('netty', exactly(report.summary.nettyVersion));
  const frames = report.events.flatMap((e) => e.frames);
  const threads = report.summary.threads;
  const kinds = new Set(report.events.map((e) => e.kind));
  for (const fact of table.facts) {
    const ev = fact.evidence;
    if (!ev) continue;
    const shown =
      (ev.frames ?? []).some((needle) => frames.some((f) => f.includes(needle))) ||
      (ev.threads ?? []).some((p) => threads.some((th) => new RegExp(p).test(th))) ||
      (ev.kinds ?? []).some((k) => kinds.has(k));
    if (shown) add(fact.project, rangeOf(fact.holds));
  }
  const known: KnownVersions = new Map();
  for (const [project, ranges] of seen) {
    const range = ranges.reduce((a, b) => intersect(a, b));
    if (range.length > 0) known.set(project, range);
  }
  return known;
}

export interface Fit {
  /** The paste shows a version outside what the step needs. */
  outside: boolean;
  /** The requirements the paste cannot settle, to be said with the step. */
  unsure: [project: string, range: Range][];
}

/** How a step's `requires` fits the versions the paste shows. */
export function fitOf(requires: Record<string, string> | undefined, known: KnownVersions): Fit {
  const fit: Fit = { outside: false, unsure: [] };
  for (const [project, text] of Object.entries(requires ?? {})) {
    const need = rangeOf(text);
    const have = known.get(project);
    if (have && disjoint(have, need)) fit.outside = true;
    else if (!have || !within(have, need)) fit.unsure.push([project, need]);
  }
  return fit;
}

/** `Netty 4.1.7 and later, before 4.1.75`; projects joined, a union's intervals as alternatives. */
export function describeVersions(unsure: Fit['unsure'], table: VersionTable, lang: Language): string {
  const one = (project: string, range: Range) => {
    const name = table.projects[project] ?? project;
    const intervals = boundsOf(range).map((b) => {
      if (b.from !== null && b.fromIncl && b.toIncl && b.from === b.to)
        return t('version.only', lang, { v: b.from });
      const from =
        b.from === null ? null : t(b.fromIncl ? 'version.from' : 'version.after', lang, { v: b.from });
      const to = b.to === null ? null : t(b.toIncl ? 'version.upTo' : 'version.before', lang, { v: b.to });
      return from && to ? t('version.bounds', lang, { from, to }) : (from ?? to ?? '');
    });
    return `${name} ${intervals.reduce((a, b) => t('version.or', lang, { a, b }))}`;
  };
  return unsure.map(([p, r]) => one(p, r)).reduce((a, b) => t('version.projects', lang, { a, b }));
}

/** The step's sentence with the versions it applies to, before its closing full stop. */
export function withVersions(text: string, versions: string, lang: Language): string {
  const m = /^([\s\S]*?)([.。]?)$/.exec(text);
  const body = m?.[1] ?? text;
  return `${t('version.note', lang, { text: body, versions })}${m?.[2] ?? ''}`;
}
