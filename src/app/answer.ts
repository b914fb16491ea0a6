/**
 * From text (or a finished report) to the full answer: the report with its playbook and knowledge
 * filled in, and the reply every surface renders. Pure: knowledge in, values out.
 */
import { type AnalyzeOptions, analyze } from '../core/analyze.ts';
import type { KnowledgeRef, Report } from '../core/types.ts';
import { diagnose } from '../diagnosis/diagnose.ts';
import type { KnowledgeBase } from '../knowledge/load.ts';
import { knownBugsOf } from '../knowledge/products.ts';
import { choosePlaybook, depthOf, reportQuery } from '../playbook/choose.ts';
import { type FilledPlaybook, fillPlaybook } from '../playbook/fill.ts';
import { buildReply, type Reply } from '../render/blocks.ts';
import { escapeMrkdwn } from '../render/mrkdwn.ts';
import { nextStepsBlock, type PlaybookView, playbookView } from '../render/playbook-blocks.ts';

const MAX_KNOWLEDGE = 5;

export interface Answer {
  report: Report;
  playbook: FilledPlaybook | null;
  /** The short reply: headline, facts, verdict and the playbook's first steps. */
  reply: Reply;
  /** Every step of the playbook, for the *Full playbook* view. */
  fullPlaybook: PlaybookView | null;
}

/** The knowledge entries most relevant to a report: its findings, frameworks and signals, then text. */
export function knowledgeFor(report: Report, kb: KnowledgeBase): KnowledgeRef[] {
  if (!report.detected) return [];
  const lang = report.language;
  const detected = new Set(report.summary.frameworks.map((f) => f.id));
  const signals = new Set(Object.keys(report.signals));
  const names = new Map(kb.analyzer.frameworks.map((f) => [f.id, f.name]));
  const hits = kb.search.search(reportQuery(report, names), {
    type: 'knowledge',
    limit: 100,
    language: 'en',
    all: true,
  });
  const best = hits[0]?.score ?? 0;
  const text = new Map(hits.map((h) => [h.id, best > 0 ? h.score / best : 0]));
  const scored = kb.entries
    .filter((e) => e.frameworks.length === 0 || e.frameworks.some((f) => detected.has(f)))
    .map((e) => {
      const fit = Math.max(
        0,
        ...report.findings
          .filter((f) => (e.scenarios as string[]).includes(f.scenario))
          .map((f) => f.confidence),
      );
      const fw = Math.max(
        0,
        ...e.frameworks
          .filter((f) => detected.has(f))
          .map((f) => 0.15 * (depthOf(f, kb.analyzer.frameworks) + 1)),
      );
      const sig = (e.signals ?? []).filter((s) => signals.has(s)).length * 0.1;
      return { e, score: fit + fw + sig + (text.get(e.id) ?? 0) * 0.4 };
    })
    .filter((x) => x.score > 0.1)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_KNOWLEDGE);
  return scored.map(({ e, score }) => ({
    id: e.id,
    title: e.title[lang],
    score: Math.round(score * 1000) / 1000,
    scenarios: e.scenarios,
    frameworks: e.frameworks,
  }));
}

/** Diagnose a read report, fill its `playbook` and `knowledge`, and build the reply. */
export function complete(read: Report, kb: KnowledgeBase): Answer {
  const bugs = knownBugsOf(kb.products);
  const { findings, decided, questions } = diagnose(read, kb.analyzer.frameworks, read.language, bugs);
  const analysis: Report = read.detected ? { ...read, findings, verdict: { decided, questions } } : read;
  const choice = choosePlaybook(analysis, kb.playbooks, kb.analyzer.frameworks, kb.search);
  const report: Report = {
    ...analysis,
    playbook: choice
      ? {
          id: choice.playbook.id,
          title: choice.playbook.title[analysis.language],
          scenarios: choice.playbook.scenarios,
          frameworks: choice.playbook.frameworks,
        }
      : null,
    knowledge: knowledgeFor(analysis, kb),
  };
  const playbook = choice
    ? fillPlaybook(
        choice.playbook,
        report,
        kb.analyzer.frameworks,
        report.language,
        escapeMrkdwn,
        kb.versions,
      )
    : null;
  const entries = new Map(kb.entries.map((e) => [e.id, e]));
  const reading = report.knowledge
    .slice(0, 3)
    .map((k) => ({ title: k.title, url: entries.get(k.id)?.references[0] ?? null }))
    .filter((k): k is { title: string; url: string } => k.url !== null);
  const fullPlaybook = playbook ? playbookView(playbook, reading, titlesOf(kb, report.language)) : null;
  // Undecided, the questions come first: the playbook gets two steps, and no command twice.
  const verdict = report.verdict;
  const asked = (verdict?.questions ?? []).flatMap((q) => (q.command ? [q.command] : []));
  const count = verdict && !verdict.decided ? 2 : 3;
  const steps = fullPlaybook ? nextStepsBlock(fullPlaybook, report.language, count, asked) : null;
  const reply = buildReply(report, kb.analyzer, steps ? [steps] : []);
  return { report, playbook, reply, fullPlaybook };
}

/** What a reader calls each playbook, cause and entry, for the texts that name them by id. */
function titlesOf(kb: KnowledgeBase, lang: Report['language']): Map<string, string> {
  return new Map<string, string>([
    ...kb.entries.map((e): [string, string] => [e.id, e.title[lang]]),
    ...kb.analyzer.scenarios.map((s): [string, string] => [s.id, s.title[lang]]),
    ...kb.playbooks.map((p): [string, string] => [p.id, p.title[lang]]),
  ]);
}

/** Analyze pasted text; the analysis masks secrets and personal data, so no reply or record holds them. */
export function answer(text: string, kb: KnowledgeBase, options: AnalyzeOptions = {}): Answer {
  return complete(analyze(text, kb.analyzer, options), kb);
}
