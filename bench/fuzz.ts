/**
 * `npm run fuzz [-- --runs N]`: random and mangled real traces through the analyzer and every
 * renderer. Fails on a throw, a reply beyond Slack's limits, or a hole; prints the worst time per MB.
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { answer } from '../src/app/answer.ts';
import { LIMITS } from '../src/render/blocks.ts';
import { replyToText } from '../src/render/text.ts';
import { fixture, kb, SEEDS } from '../test/helpers.ts';
import { mangledTraces } from '../test/mangle.ts';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 100_000;
const traces = [
  ...SEEDS.map((s) => fixture(`seeds/${s}.txt`)),
  ...[
    'slack-escaped.txt',
    'syslog-single-line.txt',
    'json-logstash.txt',
    'k8s-cri.txt',
    'leak-advanced.txt',
    'multi-trace.log',
    'companion-evidence.txt',
  ].map((f) => fixture(`pastes/${f}`)),
];
const mangled = mangledTraces(traces);

const inputs = fc.oneof(
  { weight: 1, arbitrary: fc.string({ maxLength: 3000 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 1000 }) },
  { weight: 4, arbitrary: mangled },
);

let worstPerMb = 0;
let worstSize = 0;
let worstLargePerMb = 0;
let largeInputs = 0;
let largest = 0;
let slowest = 0;
let bytes = 0;
const started = performance.now();
fc.assert(
  fc.property(inputs, (text) => {
    const t0 = performance.now();
    for (const lang of ['en', 'zh'] as const) {
      const { reply, report } = answer(text, kb, { language: lang });
      if (reply.blocks.length > LIMITS.blocks) throw new Error(`${reply.blocks.length} blocks`);
      for (const b of reply.blocks) {
        if (b.type === 'section' && (b.text?.text.length ?? 0) > LIMITS.sectionText)
          throw new Error('section too long');
        if (b.type === 'header' && b.text.text.length > LIMITS.header) throw new Error('header too long');
      }
      const printed = replyToText(reply);
      // A hole is `{{`, `undefined` or `NaN` in the reply that the paste itself did not hold.
      for (const hole of ['{{', 'undefined', 'NaN']) {
        if (printed.includes(hole) && !text.includes(hole))
          throw new Error(`hole in the reply: ${printed.slice(0, 200)}`);
      }
      JSON.stringify(report);
    }
    const ms = performance.now() - t0;
    const size = Buffer.byteLength(text);
    bytes += size;
    slowest = Math.max(slowest, ms);
    largest = Math.max(largest, size);
    if (size >= 65536) {
      largeInputs++;
      worstLargePerMb = Math.max(worstLargePerMb, ms / (size / 1048576));
    }
    if (size >= 4096) {
      const perMb = ms / (size / 1048576);
      if (perMb > worstPerMb) {
        worstPerMb = perMb;
        worstSize = size;
        if (process.env.FUZZ_WORST) writeFileSync(process.env.FUZZ_WORST, text);
      }
    }
  }),
  { numRuns: runs },
);
const s = (performance.now() - started) / 1000;
console.log(
  `fuzz: ${runs} inputs (${(bytes / 1048576).toFixed(0)} MiB) in ${s.toFixed(0)} s, each answered in both languages and printed: no throw, no hole, within Slack's limits`,
);
console.log(`slowest input: ${slowest.toFixed(1)} ms (largest input ${(largest / 1024).toFixed(0)} KiB)`);
console.log(
  `worst time per MB: ${worstPerMb.toFixed(0)} ms/MB over inputs of 4 KiB+ (on ${(worstSize / 1024).toFixed(0)} KiB: the fixed cost of an answer), ${largeInputs > 0 ? `${worstLargePerMb.toFixed(0)} ms/MB over the ${largeInputs} inputs of 64 KiB+` : 'no input of 64 KiB+ in this run'}`,
);
