import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { answer } from '../../src/app/answer.ts';
import type { Language, Report } from '../../src/core/types.ts';
import { disjoint, rangeOf, within } from '../../src/core/version-intervals.ts';
import type { Playbook } from '../../src/knowledge/types.ts';
import { factsNamedIn } from '../../src/knowledge/version-lint.ts';
import { fillPlaybook, readablePlaybook } from '../../src/playbook/fill.ts';
import { knownVersions } from '../../src/playbook/requires.ts';
import { FIXTURES, fixture, kb } from '../helpers.ts';

const frameworks = kb.analyzer.frameworks;
const playbook = (id: string): Playbook => {
  const p = kb.playbooks.find((x) => x.id === id);
  assert.ok(p, id);
  return p;
};
const fill = (p: Playbook, r: Report, lang: Language = 'en') =>
  fillPlaybook(p, r, frameworks, lang, (v) => v, kb.versions);

/**
 * The seed's report with another Netty version and nothing else that shows one, as if the evidence
 * had decided the limit (so the playbook's every step is in play).
 */
function withNetty(version: string | null): Report {
  const read = answer(fixture('seeds/001-grpc-explicit-512m.txt'), kb).report;
  const r: Report = { ...read, verdict: { decided: true, questions: [] } };
  const events = r.events.map((e) => ({
    ...e,
    frames: e.frames.filter((f) => !f.includes('PlatformDependent')),
  }));
  return { ...r, events, summary: { ...r.summary, nettyVersion: version } };
}

const CACHES = '-Dio.netty.allocator.useCacheForAllThreads=false';

describe('a playbook step that needs some versions', () => {
  it('is left out when the paste shows a version without it, and says nothing wrong', () => {
    // useCacheForAllThreads does not exist in Netty 4.1.6, and =false threw until 4.1.16.
    const steps = fill(playbook('grpc-direct-memory-limit'), withNetty('4.1.6.Final')).steps;
    assert.ok(steps.length >= 3);
    assert.ok(steps.every((s) => s.command !== CACHES && !s.text.includes('useCacheForAllThreads')));
  });

  it('is kept as written when the paste shows a version that has it', () => {
    const step = fill(playbook('grpc-direct-memory-limit'), withNetty('4.1.33.Final')).steps.find(
      (s) => s.command === CACHES,
    );
    assert.ok(step);
    assert.doesNotMatch(step.text, /\(Netty/);
  });

  it('says which versions it applies to when the paste shows none, in either language', () => {
    const r = withNetty(null);
    const en = fill(playbook('grpc-direct-memory-limit'), r).steps.find((s) => s.command === CACHES);
    const zh = fill(playbook('grpc-direct-memory-limit'), r, 'zh').steps.find((s) => s.command === CACHES);
    assert.match(en?.text ?? '', / \(Netty 4\.1\.16 and later, before 4\.1\.75\)\.$/);
    assert.match(zh?.text ?? '', /（Netty 4\.1\.16 及以后、4\.1\.75 之前）。$/);
  });

  it('names every project whose version the paste leaves open, and the versions a union allows', () => {
    const r = withNetty(null);
    const metric = fill(playbook('scg-databuffer-leak'), r).steps.find((s) =>
      s.text.includes('active.direct'),
    );
    assert.match(metric?.text ?? '', /\(Reactor Netty 1\.0\.16 and later; Netty 4\.1\.69 and later\)\.$/);
    const own = readablePlaybook(playbook('general-undersized-limit'), kb.versions).steps.find((s) =>
      s.command?.includes('maxDirectMemory='),
    );
    assert.match(own?.text.en ?? '', /\(Netty 4\.0\.37 and later, before 4\.1\.0 or 4\.1\.1 and later\)\.$/);
    // An OutOfDirectMemoryError itself shows a Netty that has the property: no words needed.
    const oodm = fill(playbook('general-undersized-limit'), r).steps.find((s) =>
      s.command?.includes('maxDirectMemory='),
    );
    assert.doesNotMatch(oodm?.text ?? '', /\(Netty/);
  });

  it('says its versions when a reader browses the playbook with no paste', () => {
    const step = readablePlaybook(playbook('general-nio-cleaner-gc'), kb.versions).steps.find((s) =>
      s.command?.includes('--add-opens'),
    );
    assert.match(step?.text.en ?? '', /\(Netty 4\.1\.21 and later; JDK 9 and later\)\.$/);
    assert.match(step?.text.zh ?? '', /（Netty 4\.1\.21 及以后；JDK 9 及以后）。$/);
  });
});

describe('every playbook on every paste that shows a version', () => {
  const files = [
    ...readdirSync(join(FIXTURES, 'seeds')).map((f) => `seeds/${f}`),
    ...readdirSync(join(FIXTURES, 'pastes'))
      .filter((f) => f !== 'README.md')
      .map((f) => `pastes/${f}`),
    ...readdirSync(join(FIXTURES, 'corpus'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => `corpus/${f}`),
  ];
  const reports = files
    .map((file) => ({ file, report: answer(fixture(file), kb).report }))
    .map((x) => ({ ...x, known: knownVersions(x.report, kb.versions) }))
    .filter((x) => x.known.size > 0);

  it('finds enough of them to mean something', () => {
    assert.ok(reports.length >= 40, `${reports.length} reports show a version`);
  });

  it('never prints a property, metric or option outside the versions it exists in', () => {
    const wrong: string[] = [];
    for (const { file, report, known } of reports) {
      for (const p of kb.playbooks) {
        for (const lang of ['en', 'zh'] as Language[]) {
          for (const step of fill(p, report, lang).steps) {
            const printed = `${step.text}\n${step.command ?? ''}`;
            for (const { fact, name } of factsNamedIn(printed, kb.versions.facts)) {
              const have = known.get(fact.project);
              if (!have) continue;
              const range = rangeOf(fact.holds);
              const name_ = kb.versions.projects[fact.project] ?? fact.project;
              if (disjoint(have, range))
                wrong.push(`${file} ${p.id} (${lang}): ${name} outside ${fact.holds}`);
              else if (!within(have, range) && !new RegExp(`[(（][^)）]*${name_} \\d`).test(step.text))
                wrong.push(
                  `${file} ${p.id} (${lang}): ${name} may be outside ${fact.holds}, and the step does not say so`,
                );
            }
          }
        }
      }
    }
    assert.deepEqual(wrong, []);
  });
});
