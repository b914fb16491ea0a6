import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { singleSpaced } from '../../src/core/double-spaced.ts';
import { fixture } from '../fixture-files.ts';

describe('singleSpaced', () => {
  const trace = fixture('seeds/000-reactor-netty-load-test.txt').split('\n').slice(0, 12);

  it('drops the blank line a copy put after every line of a trace, keeping each line’s number', () => {
    const doubled = trace.join('\n\n').split('\n');
    const back = singleSpaced(doubled);
    assert.deepEqual(
      back?.map((l) => l.text),
      trace,
    );
    assert.deepEqual(
      back?.map((l) => l.line),
      trace.map((_, i) => 2 * i + 1),
    );
  });

  it('keeps one blank line for each the paste had: a run of three stood for one', () => {
    const withBlank = [...trace.slice(0, 6), '', ...trace.slice(6)];
    const back = singleSpaced(withBlank.join('\n\n').split('\n'));
    assert.deepEqual(
      back?.map((l) => l.text),
      withBlank,
    );
  });

  it('leaves a trace whose lines touch, and prose in paragraphs, as they are', () => {
    assert.equal(singleSpaced(trace), null);
    const prose = [
      'We restarted the gateway.',
      '',
      'It happened again.',
      '',
      'Any idea?',
      '',
      'Thanks',
      '',
      'Bob',
    ];
    assert.equal(singleSpaced(prose), null);
  });
});
