import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chunkFor } from '../../src/core/chunks.ts';
import { disjoint, holds, rangeOf, within } from '../../src/core/version-intervals.ts';
import { knownVersions } from '../../src/playbook/requires.ts';
import { analyzeFixture, kb } from '../helpers.ts';

const facts = kb.versions.facts;
const fact = (id: string) => {
  const f = facts.find((x) => x.id === id);
  assert.ok(f, id);
  return f;
};

describe('the version table', () => {
  it('holds every fact with its versions and the source it was read at', () => {
    assert.ok(facts.length >= 65, `${facts.length} facts`);
    for (const f of facts) {
      assert.ok(f.source.length > 0 && f.source.every((u) => u.startsWith('https://')), f.id);
      assert.ok(rangeOf(f.holds).length > 0, `${f.id}: ${f.holds}`);
      assert.ok(f.project in kb.versions.projects, f.id);
    }
  });

  it('agrees with the chunk sizes the analysis assumes for each Netty version', () => {
    for (const v of [
      '4.0.56.Final',
      '4.1.0.Final',
      '4.1.74.Final',
      '4.1.75.Final',
      '4.1.128.Final',
      '4.2.7.Final',
    ]) {
      const owner = [fact('netty-maxorder-11'), fact('netty-maxorder-9')].find((f) =>
        holds(rangeOf(f.holds), v),
      );
      const bytes = Number(/chunkSize=(\d+)/.exec(String(owner?.value))?.[1]);
      assert.equal(chunkFor(v, null, false).size, bytes, v);
    }
  });

  it('puts the 4.1.75 changes at the version the signals and the thread-cache advice use', () => {
    for (const id of ['netty-maxorder-9', 'netty-usecacheforallthreads-default-false'])
      assert.equal(fact(id).holds, '>=4.1.75');
    assert.equal(fact('netty-usecacheforallthreads-false-fixed').holds, '>=4.1.16');
    assert.equal(fact('netty-usecacheforallthreads-introduced').holds, '>=4.1.7');
  });

  it('gives each line of the OutOfDirectMemoryError throw one run of versions, never two lines for one version', () => {
    const lines = facts.filter((f) => f.id.startsWith('netty-oodm-line-'));
    assert.ok(lines.length >= 40, `${lines.length} lines`);
    for (const [i, a] of lines.entries())
      for (const b of lines.slice(i + 1))
        assert.ok(disjoint(rangeOf(a.holds), rangeOf(b.holds)), `${a.id} and ${b.id} overlap`);
  });
});

describe('knownVersions', () => {
  it('reads the Netty version off a jar name', () => {
    const known = knownVersions(analyzeFixture('seeds/001-grpc-explicit-512m.txt'), kb.versions);
    assert.ok(within(known.get('netty') ?? [], rangeOf('=4.1.6')));
  });

  it('reads the Netty versions off the line that threw, when no jar is named', () => {
    const known = knownVersions(analyzeFixture('seeds/003-copy-not-released.txt'), kb.versions);
    assert.deepEqual(known.get('netty'), rangeOf('>=4.1.46 <4.1.49'));
  });

  it('reads Reactor Netty 0.6 to 0.8.2 off a server-epoll thread name', () => {
    const known = knownVersions(analyzeFixture('corpus/p025.txt'), kb.versions);
    assert.ok(within(known.get('reactor-netty') ?? [], rangeOf('>=0.6.0 <0.7.12 || >=0.8.0 <0.8.3')));
    assert.ok(within(known.get('netty') ?? [], rangeOf('=4.1.25')));
  });

  it('knows nothing of a project whose evidence contradicts itself', () => {
    const r = analyzeFixture('seeds/003-copy-not-released.txt');
    const mixed = { ...r, summary: { ...r.summary, nettyVersion: '4.1.100.Final' } };
    assert.equal(knownVersions(mixed, kb.versions).has('netty'), false);
  });
});
