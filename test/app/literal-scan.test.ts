import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LiteralScanner } from '../../src/app/literal-scan.ts';

/** Per end offset, the literals ending there, as the scanner reports them. */
function found(scanner: LiteralScanner, text: string): Map<number, number[]> {
  const m = scanner.matches(Buffer.from(text, 'latin1'));
  const out = new Map<number, number[]>();
  for (let k = 0; k < m.length; k += 2) out.set(m[k] as number, [...scanner.endingIn(m[k + 1] as number)]);
  return out;
}

/** The same, by trying every literal at every offset (literal i lower case, the text in either case). */
function naive(literals: string[], text: string): Map<number, number[]> {
  const lower = text.toLowerCase();
  const out = new Map<number, number[]>();
  for (let end = 1; end <= text.length; end++) {
    const ids = literals
      .map((l, i) => [l, i] as const)
      .filter(([l, i]) => literals.indexOf(l) === i && lower.slice(0, end).endsWith(l))
      .sort((a, b) => b[0].length - a[0].length)
      .map(([, i]) => i);
    if (ids.length > 0) out.set(end, ids);
  }
  return out;
}

describe('LiteralScanner', () => {
  it('reports where each literal ends, in either case, longest first', () => {
    const literals = ['memoryerror', 'error', 'netty-'];
    const scanner = new LiteralScanner(literals.map((l) => Buffer.from(l)));
    const text = 'java.lang.OutOfMemoryError: Direct buffer memory\nat io.NETTY-codec\n';
    assert.deepEqual(
      found(scanner, text),
      new Map([
        [text.indexOf('Error') + 5, [0, 1]],
        [text.indexOf('NETTY-') + 6, [2]],
      ]),
    );
  });

  it('finds what trying every literal everywhere finds, in any text', () => {
    // A small alphabet, so that literals overlap, nest and share prefixes and suffixes; newlines cut
    // the text into the parts scanned side by side.
    const unit = fc.constantFrom('a', 'b', 'A', 'B', '-', '\n');
    const literal = fc.string({ unit: fc.constantFrom('a', 'b', '-'), minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(literal, { maxLength: 10 }),
        fc.string({ unit, maxLength: 60 }),
        (literals, text) => {
          const scanner = new LiteralScanner(literals.map((l) => Buffer.from(l)));
          assert.deepEqual(found(scanner, text), naive(literals, text));
        },
      ),
      { numRuns: 500 },
    );
  });
});
