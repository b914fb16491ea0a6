import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { answer } from '../src/app/answer.ts';
import { LIMITS } from '../src/render/blocks.ts';
import { replyToText } from '../src/render/text.ts';
import { FIXTURES, fixture, kb, SEEDS } from './helpers.ts';
import { schemaErrors } from './schema-validator.ts';

const PLAYBOOK_FOR_SEED: Record<(typeof SEEDS)[number], string> = {
  '000-reactor-netty-load-test': 'reactor-netty-load-burst',
  '001-grpc-explicit-512m': 'grpc-direct-memory-limit',
  '002-nacos-shaded-grpc': 'nacos-push-backlog',
  '003-copy-not-released': 'netty-copy-not-released',
  '004-inbound-handler-leak': 'netty-inbound-handler-retains',
};

const allFixtures = [
  ...SEEDS.map((s) => `seeds/${s}.txt`),
  ...readdirSync(join(FIXTURES, 'pastes'))
    .filter((f) => f !== 'README.md')
    .map((f) => `pastes/${f}`),
];

describe('the reply', () => {
  for (const seed of SEEDS) {
    it(`gives seed ${seed} the playbook its write-up would choose`, () => {
      const { report } = answer(fixture(`seeds/${seed}.txt`), kb);
      assert.equal(report.playbook?.id, PLAYBOOK_FOR_SEED[seed]);
      assert.deepEqual(schemaErrors(report), []);
      assert.ok(report.knowledge.length > 0);
    });
  }

  it('never gives a reactor-netty trace the gRPC playbook, or a gRPC trace the reactor-netty one', () => {
    for (const file of allFixtures) {
      const { report } = answer(fixture(file), kb);
      const fw = new Set(report.summary.frameworks.map((f) => f.id));
      for (const id of report.playbook?.frameworks ?? []) {
        assert.ok(
          report.playbook?.frameworks.some((f) => fw.has(f)),
          `${file}: ${report.playbook?.id} is for ${id}`,
        );
      }
    }
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`fills every step in ${lang} with no hole, within Slack's limits, for every fixture`, () => {
      for (const file of allFixtures) {
        const { reply, playbook } = answer(fixture(file), kb, { language: lang });
        const text = replyToText(reply);
        assert.doesNotMatch(text, /\{\{|\bundefined\b|\bNaN\b|\[object /, file);
        assert.ok(reply.blocks.length <= LIMITS.blocks, file);
        for (const b of reply.blocks) {
          if (b.type === 'section' && b.text) assert.ok(b.text.text.length <= LIMITS.sectionText, file);
          if (b.type === 'header') assert.ok(b.text.text.length <= LIMITS.header, file);
        }
        for (const step of playbook?.steps ?? []) assert.ok(step.text.length > 0, file);
      }
    });
  }

  it('writes Netty properties with the relocation prefix for shaded gRPC', () => {
    const { playbook, report } = answer(fixture('pastes/grpc-shaded-huge.txt'), kb);
    assert.equal(report.summary.nettyPropertyPrefix, 'io.grpc.netty.shaded.io.netty.');
    const commands = (playbook?.steps ?? []).map((s) => s.command ?? '').join('\n');
    assert.match(commands, /-Dio\.grpc\.netty\.shaded\.io\.netty\./);
    assert.doesNotMatch(commands, /-Dio\.netty\./);
  });

  it('rephrases steps whose facts are missing instead of printing a hole', () => {
    const { playbook } = answer(fixture('pastes/truncated.txt'), kb, { language: 'en' });
    assert.ok(playbook);
    for (const s of playbook.steps) assert.doesNotMatch(`${s.text} ${s.command ?? ''}`, /\{\{|null/);
  });

  it('puts the numbers, framework and Netty version in the headline', () => {
    const { reply } = answer(fixture('seeds/000-reactor-netty-load-test.txt'), kb, { language: 'en' });
    assert.equal(
      reply.text,
      'Direct memory exhausted: 7.66 GiB of 7.67 GiB used, a 16 MiB chunk refused — Reactor Netty, Netty 4.1.33',
    );
  });

  it('shows at most three steps of the playbook and keeps every step, titled and linked, for the full view', () => {
    for (const file of allFixtures) {
      const { reply, playbook, fullPlaybook } = answer(fixture(file), kb, { language: 'en' });
      assert.equal(fullPlaybook?.steps.length, playbook?.steps.length, file);
      assert.equal(fullPlaybook?.title, playbook?.title, file);
      if (!fullPlaybook) continue;
      const steps = reply.blocks.at(-1);
      assert.ok(steps?.type === 'section', file);
      const numbered = (steps.text?.text ?? '').split('\n').filter((l) => /^\d\. /.test(l));
      assert.ok(numbered.length >= 1 && numbered.length <= 3, file);
      const urls = fullPlaybook.links.map((l) => l.url);
      assert.deepEqual(urls, [...new Set(urls)], file);
    }
  });

  it('answers in the language of the paste unless told otherwise', () => {
    assert.equal(answer(fixture('pastes/chinese-question.txt'), kb).report.language, 'zh');
    assert.equal(
      answer(fixture('pastes/chinese-question.txt'), kb, { language: 'en' }).report.language,
      'en',
    );
    assert.equal(answer(fixture('pastes/k8s-cri.txt'), kb).report.language, 'en');
  });
});
