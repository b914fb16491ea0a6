import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../src/core/analyze.ts';
import type { Summary } from '../../src/core/types.ts';
import { analyzeFixture, kb } from '../helpers.ts';

/** The summary of a corpus paste (test/fixtures/corpus/<id>.txt; its .json names the public source). */
const corpus = (id: string): Summary => analyzeFixture(`corpus/${id}.txt`).summary;

const OODM =
  'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 520093703, max: 524288000)';

/** The product versions of a paste made of `lines` and a Netty error. */
const versionsOf = (...lines: string[]) =>
  analyze([...lines, OODM].join('\n'), kb.analyzer).summary.productVersions ?? {};

describe('product versions from the build', () => {
  it('reads the version of the jar a frame names', () => {
    assert.deepEqual(corpus('n007').productVersions?.['reactor-netty'], {
      version: '0.7.2.RELEASE',
      evidence: 'reactor-netty-0.7.2.RELEASE.jar:0.7.2.RELEASE',
      from: 'build',
    });
  });

  it("drops the group from Gradle's cache names and keeps the artifact's owner", () => {
    assert.equal(corpus('p046').productVersions?.netty?.version, '4.1.48.Final');
    assert.equal(
      corpus('p039').productVersions?.pulsar?.evidence,
      'org.apache.pulsar-pulsar-client-original-2.7.4.jar:2.7.4',
    );
  });

  it("takes the jar's own version after the colon when its name has none", () => {
    assert.deepEqual(corpus('p051').productVersions?.grpc, {
      version: '0.14.0',
      evidence: 'grpc-core.jar:0.14.0',
      from: 'build',
    });
  });

  it('reads dependency coordinates, the version a conflict resolved to first', () => {
    assert.deepEqual(
      versionsOf('+--- io.projectreactor.netty:reactor-netty-http:1.0.20 -> 1.0.24')['reactor-netty'],
      {
        version: '1.0.24',
        evidence: 'io.projectreactor.netty:reactor-netty-http:1.0.20 -> 1.0.24',
        from: 'build',
      },
    );
  });

  it('reads the jar at the end of a Maven or Gradle repository path', () => {
    const maven = '/root/.m2/repository/com/linecorp/armeria/armeria/1.25.2/armeria-1.25.2.jar';
    assert.equal(versionsOf(`Class-Path: ${maven}`).armeria?.version, '1.25.2');
    const gradle =
      'caches/modules-2/files-2.1/io.projectreactor.netty/reactor-netty-http/1.0.24/4a1b/reactor-netty-http-1.0.24.jar';
    assert.equal(versionsOf(gradle)['reactor-netty']?.evidence, 'reactor-netty-http-1.0.24.jar');
  });

  it('ignores jars of artifacts the catalogue does not own', () => {
    // `~[server-0.22.0-SNAPSHOT.jar:?]`: a fat jar's own name says nothing of the product.
    assert.equal(corpus('p093').productVersions?.['blynk-server'], undefined);
  });
});

describe('product versions from the prose', () => {
  it('reads the version written beside the product name', () => {
    assert.deepEqual(corpus('p095').productVersions, {
      armeria: { version: '1.25.2', evidence: 'armeria version 1.25.2', from: 'name' },
    });
    assert.equal(corpus('p015').productVersions?.['spring-cloud-gateway']?.version, '3.1.4');
    assert.equal(corpus('n030').productVersions?.nacos?.evidence, 'nacos版本：2.0.1');
    assert.equal(
      versionsOf('We run SpringCloudGateway 3.1.4 behind nginx')['spring-cloud-gateway']?.version,
      '3.1.4',
    );
  });

  it('gives a word two products share to the one whose numbering fits: a bookie at 4.16.2 is BookKeeper', () => {
    assert.deepEqual(corpus('p030').productVersions, {
      bookkeeper: { version: '4.16.2', evidence: 'Bookie Version: 4.16.2', from: 'name' },
    });
  });

  it('reads a version written on the line after the product name', () => {
    assert.deepEqual(corpus('p097').productVersions?.alluxio, {
      version: '2.7.2',
      evidence: 'Alluxio Version: 2.7.2',
      from: 'name',
    });
  });

  it('takes the version an upgrade went to, not the one it left', () => {
    assert.deepEqual(corpus('p029').productVersions, {
      pulsar: {
        version: '2.5.0',
        evidence: 'upgrading an existing 2.4.1 bookie cluster to 2.5.0',
        from: 'upgrade',
      },
    });
  });

  it('names Netty for an upgrade to a .Final version, and keeps it out of the jar-read Netty version', () => {
    const s = corpus('p093');
    assert.deepEqual(s.productVersions?.netty, {
      version: '4.1.7-Final',
      evidence: 'update to 4.1.7-Final',
      from: 'upgrade',
    });
    assert.equal(s.nettyVersion, null);
  });

  it('takes a Netty version stated beside its name as the Netty version', () => {
    assert.equal(corpus('p053').nettyVersion, '3.10.6.Final');
  });

  it("does not take a keyword's version for the product: WebFlux's numbers are Spring's", () => {
    assert.deepEqual(versionsOf('Using WebFlux 5.3.20 on Reactor Netty 1.0.20'), {
      'reactor-netty': { version: '1.0.20', evidence: 'Reactor Netty 1.0.20', from: 'name' },
    });
  });

  it('reads nothing from a version that no product name stands beside', () => {
    // `版本：2.0.15.ALPHA` (blade, not named), `core version 0.2.2`, `java version: 1.8`
    assert.equal(corpus('p002').productVersions, undefined);
    assert.deepEqual(Object.keys(corpus('p020').productVersions ?? {}), []);
    assert.deepEqual(corpus('p017').productVersions, {
      grpc: { version: '1.52.1', evidence: 'grpc version: 1.52.1', from: 'name' },
    });
  });
});
