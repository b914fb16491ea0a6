import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenize } from '../../src/search/tokenize.ts';

/** The distinct tokens of a text: a synonym group may be added once per phrase of it that appears. */
const distinct = (text: string) => [...new Set(tokenize(text))];

describe('tokenize', () => {
  it('stems English words and drops stop words and single letters', () => {
    assert.deepEqual(tokenize('How do I release the buffers of a handler?'), [
      'syn_release',
      'syn_handler',
      'releas',
      'buffer',
      'handler',
    ]);
  });

  it('keeps a dotted name whole and splits it into its parts', () => {
    assert.deepEqual(distinct('io.netty.util.internal.OutOfDirectMemoryError'), [
      'syn_offheap',
      'syn_oom',
      'io_netty_util_internal_outofdirectmemoryerror',
      'io',
      'netti',
      'util',
      'intern',
      'outofdirectmemoryerror',
      'out',
      'direct',
      'memori',
      'error',
    ]);
  });

  it('splits camel case, so a flag is found by its words', () => {
    assert.deepEqual(distinct('MaxDirectMemorySize'), [
      'syn_offheap',
      'syn_limit',
      'maxdirectmemorys',
      'max',
      'direct',
      'memori',
      'size',
    ]);
  });

  it('splits inner classes at $ and keeps version numbers of two digits or more', () => {
    assert.deepEqual(tokenize('PoolArena$DirectArena.newChunk in netty 4.1.33.Final').slice(3), [
      'poolarena$directarena_newchunk',
      'poolarena',
      'directarena',
      'newchunk',
      'netti',
      '4_1_33_final',
      '33',
      'final',
      'pool',
      'arena',
      'direct',
      'arena',
      'new',
      'chunk',
    ]);
  });

  it('counts each word once, also after a camel-case name', () => {
    // The words after `ByteBuf` were counted twice, weighing them as if repeated.
    assert.deepEqual(tokenize('ByteBuf retained by handler'), [
      'syn_handler',
      'bytebuf',
      'retain',
      'handler',
      'byte',
      'buf',
    ]);
  });

  it('cuts Chinese into words and every pair of adjacent characters', () => {
    // The segmenter alone would not give 堆外 for 堆外内存.
    assert.deepEqual(tokenize('堆外内存一直涨').slice(4), [
      '内存',
      '一直',
      '堆外',
      '外内',
      '内存',
      '存一',
      '一直',
      '直涨',
    ]);
    assert.deepEqual(tokenize('堆'), ['堆']);
  });

  it('adds one token for a synonym group whatever language or jargon names it', () => {
    for (const text of ['压测', 'load test', 'stress test', 'JMeter']) {
      assert.ok(tokenize(text).includes('syn_loadtest'), text);
    }
    assert.deepEqual(distinct('堆外内存一直涨').slice(0, 2), ['syn_offheap', 'syn_grow']);
    assert.deepEqual(tokenize('排查'), ['syn_investigate', '排查']);
  });

  it('gives tokens lunr keeps whole: no spaces or hyphens', () => {
    for (const token of tokenize('reactor-netty 1.0.16 off-heap HTTP/2 leak, spring-cloud-gateway')) {
      assert.doesNotMatch(token, /[\s-]/, token);
    }
  });

  it('reads only the first 20 000 characters', () => {
    const text = `${'x '.repeat(10_000)}netty`;
    assert.equal(tokenize(text).includes('netti'), false);
    assert.deepEqual(tokenize(''), []);
  });
});
