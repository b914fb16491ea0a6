import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clipWords, firstSentence, wordCount } from '../../src/render/words.ts';

describe('wordCount', () => {
  it('counts Latin words, numbers and code as one each, and two Chinese characters as one word', () => {
    assert.equal(wordCount('Raise `-XX:MaxDirectMemorySize` to 1g'), 4);
    assert.equal(wordCount('堆外内存耗尽'), 3);
    assert.equal(wordCount('已用 496 MiB / 上限 512 MiB'), 6);
    assert.equal(wordCount(' · — \n'), 0);
    assert.equal(wordCount('上限来源：跟随堆大小（未设置）'), 6);
  });
});

describe('firstSentence', () => {
  it('ends at the first full stop outside code, versions and abbreviations', () => {
    assert.equal(
      firstSentence('Netty 4.1.6.Final uses `a. b` chunks, e.g. 16 MiB. Then more.'),
      'Netty 4.1.6.Final uses `a. b` chunks, e.g. 16 MiB.',
    );
    assert.equal(
      firstSentence('先确认是泄漏：低峰期也在涨。出错时已用 496 MiB。'),
      '先确认是泄漏：低峰期也在涨。',
    );
    assert.equal(firstSentence('No stop at all'), 'No stop at all');
  });

  it('takes the next sentence with a first one too short to say anything', () => {
    assert.equal(
      firstSentence('Where does the limit come from? It follows the heap. More.', 8),
      'Where does the limit come from? It follows the heap.',
    );
  });
});

describe('clipWords', () => {
  it('leaves a short text alone and cuts a long one after whole words, with an ellipsis', () => {
    assert.equal(clipWords('one two three', 3), 'one two three');
    assert.equal(clipWords('one two three four, five', 3), 'one two three…');
    assert.equal(clipWords('一二三四五六七八', 2), '一二三四…');
    assert.equal(clipWords('先确认上限，再看线程（它们各自缓存）', 3), '先确认上限，再…');
  });

  it('never cuts inside a code span, and closes a quote or a parenthesis it cut', () => {
    assert.equal(clipWords('run `jcmd <pid> VM.flags now` and then wait', 3), 'run…');
    assert.equal(clipWords('it said: “the heap is fine and memory grows”', 5), 'it said: “the heap is…”');
    assert.equal(clipWords('a leak (the buffers are never released by anyone)', 4), 'a leak (the buffers…)');
  });
});
