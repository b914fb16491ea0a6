import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CueMatcher } from '../../src/core/cues.ts';
import type { AnalyzerKnowledge } from '../../src/core/types.ts';
import { loadAnalyzerKnowledge } from '../../src/knowledge/analyzer-knowledge.ts';
import { fixture, fixtureLine, ROOT } from '../fixture-files.ts';

const { signals } = loadAnalyzerKnowledge(ROOT, []) as AnalyzerKnowledge;

/** What a matcher over the real text signals found in these lines, in the order found. */
function cuesIn(lines: string[]): [string, string][] {
  const m = new CueMatcher(signals);
  for (const line of lines) m.observe(line, line.toLowerCase());
  return [...m.found];
}

describe('CueMatcher', () => {
  it('keeps a short matching line whole, trimmed, as the evidence', () => {
    assert.deepEqual(cuesIn([fixtureLine('seeds/000-reactor-netty-load-test.txt', 3)]), [
      ['load-test-prose', '## 压测'],
    ]);
  });

  it('keeps the first line that named a signal', () => {
    assert.deepEqual(cuesIn(fixture('seeds/000-reactor-netty-load-test.txt').split('\n')), [
      ['load-test-prose', '## 压测'],
    ]);
  });

  it('finds several signals in one line', () => {
    // chinese-question.txt: "a filter reads the request body … did it not release it?"
    assert.deepEqual(cuesIn([fixtureLine('pastes/chinese-question.txt', 30)]), [
      [
        'large-body-prose',
        '我们有一个自定义的 GlobalFilter 会读取请求体做验签，不知道是不是这里没有释放导致的，求大佬指点。',
      ],
      [
        'leak-testimony-prose',
        '我们有一个自定义的 GlobalFilter 会读取请求体做验签，不知道是不是这里没有释放导致的，求大佬指点。',
      ],
    ]);
  });

  it('cuts a long line to the words around the match, whatever its indentation', () => {
    assert.deepEqual(cuesIn([fixtureLine('pastes/scg-caused-by.txt', 20)]), [
      [
        'large-body-prose',
        '…rk.cloud.gateway.filter.factory.rewrite.ModifyRequestBodyGatewayFilterFactory$1.lambda$filter$0(Modi…',
      ],
    ]);
  });

  it('matches without regard to case, and quotes the line as written', () => {
    assert.deepEqual(cuesIn([fixtureLine('seeds/004-inbound-handler-leak.txt', 616)]), [
      [
        'inbound-handler',
        '…,可以通过refCnt()方法获取,由于继承了io.netty.channel.SimpleChannelInboundHandler#channelRead,该方法会调用释放方法释放堆外内存(当引用…',
      ],
    ]);
  });

  it('reads all the prose of a Chinese write-up (seed 003), keeping its short lines as written', () => {
    const seed = 'seeds/003-copy-not-released.txt';
    assert.deepEqual(cuesIn(fixture(seed).split('\n')), [
      // a restart that only bought a week, then growth and a stated leak; lines 9 and 15 hold
      // no-break spaces: a line short enough is quoted untouched
      [
        'limit-raised-recurs-prose',
        '但是 由于之前又对接了大量的车辆, 然后 之后出现了一次 OutOfDirectMemoryError, 然后 当时 临时重启了一下',
      ],
      ['growth-prose', fixtureLine(seed, 9).trim()],
      ['leak-testimony-prose', fixtureLine(seed, 15).trim()],
      ['copy-call', 'ByteBuf ref = buffer.copy();'],
      [
        'retain-call',
        '…XByteBufAllocator.heapBuffer, XXXByteBufAllocator.directBuffer, buffer.copy, buffer.retainedSlice 等等',
      ],
    ]);
  });

  it('finds nothing in a trace with no words around it', () => {
    assert.deepEqual(cuesIn(fixture('pastes/outbound-write.txt').split('\n')), []);
  });

  it('starts each matcher afresh, though they share the compiled patterns', () => {
    const line = fixtureLine('seeds/000-reactor-netty-load-test.txt', 3);
    assert.deepEqual(cuesIn([line]), cuesIn([line]));
    assert.deepEqual(new CueMatcher(signals).found.size, 0);
  });
});
