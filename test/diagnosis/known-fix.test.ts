import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../src/core/analyze.ts';
import type { Finding, Language } from '../../src/core/types.ts';
import { diagnose } from '../../src/diagnosis/diagnose.ts';
import { knownBugsOf } from '../../src/knowledge/products.ts';
import { fixtureLines } from '../fixture-files.ts';
import { fixture, kb } from '../helpers.ts';

/** The findings of a paste, diagnosed with the catalogue's known bugs. */
function findingsOf(text: string, lang: Language = 'en'): Finding[] {
  const report = analyze(text, kb.analyzer, { language: lang });
  return diagnose(report, kb.analyzer.frameworks, lang, knownBugsOf(kb.products)).findings;
}

const corpus = (id: string, lang: Language = 'en') => findingsOf(fixture(`corpus/${id}.txt`), lang);

/** Every evidence line that names an upstream fix, with the rule that said it. */
function fixesNamed(findings: Finding[]): { rule: string; evidence: string }[] {
  return findings.flatMap((f) =>
    f.evidence
      .map((evidence, i) => ({ rule: f.signals[i] ?? '', evidence }))
      .filter((e) => e.rule.startsWith('known-fix')),
  );
}

// An OutOfDirectMemoryError inside a Spring Cloud Gateway exchange (corpus p009), with the Retry filter's frame.
const RETRY_TRACE = [
  ...fixtureLines('corpus/p009.txt', 8),
  '\tat io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:754)',
  '\tat org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.lambda$apply$2(RetryGatewayFilterFactory.java:182)',
];

describe('a known fix, when the paste shows the version', () => {
  it('names the BookKeeper fix for the bookie version the report states (p030)', () => {
    const [top] = corpus('p030');
    assert.equal(top?.scenario, 'leak-unreleased-bytebuf');
    assert.deepEqual(fixesNamed(corpus('p030')), [
      {
        rule: 'known-fix:leak-unreleased-bytebuf',
        evidence:
          'Fixed in 4.16.4 (https://github.com/apache/bookkeeper/pull/4135); you run Apache BookKeeper 4.16.2 (Bookie Version: 4.16.2): DirectEntryLogger leaks a buffer on every failed catch-up read',
      },
    ]);
  });

  it('says it in Chinese for a Chinese reply', () => {
    const [evidence] = fixesNamed(corpus('p030', 'zh'));
    assert.match(
      evidence?.evidence ?? '',
      /^已在 4\.16\.4 修复（https:\/\/github\.com\/apache\/bookkeeper\/pull\/4135）；你运行的是 Apache BookKeeper 4\.16\.2/,
    );
  });

  it('names the Armeria fix when the leak record passes through the path of the bug (p095)', () => {
    assert.deepEqual(fixesNamed(corpus('p095')), [
      {
        rule: 'known-fix-on-path:leak-unreleased-bytebuf',
        evidence:
          'Fixed in 1.26.0 (https://github.com/line/armeria/issues/5180); you run Armeria 1.25.2 (armeria version 1.25.2), and the trace passes through Http1RequestDecoder: Request buffers leak when an HTTP/1.1 request exceeds the maximum length (unary and response-streaming services)',
      },
    ]);
  });

  it('names the Netty regression of the version an upgrade went to (p093)', () => {
    const findings = corpus('p093');
    assert.equal(findings[0]?.scenario, 'jdk-or-netty-bug');
    assert.match(
      fixesNamed(findings)[0]?.evidence ?? '',
      /^Fixed in 4\.1\.8\.Final \(https:\/\/github\.com\/netty\/netty\/issues\/6221\); you run Netty 4\.1\.7-Final \(update to 4\.1\.7-Final\)/,
    );
  });

  it('names the Netty fix of the release the line numbers pin (p100)', () => {
    assert.deepEqual(fixesNamed(corpus('p100')), [
      {
        rule: 'known-fix:jdk-or-netty-bug',
        evidence:
          'Fixed in 4.1.35.Final (https://github.com/netty/netty/issues/9007); you run Netty 4.1.34 (PoolArena.java:768, PoolArena.java:744, PooledByteBufAllocator.java:327): After an oversized message, the HTTP aggregator stops discarding the rest of it',
      },
    ]);
  });

  it('supports the limit when the known bug is a start script that ignored it (p029)', () => {
    const findings = corpus('p029');
    assert.equal(findings[0]?.scenario, 'undersized-limit');
    assert.match(
      fixesNamed(findings)[0]?.evidence ?? '',
      /^Fixed in 2\.5\.1 .*; you run Apache Pulsar 2\.5\.0/,
    );
  });

  it('names nothing for a version past the fix', () => {
    const upload = ['Uploading a 2 GB file to lets-blade 2.0.15.RELEASE', ...RETRY_TRACE.slice(0, 2)].join(
      '\n',
    );
    assert.deepEqual(fixesNamed(findingsOf(upload)), []);
    const older = upload.replace('2.0.15.RELEASE', '2.0.11.RELEASE');
    assert.match(
      fixesNamed(findingsOf(older))[0]?.evidence ?? '',
      /^Fixed in 2\.0\.12\.BETA .*; you run Blade/,
    );
  });

  it('needs the path of a bug that lives on one: a Spring Cloud Gateway version alone names no Retry fix', () => {
    const trace = RETRY_TRACE.join('\n');
    assert.match(
      fixesNamed(findingsOf(`Spring Cloud Gateway 2.2.5.RELEASE\n${trace}`))[0]?.evidence ?? '',
      /^Fixed in 2\.2\.6\.RELEASE .*; you run Spring Cloud Gateway 2\.2\.5\.RELEASE .*passes through RetryGatewayFilterFactory/,
    );
    const withoutPath = `Spring Cloud Gateway 2.2.5.RELEASE\n${RETRY_TRACE.slice(0, 2).join('\n')}`;
    assert.ok(!fixesNamed(findingsOf(withoutPath)).some((e) => e.evidence.includes('Retry')));
  });
});

describe('no known fix claimed without a version', () => {
  it('asks which version runs when the path of a bug shows but the version does not', () => {
    assert.deepEqual(fixesNamed(findingsOf(RETRY_TRACE.join('\n'))), [
      {
        rule: 'known-fix-version-unknown:jdk-or-netty-bug',
        evidence:
          'The trace passes through RetryGatewayFilterFactory, where Spring Cloud Gateway had a known bug fixed in 2.2.6.RELEASE (https://github.com/spring-cloud/spring-cloud-gateway/commit/5e0baf548025f35e9d600585fbb477767f62d996): The Retry filter does not dispose of the previous upstream connection, with its unread body, before retrying. Which Spring Cloud Gateway version runs?',
      },
    ]);
  });

  it('says nothing of Reactor Netty when only Netty shows its version (p025)', () => {
    assert.deepEqual(fixesNamed(corpus('p025')), []);
  });

  it('says nothing for pastes that show no version', () => {
    for (const id of ['p009', 'p064', 'p077', 's003']) {
      const said = corpus(id).flatMap((f) => f.evidence);
      assert.ok(!said.some((e) => / you run /.test(e)), id);
    }
  });
});
