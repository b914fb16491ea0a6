/**
 * Every corpus paste, answered in both languages, as Slack shows it to a new incident's channel:
 * short enough to read in seconds, each link once, no internal id, honest percentages. Words are
 * counted as a reader reads them: a run of Latin letters, digits or code is one word, and two Chinese
 * characters are one (Chinese has no spaces; a word is about two characters).
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type Answer, answer } from '../src/app/answer.ts';
import type { Language } from '../src/core/types.ts';
import { RULES } from '../src/diagnosis/registry.ts';
import type { Block } from '../src/render/blocks.ts';
import { composeMessage } from '../src/render/message.ts';
import { mrkdwnToPlain } from '../src/render/mrkdwn.ts';
import { playbookBlocks } from '../src/render/playbook-blocks.ts';
import { wordCount } from '../src/render/words.ts';
import { blockTexts as texts } from './block-texts.ts';
import { FIXTURES, fixture, kb } from './helpers.ts';

const CORPUS = readdirSync(join(FIXTURES, 'corpus'))
  .filter((f) => f.endsWith('.txt'))
  .sort();
const MEDIAN = 150;
const MAX = 250;

/** Ids a reader must never see: with a hyphen, so plain words (`leak`, `oodm`) are not mistaken for one. */
const IDS = [
  ...RULES.map((r) => r.id),
  ...kb.playbooks.map((p) => p.id),
  ...kb.entries.map((e) => e.id),
  ...kb.analyzer.scenarios.map((s) => s.id),
  ...kb.analyzer.signals.map((s) => s.id),
  'second-reading',
  'limit-source',
  'leak-records',
  'message-size',
].filter((id) => id.includes('-'));
const ID = new RegExp(`(?<![\\w./-])(?:${IDS.map((id) => id.replace(/[.]/g, '\\.')).join('|')})(?![\\w/-])`);
// The check bites: a playbook named by its id in a step's text is caught.
assert.match('then check flow control (grpc-flow-control).', ID);

/** The message a new incident's thread gets: the reply, its playbook button and the mark buttons. */
function posted(a: Answer, lang: Language): Block[] {
  return composeMessage({
    base: a.reply,
    ...(a.fullPlaybook ? { playbook: a.fullPlaybook } : {}),
    context: {
      lang,
      incident: { id: 1, occurrences: 1, firstSeen: 0, playbookId: a.report.playbook?.id ?? null },
      marks: [],
    },
  }).blocks;
}

const links = (text: string) => [...text.matchAll(/<(https?:[^|>]+)(?:\|[^>]*)?>/g)].map((m) => m[1] ?? '');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

for (const lang of ['en', 'zh'] as const) {
  describe(`every corpus paste answered in ${lang === 'en' ? 'English' : 'Chinese'}`, () => {
    const answers = CORPUS.map((file) => ({
      file,
      a: answer(fixture(`corpus/${file}`), kb, { language: lang }),
    }));

    it(`reads in a median under ${MEDIAN} words and never over ${MAX}`, () => {
      const counts = answers.map(({ file, a }) => ({
        file,
        words: texts(posted(a, lang)).reduce((n, t) => n + wordCount(mrkdwnToPlain(t)), 0),
      }));
      const over = counts.filter((c) => c.words > MAX).map((c) => `${c.file}: ${c.words}`);
      assert.deepEqual(over, []);
      assert.ok(median(counts.map((c) => c.words)) < MEDIAN, `median ${median(counts.map((c) => c.words))}`);
    });

    it('links each address once, in the reply and in the full playbook', () => {
      for (const { file, a } of answers) {
        const reply = links(texts(posted(a, lang)).join('\n'));
        const full = links(texts(a.fullPlaybook ? playbookBlocks(a.fullPlaybook, lang) : []).join('\n'));
        assert.deepEqual(reply, [...new Set(reply)], file);
        assert.deepEqual(full, [...new Set(full)], file);
      }
    });

    it('shows no rule, playbook, entry, cause, signal or question id, in the reply or the full playbook', () => {
      for (const { file, a } of answers) {
        const full = a.fullPlaybook ? playbookBlocks(a.fullPlaybook, lang) : [];
        for (const text of texts([...posted(a, lang), ...full]))
          assert.doesNotMatch(mrkdwnToPlain(text), ID, `${file}: ${text}`);
      }
    });

    it('repeats no line, and its percentages never add up to more than 100 %', () => {
      for (const { file, a } of answers) {
        const lines = texts(posted(a, lang))
          .flatMap((t) => t.split('\n'))
          .map((l) => l.trim())
          .filter((l) => l.length > 12);
        assert.deepEqual(lines, [...new Set(lines)], file);
        const percents = [
          ...texts(a.reply.blocks)
            .join('\n')
            .matchAll(/(\d+) %/g),
        ].map((m) => Number(m[1]));
        assert.ok(percents.reduce((x, y) => x + y, 0) <= 100, `${file}: ${percents.join(' + ')}`);
      }
    });

    it('asserts a cause only when the evidence decides, and asks at most three questions otherwise', () => {
      for (const { file, a } of answers) {
        if (!a.report.detected) continue;
        const verdict = texts(a.reply.blocks).find((t) => t.startsWith('*'));
        const decided = a.report.verdict?.decided ?? false;
        const undecided = lang === 'en' ? 'Not decided yet' : '尚无定论';
        assert.equal(verdict?.includes(undecided), !decided, file);
        const asked = (verdict ?? '').split('\n').filter((l) => l.startsWith('• ')).length;
        assert.ok(asked <= 3, `${file}: ${asked} bullets`);
      }
    });
  });
}
