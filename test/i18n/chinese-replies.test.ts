import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { answer } from '../../src/app/answer.ts';
import { incidentMessage, unrecordedMessage } from '../../src/app/record.ts';
import { homeBlocks } from '../../src/bot/home.ts';
import { helpReply, searchReply } from '../../src/bot/replies.ts';
import { buildHandoff } from '../../src/incidents/handoff.ts';
import type { Reply } from '../../src/render/blocks.ts';
import { handoffBlocks, handoffToText } from '../../src/render/handoff.ts';
import { composeMessage, statusLine } from '../../src/render/message.ts';
import { playbookModal } from '../../src/render/playbook-blocks.ts';
import { answerToText, replyToText } from '../../src/render/text.ts';
import type { StoreProblem } from '../../src/store/failure.ts';
import type { Incident, Mark } from '../../src/store/store.ts';
import { blockTexts } from '../block-texts.ts';
import { FIXTURES, fixture, kb, SEEDS } from '../helpers.ts';
import { QUERIES } from '../search-queries.ts';
import { type Allowed, englishSentences } from './english.ts';

// Names that stay as they are written: the frameworks of the knowledge base, and the products and
// tools around them that the replies name.
const NAMES = [
  ...kb.analyzer.frameworks.flatMap((f) => [
    f.name,
    f.id,
    ...f.name.split(/\s*[()]\s*/),
    ...(f.keywords ?? []),
  ]),
  'Netty',
  'Spring Boot',
  'Spring WebFlux',
  'Project Reactor',
  'Kubernetes',
  'Native Memory Tracking',
];

const FILES = [
  ...SEEDS.map((s) => `seeds/${s}.txt`),
  ...readdirSync(join(FIXTURES, 'pastes'))
    .filter((f) => f !== 'README.md')
    .map((f) => `pastes/${f}`),
];

/** The English sentences of a reply, as posted and as the terminal shows it (code lines set aside). */
function problemsOf(what: string, reply: Reply, allowed: Allowed): string[] {
  const terminal = replyToText(reply)
    .split('\n')
    .filter((l) => !l.startsWith('    '))
    .join('\n');
  return [...blockTexts(reply.blocks), reply.text, terminal].flatMap((text) =>
    englishSentences(text, allowed).map((s) => `${what}: “${s.run}” in: ${s.line}`),
  );
}

function assertChinese(problems: string[]): void {
  const unique = [...new Set(problems)];
  assert.deepEqual(unique, [], `English sentences in Chinese texts:\n${unique.join('\n')}`);
}

const DAY = 86_400_000;
const NOW = Date.parse('2024-03-04T10:00:00Z');

function incident(id: number, over: Partial<Incident>): Incident {
  return {
    id,
    channel: 'CONCALL',
    fingerprint: `fp${id}`,
    status: 'open',
    kind: 'oodm',
    framework: 'reactor-netty',
    firstFrame: null,
    title: '堆外内存耗尽：已用 7.66 GiB / 上限 7.67 GiB，申请 16 MiB 的 chunk 失败 — Reactor Netty',
    playbookId: 'reactor-netty-load-burst',
    playbookTitle: 'Reactor Netty 在压测/高负载下直接内存耗尽',
    firstSeen: NOW - 3 * DAY,
    lastSeen: NOW - DAY,
    occurrences: 3,
    firstThreadTs: '1700000000.000100',
    firstPermalink: 'https://example.slack.com/archives/CONCALL/p1700000000000100',
    replyChannel: 'CONCALL',
    replyTs: '1700000000.000200',
    latestUsed: 6 * 2 ** 30,
    latestMax: 8 * 2 ** 30,
    ...over,
  };
}

const INCIDENTS = [
  incident(1, {}),
  incident(2, { status: 'mitigated', channel: 'CGATEWAY', framework: null, latestUsed: null }),
  incident(3, { status: 'resolved', playbookId: null, playbookTitle: null, firstPermalink: null }),
];
const MARKS: Mark[] = [
  { incidentId: 2, action: 'mitigated', userId: 'U0ALICE', at: NOW - DAY, playbookId: null },
  { incidentId: 3, action: 'resolved', userId: 'U0BOB', at: NOW - 2 * DAY, playbookId: null },
  {
    incidentId: 1,
    action: 'helpful',
    userId: 'U0BOB',
    at: NOW - DAY,
    playbookId: 'reactor-netty-load-burst',
  },
  { incidentId: 1, action: 'not-helpful', userId: 'U0EVE', at: NOW - DAY, playbookId: null },
];
const SAMPLES = [
  { timestamp: '2024-03-01T10:00:00Z', usedBytes: 4 * 2 ** 30 },
  { timestamp: '2024-03-03T10:00:00Z', usedBytes: 6 * 2 ** 30 },
];
const handoff = buildHandoff(INCIDENTS, MARKS, (id) => (id === 1 ? SAMPLES : []), NOW - 7 * DAY, NOW);
const emptyHandoff = buildHandoff([], [], () => [], NOW - DAY, NOW);

