import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  clip,
  code,
  echoed,
  escapeMrkdwn,
  mrkdwnToPlain,
  neutralizeMentions,
} from '../../src/render/mrkdwn.ts';

describe('escapeMrkdwn', () => {
  it('escapes only &, < and >, so frames and emphasis survive', () => {
    assert.equal(
      escapeMrkdwn('*java.nio.DirectByteBuffer.<init>* & heap > direct'),
      '*java.nio.DirectByteBuffer.&lt;init&gt;* &amp; heap &gt; direct',
    );
  });
});

describe('code', () => {
  it('wraps text in a code span, turning backticks inside into quotes', () => {
    assert.equal(
      code('jcmd <pid> VM.flags | grep `MaxDirectMemorySize`'),
      "`jcmd &lt;pid&gt; VM.flags | grep 'MaxDirectMemorySize'`",
    );
  });
});

describe('mrkdwnToPlain', () => {
  it('drops bold marks around labels, as knowledge entries write them', () => {
    assert.equal(
      mrkdwnToPlain(
        '*Default:* `io.netty.allocator.numDirectArenas` = min(2 × cores, maxDirect ÷ chunk ÷ 2 ÷ 3).',
      ),
      'Default: `io.netty.allocator.numDirectArenas` = min(2 × cores, maxDirect ÷ chunk ÷ 2 ÷ 3).',
    );
    assert.equal(mrkdwnToPlain('• *对比测试：* 同样的负载'), '• 对比测试： 同样的负载');
    assert.equal(mrkdwnToPlain('*1. Check* — (*really*), now'), '1. Check — (really), now');
  });

  it('keeps asterisks that are not emphasis', () => {
    assert.equal(
      mrkdwnToPlain('plain `-Dio.netty.*` flags are ignored'),
      'plain `-Dio.netty.*` flags are ignored',
    );
    assert.equal(mrkdwnToPlain('2*3*4 and *a*b'), '2*3*4 and *a*b');
  });

  it('spells out links: the label, then the address', () => {
    assert.equal(
      mrkdwnToPlain(
        'Read more: <https://netty.io/wiki/reference-counted-objects.html|Reference counted objects> · <https://github.com/netty/netty/issues/8317>',
      ),
      'Read more: Reference counted objects (https://netty.io/wiki/reference-counted-objects.html) · https://github.com/netty/netty/issues/8317',
    );
  });

  it('undoes the entities once, so an escaped entity stays one', () => {
    assert.equal(
      mrkdwnToPlain('java.nio.DirectByteBuffer.&lt;init&gt; &amp; &amp;lt;'),
      'java.nio.DirectByteBuffer.<init> & &lt;',
    );
  });

  it('indents code blocks on lines of their own', () => {
    assert.equal(
      mrkdwnToPlain('*2. Act* — Raise it.\n```-XX:MaxDirectMemorySize=12g```'),
      '2. Act — Raise it.\n    -XX:MaxDirectMemorySize=12g',
    );
    assert.equal(
      mrkdwnToPlain('Run:```jcmd &lt;pid&gt; VM.flags\njmap -heap &lt;pid&gt;```'),
      'Run:\n    jcmd <pid> VM.flags\n    jmap -heap <pid>',
    );
  });
});

describe('clip', () => {
  it('leaves text that fits alone', () => {
    assert.equal(clip('16 MiB chunk refused', 20), '16 MiB chunk refused');
  });

  it('cuts at a word or line boundary and marks the cut, within the limit', () => {
    assert.equal(clip('Direct memory exhausted: 7.66 GiB of 7.67 GiB used', 30), 'Direct memory exhausted:…');
    assert.equal(clip('reactor-http-epoll-8\nreactor-http-epoll-3', 30), 'reactor-http-epoll-8…');
  });

  it('cuts inside a word when the last boundary is too early', () => {
    assert.equal(clip('io.netty.util.internal.OutOfDirectMemoryError', 20), 'io.netty.util.inter…');
    assert.equal(clip('at io.netty.buffer.PoolArena.allocate', 20), 'at io.netty.buffer.…');
  });

  it('never returns more than the limit', () => {
    for (const max of [1, 2, 5, 13, 40]) {
      const text = 'max 8232370176 ≈ 7.67 GiB, just under 8 GiB: the limit followed the heap';
      assert.ok(clip(text, max).length <= max, `${max}: ${clip(text, max)}`);
    }
  });
});

describe('neutralizeMentions', () => {
  it('turns special mentions, user and channel links into plain words that notify no one', () => {
    assert.equal(
      neutralizeMentions(
        'hi <!channel> <!here> <!everyone> <!subteam^S0123|@oncall> <@U0BOB> <@U0ALICE|alice> <#C0OPS|ops>',
      ),
      'hi @channel @here @everyone @oncall @U0BOB @alice #ops',
    );
  });

  it('keeps a link as its label or its address', () => {
    assert.equal(
      neutralizeMentions('see <https://netty.io/wiki|the wiki> or <https://netty.io>'),
      'see the wiki or https://netty.io',
    );
  });
});

describe('echoed', () => {
  it('shows typed words back masked, without mentions, and short', () => {
    assert.equal(
      echoed('leak <!here> password=hunter2 bob@example.com'),
      'leak @here password=‹password› ‹e-mail›',
    );
    assert.ok(echoed('x'.repeat(5000)).length <= 200);
  });
});
