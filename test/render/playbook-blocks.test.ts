import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FilledPlaybook } from '../../src/playbook/fill.ts';
import type { Block } from '../../src/render/blocks.ts';
import {
  nextStepsBlock,
  type PlaybookView,
  playbookBlocks,
  playbookModal,
  playbookView,
} from '../../src/render/playbook-blocks.ts';

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });

const FILLED: FilledPlaybook = {
  id: 'grpc-direct-memory-limit',
  title: 'gRPC: direct-memory limit too small for the pool',
  summary: 'Raise the limit <first>; if that fails, read grpc-flow-control.',
  steps: [
    {
      kind: 'check',
      text: 'Confirm the limit: 512 MiB, set with `-XX:MaxDirectMemorySize=512m`. With 16 MiB chunks that is 32 chunks.',
      command: "jcmd <pid> VM.flags | tr ' ' '\\n' | grep MaxDirectMemorySize",
    },
    {
      kind: 'act',
      text: 'Raise the limit to 1g, e.g. `-XX:MaxDirectMemorySize=1g`, keeping heap + direct memory inside the container. Leave room.',
      command: '-XX:MaxDirectMemorySize=1g',
    },
    { kind: 'check', text: 'Turn on leak detection.', command: '-Dio.netty.leakDetection.level=ADVANCED' },
    { kind: 'verify', text: 'Watch the next peak.', command: null },
    {
      kind: 'escalate',
      text: 'If it climbs again, check flow control (grpc-flow-control) and copies (netty-copy-not-released), not grpc-default-executor.',
      command: null,
    },
  ],
  references: [
    'https://github.com/netty/netty/issues/8536',
    'https://github.com/grpc/grpc-java/issues/5671/',
    'https://netty.io/wiki/reference-counted-objects.html',
  ],
};
const TITLES = new Map([
  ['grpc-flow-control', 'gRPC: streams outrun the reader'],
  ['netty-copy-not-released', 'Netty: copies <made> in your code are never released'],
]);
const READING = [
  {
    title: 'The limit is too small for arenas × chunk size',
    url: 'https://github.com/netty/netty/issues/8536',
  },
  { title: 'gRPC: shaded Netty, 2 MiB chunks', url: 'https://github.com/grpc/grpc-java/issues/5671' },
];
const view: PlaybookView = playbookView(FILLED, READING, TITLES);

describe('playbookView', () => {
  it('names other playbooks by their titles, escaped in step texts, and leaves other hyphenated words', () => {
    assert.equal(
      view.steps[4]?.text,
      'If it climbs again, check flow control (gRPC: streams outrun the reader) and copies (Netty: copies &lt;made&gt; in your code are never released), not grpc-default-executor.',
    );
    assert.equal(
      view.summary,
      'Raise the limit <first>; if that fails, read gRPC: streams outrun the reader.',
    );
  });

  it('lists each address once, with the title a knowledge entry gives it', () => {
    assert.deepEqual(view.links, [
      READING[0],
      READING[1],
      { url: 'https://netty.io/wiki/reference-counted-objects.html' },
    ]);
  });
});

describe('nextStepsBlock', () => {
  it('gives the first three steps, one sentence each, with their commands as code', () => {
    assert.deepEqual(
      nextStepsBlock(view, 'en'),
      section(
        '*What to do: gRPC: direct-memory limit too small for the pool*\n' +
          '1. Confirm the limit: 512 MiB, set with `-XX:MaxDirectMemorySize=512m`.\n' +
          "      `jcmd &lt;pid&gt; VM.flags | tr ' ' '\\n' | grep MaxDirectMemorySize`\n" +
          '2. Raise the limit to 1g, e.g. `-XX:MaxDirectMemorySize=1g`, keeping heap + direct memory inside the container.\n' +
          '      `-XX:MaxDirectMemorySize=1g`\n' +
          '3. Turn on leak detection.\n' +
          '      `-Dio.netty.leakDetection.level=ADVANCED`',
      ),
    );
  });

  it('gives fewer steps when asked, and leaves out a command the reply already shows', () => {
    const block = nextStepsBlock(view, 'zh', 3, ['-dio.netty.leakdetection.level=advanced']);
    assert.ok(block?.type === 'section');
    const lines = block.text?.text.split('\n') ?? [];
    assert.equal(lines[0], '*处理步骤：gRPC: direct-memory limit too small for the pool*');
    assert.equal(lines.at(-1), '3. Turn on leak detection.');
    const two = nextStepsBlock(view, 'en', 2);
    assert.ok(two?.type === 'section');
    assert.equal(two.text?.text.split('\n').filter((l) => /^\d\./.test(l)).length, 2);
    assert.equal(nextStepsBlock({ ...view, steps: [] }, 'en'), null);
  });
});

describe('playbookBlocks and playbookModal', () => {
  it('show every step with its kind and command, the summary first and the references last', () => {
    const blocks = playbookBlocks(view, 'en');
    assert.deepEqual(
      blocks[0],
      section(
        `*${view.title}*\nRaise the limit &lt;first&gt;; if that fails, read gRPC: streams outrun the reader.`,
      ),
    );
    assert.deepEqual(
      blocks[1],
      section(
        `*1. Check* — ${FILLED.steps[0]?.text}\n\`\`\`jcmd &lt;pid&gt; VM.flags | tr ' ' '\\n' | grep MaxDirectMemorySize\`\`\``,
      ),
    );
    assert.deepEqual(blocks[4], section('*4. Verify* — Watch the next peak.'));
    assert.equal(blocks.length, 1 + FILLED.steps.length + 1);
    assert.deepEqual(blocks.at(-1), {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text:
            'Read more: <https://github.com/netty/netty/issues/8536|The limit is too small for arenas × chunk size> · ' +
            '<https://github.com/grpc/grpc-java/issues/5671|gRPC: shaded Netty, 2 MiB chunks> · ' +
            '<https://netty.io/wiki/reference-counted-objects.html>',
        },
      ],
    });
  });

  it('open as a modal titled within Slack’s 24 characters, in the reply’s language', () => {
    const modal = playbookModal(view, 'zh');
    assert.deepEqual(modal.title, { type: 'plain_text', text: '完整处理步骤' });
    assert.deepEqual(modal.close, { type: 'plain_text', text: '关闭' });
    assert.deepEqual(modal.blocks, playbookBlocks(view, 'zh'));
    assert.match(JSON.stringify(modal.blocks), /\*5\. 上报\* — /);
  });
});