describe('every reply in Chinese is Chinese', () => {
  it('answers every fixture in Chinese, notes and the full playbook included, with no English sentence', () => {
    const problems: string[] = [];
    for (const file of FILES) {
      const text = fixture(file);
      const done = answer(text, kb, { language: 'zh' });
      problems.push(...problemsOf(file, done.reply, { names: NAMES, quoted: text }));
      // The full playbook, as the modal shows it and as the terminal prints it under the reply.
      if (done.fullPlaybook) {
        const modal = playbookModal(done.fullPlaybook, 'zh');
        const full = { blocks: modal.blocks, text: modal.title.text };
        problems.push(...problemsOf(`${file} full playbook`, full, { names: NAMES, quoted: text }));
        const terminal = answerToText(done.reply, done.fullPlaybook, 'zh')
          .split('\n')
          .filter((l) => !l.startsWith('    '));
        for (const line of terminal)
          problems.push(
            ...englishSentences(line, { names: NAMES, quoted: text }).map(
              (x) => `${file} terminal: ${x.line}`,
            ),
          );
      }
      for (const note of done.report.notes)
        problems.push(
          ...englishSentences(note, { names: NAMES, quoted: text }).map((s) => `${file} note: ${s.line}`),
        );
    }
    assertChinese(problems);
  });

  it('adds the repeats, the other channel, the buttons and the store notes in Chinese', () => {
    const text = fixture('seeds/000-reactor-netty-load-test.txt');
    const done = answer(text, kb, { language: 'zh' });
    const allowed = { names: NAMES, quoted: text };
    const inc = incident(1, {});
    const elsewhere = incident(9, { channel: 'COTHER' });
    const withRepeats = composeMessage(
      incidentMessage(done, { incident: inc, elsewhere, samples: [], marks: [] }),
    );
    const problems = problemsOf('incident', withRepeats, allowed);
    assert.match(blockTexts(withRepeats.blocks).join('\n'), /已出现 3 次/);
    const share = composeMessage({ base: done.reply, context: { lang: 'zh', shareId: 'id' } });
    problems.push(...problemsOf('share', share, allowed));
    const shared = composeMessage({ base: done.reply, context: { lang: 'zh', sharedBy: 'U1' } });
    problems.push(...problemsOf('shared', shared, allowed));
    const failures: StoreProblem[] = [
      { kind: 'full' },
      { kind: 'read-only' },
      { kind: 'failing', message: 'SQLITE_IOERR: disk I/O error' },
    ];
    for (const p of failures)
      problems.push(...problemsOf(`store ${p.kind}`, composeMessage(unrecordedMessage(done, p)), allowed));
    assertChinese(problems);
  });

  it('writes the handoff, as text and as blocks, in Chinese', () => {
    const problems: string[] = [];
    for (const h of [handoff, emptyHandoff]) {
      const text = handoffToText(h, 'zh');
      problems.push(...englishSentences(text, { names: NAMES }).map((s) => `handoff text: ${s.line}`));
      problems.push(...problemsOf('handoff blocks', handoffBlocks(h, 'zh'), { names: NAMES }));
    }
    assert.match(handoffToText(handoff, 'zh'), /值班交接：最近 7 天/);
    assertChinese(problems);
  });

  it('shows App Home in Chinese, with and without incidents and a last handoff', () => {
    const counts = {
      entries: kb.entries.length,
      playbooks: kb.playbooks.length,
      frameworks: kb.analyzer.frameworks.length,
    };
    const full = homeBlocks(
      { open: INCIDENTS.slice(0, 2), lastHandoff: { at: NOW, text: handoffToText(handoff, 'zh') }, counts },
      'zh',
    );
    const empty = homeBlocks({ open: [], lastHandoff: null, counts }, 'zh');
    assertChinese([
      ...problemsOf('home', { blocks: full, text: '' }, { names: NAMES }),
      ...problemsOf('empty home', { blocks: empty, text: '' }, { names: NAMES }),
    ]);
  });

  it('gives help, search results and the status line in Chinese', () => {
    const problems = problemsOf('help', helpReply('zh'), { names: NAMES });
    for (const [query] of QUERIES) {
      const hits = kb.search.search(query, { limit: 8, language: 'zh' });
      problems.push(
        ...problemsOf(`search “${query}”`, searchReply(query, hits, kb, 'zh'), {
          names: NAMES,
          quoted: query,
        }),
      );
    }
    problems.push(...problemsOf('no hits', searchReply('zzzz qqqq', [], kb, 'zh'), { names: NAMES }));
    const line = statusLine(MARKS, 'zh');
    assert.match(line, /标记为已缓解/);
    problems.push(...englishSentences(line, { names: NAMES }).map((s) => `status line: ${s.line}`));
    assertChinese(problems);
  });

  it('writes every Chinese text of the knowledge base in Chinese', () => {
    const problems: string[] = [];
    const check = (where: string, zh: string | undefined) => {
      for (const s of englishSentences(zh ?? '', { names: NAMES }))
        problems.push(`${where}: “${s.run}” in: ${s.line}`);
    };
    for (const e of kb.entries) {
      for (const field of ['title', 'summary', 'explanation'] as const)
        check(`${e.file} ${field}`, e[field].zh);
      for (const x of [...(e.symptoms ?? []), ...(e.causes ?? [])]) check(`${e.file} symptom/cause`, x.zh);
    }
    for (const p of kb.playbooks) {
      check(`${p.file} title`, p.title.zh);
      check(`${p.file} summary`, p.summary.zh);
      p.steps.forEach((s, i) => {
        check(`${p.file} step ${i + 1}`, s.text.zh);
        check(`${p.file} step ${i + 1} fallback`, s.fallback?.zh);
      });
    }
    for (const s of kb.analyzer.signals)
      check(`signal ${s.id}`, s.evidence.zh.replace(/\{\{\w+\}\}/g, ' ¦ '));
    for (const s of kb.analyzer.scenarios) check(`scenario ${s.id}`, s.title.zh);
    assertChinese(problems);
  });
});
