import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answer } from '../../src/app/answer.ts';
import { buildReply, headlineOf } from '../../src/render/blocks.ts';
import { fixture, kb } from '../helpers.ts';

/** The context line under the headline: products, Netty version, relocation, transport. */
function contextOf(path: string): string {
  const { report } = answer(fixture(path), kb, { language: 'en' });
  const block = buildReply(report, kb.analyzer).blocks.find((b) => b.type === 'context');
  return block?.type === 'context' ? (block.elements[0]?.text ?? '') : '';
}

describe('the product in the headline', () => {
  it('names the product above Netty from the catalogue (Seata TC, corpus p082)', () => {
    const { report } = answer(fixture('corpus/p082.txt'), kb, { language: 'en' });
    assert.equal(
      headlineOf(report, kb.analyzer),
      'Direct memory exhausted: 1 GiB of 1 GiB used, 128 MiB refused — Apache Seata',
    );
  });

  it('names code the catalogue lacks by its package, and says so', () => {
    const { report } = answer(fixture('seeds/003-copy-not-released.txt'), kb, { language: 'en' });
    assert.match(headlineOf(report, kb.analyzer), / — com\.hx\.test12 \(named from its package\)$/);
    const zh = answer(fixture('seeds/003-copy-not-released.txt'), kb, { language: 'zh' }).report;
    assert.match(headlineOf(zh, kb.analyzer), / — com\.hx\.test12（按包名推断）$/);
  });

  it('lists every product in the context line, the most specific first', () => {
    assert.equal(contextOf('corpus/p069.txt'), 'Spring Cloud Gateway / Reactor Netty / Netty · epoll');
  });
});
