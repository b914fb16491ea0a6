/** Real traces, mangled the ways pastes get mangled (and worse): for property tests and the fuzz run. */
import fc from 'fast-check';

const JUNK = [
  '&gt;',
  '```',
  '#011',
  '#012',
  '\\n\\tat ',
  '\r',
  '\u0000',
  '(used: ',
  ', max: ',
  'Caused by: ',
  'LEAK: ',
  'Created at:',
  '\u202e',
  '\u200d',
  '１２３',
  '{"log":"',
  '[pod/x/y] ',
  '\t',
  'OutOfDirectMemoryError',
  '99999999999999999999',
];

export function mangledTraces(traces: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...traces),
      fc.array(
        fc.oneof(
          fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
          fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 30 }) }),
          fc.record({ op: fc.constant('junk' as const), at: fc.nat(), text: fc.constantFrom(...JUNK) }),
          fc.record({ op: fc.constant('dup' as const), at: fc.nat(), len: fc.nat(2000) }),
          fc.record({
            op: fc.constant('repeat' as const),
            at: fc.nat(),
            len: fc.nat(40),
            times: fc.nat(300),
          }),
        ),
        { maxLength: 10 },
      ),
    )
    .map(([text, ops]) => {
      let t = text;
      for (const o of ops) {
        const at = t.length === 0 ? 0 : o.at % t.length;
        if (o.op === 'cut') t = t.slice(0, at);
        else if (o.op === 'dup') t = t.slice(0, at) + t.slice(at, at + o.len) + t.slice(at);
        else if (o.op === 'repeat')
          t = t.slice(0, at) + t.slice(at, at + o.len).repeat(o.times) + t.slice(at);
        else t = t.slice(0, at) + o.text + t.slice(at);
      }
      return t;
    });
}
