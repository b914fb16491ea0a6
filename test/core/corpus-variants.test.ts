import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../src/core/analyze.ts';
import type { Report } from '../../src/core/types.ts';
import { FIXTURES, fixture, kb } from '../helpers.ts';

/**
 * The corpus pastes as they reach the bot by other ways: behind the prefix a platform puts on each
 * line, or changed by a copy through a page, an editor or a chat client. Each reads as the paste does.
 */

const time = (i: number) =>
  `10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;

/** What each platform or viewer puts before every line it shows, line `i`. */
const PLATFORMS: Record<string, (i: number) => string> = {
  'docker logs -t / kubectl logs --timestamps': (i) => `2024-03-01T${time(i)}.123456789Z `,
  'containerd (CRI)': (i) => `2024-03-01T${time(i)}.123456789Z stderr F `,
  'kubectl logs --prefix': () => '[pod/gateway-7d9f8b6c5-x2kqp/gateway] ',
  'docker compose': () => 'gateway-1  | ',
  journald: (i) => `Mar 01 ${time(i)} app-7 java[2231]: `,
  pm2: () => '0|gateway  | ',
  'Heroku drain': (i) => `2024-03-01T${time(i)}.465871+00:00 app[web.1]: `,
  'Cloud Foundry (cf logs)': (i) => `   2024-03-01T${time(i)}.66+0530 [APP/PROC/WEB/0] ERR `,
  'Jenkins Pipeline timestamps': (i) => `[2024-03-01T${time(i)}.725Z] `,
  'a Markdown quote': () => '> ',
  'a quoted Jenkins Pipeline log': (i) => `> [2024-03-01T${time(i)}.725Z] `,
};

const eachLine = (f: (line: string) => string) => (text: string) => text.split('\n').map(f).join('\n');

/** What copying a paste through a page, an editor or a chat client does to it. */
const COPIES: Record<string, (text: string) => string> = {
  'Windows line ends': (t) => t.replace(/\n/g, '\r\n'),
  'non-breaking spaces (a web page)': (t) => t.replace(/ /g, '\u00a0'),
  'a blank line after every line (each line a paragraph)': (t) => t.replace(/\n/g, '\n\n'),
  'blanks left at the ends of lines (an editor)': eachLine((l) => `${l}   `),
  'tabs as spaces': (t) => t.replace(/\t/g, '    '),
  'Slack’s escapes': (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  'a code fence': (t) => `\`\`\`\n${t}\n\`\`\``,
  'the message retyped with a Chinese input method': (t) =>
    t.replace(/\(used: (\d+), max: (\d+)\)/g, '（used：$1，max：$2）'),
  'the message retyped without spaces': (t) => t.replace(/\(used: (\d+), max: (\d+)\)/g, '(used:$1,max:$2)'),
};

const read = (r: Report) =>
  r.events.map((e) => ({
    kind: e.kind,
    requested: e.requestedBytes,
    used: e.usedBytes,
    max: e.maxBytes,
    thread: e.thread,
  }));

const cases = readdirSync(join(FIXTURES, 'corpus')).filter((f) => /^p\d+\.txt$/.test(f));

/** Each line `i` of a text behind `prefix(i)`. */
const prefixed = (prefix: (i: number) => string) => (text: string) =>
  text
    .split('\n')
    .map((line, i) => prefix(i) + line)
    .join('\n');

/** The corpus pastes (those `only` keeps) that read otherwise once changed. */
function readOtherwise(
  change: (text: string) => string,
  only: (text: string) => boolean = () => true,
): string[] {
  return cases.filter((file) => {
    if (!only(fixture(`corpus/${file}`))) return false;
    const text = fixture(`corpus/${file}`);
    return (
      JSON.stringify(read(analyze(change(text), kb.analyzer))) !==
      JSON.stringify(read(analyze(text, kb.analyzer)))
    );
  });
}

describe('every corpus paste reads the same behind the prefix a platform puts on each line', () => {
  for (const [platform, prefix] of Object.entries(PLATFORMS))
    it(platform, () => assert.deepEqual(readOtherwise(prefixed(prefix)), []));
});

/** What `grep -n`, `grep -rn` and `grep -A` put before line `i` of a file (the match, or a context line). */
const GREPS: Record<string, (i: number) => string> = {
  'grep -n': (i) => `${i + 1200}:`,
  'grep -n -A3 (context lines)': (i) => `${i + 1200}${i % 5 === 2 ? ':' : '-'}`,
  'grep -rn': (i) => `logs/gateway/app.log:${i + 1200}:`,
  'grep -r': () => '/var/log/gateway/app.log.1:',
};

describe('every corpus paste of plain log lines reads the same as grep prints it', () => {
  // grep prints a file's lines: a JSON record or inline code an issue tracker wrapped is another matter.
  const plain = (text: string) => !text.includes('{"') && !/^`/m.test(text);
  for (const [form, prefix] of Object.entries(GREPS))
    it(form, () => assert.deepEqual(readOtherwise(prefixed(prefix), plain), []));
});

describe('every corpus paste reads the same after what a copy does to it', () => {
  for (const [copy, change] of Object.entries(COPIES))
    it(copy, () => assert.deepEqual(readOtherwise(change), []));
});

/** Every physical line cut at `width` columns, as a terminal or an e-mail copy does. */
const hardWrapped = (width: number) => (text: string) =>
  text
    .split('\n')
    .flatMap((line) =>
      Array.from({ length: Math.max(1, Math.ceil(line.length / width)) }, (_, k) =>
        line.slice(k * width, (k + 1) * width),
      ),
    )
    .join('\n');

/** The events' kinds and numbers, each once. */
const numbers = (r: Report) =>
  [...new Set(r.events.map((e) => `${e.kind} ${e.requestedBytes} ${e.usedBytes} ${e.maxBytes}`))].sort();

describe('the numbers of every corpus paste that shows them survive a hard wrap, or the trace collapsed onto one line', () => {
  const withNumbers = cases.filter((file) =>
    analyze(fixture(`corpus/${file}`), kb.analyzer).events.some((e) => e.requestedBytes !== null),
  );
  const changes: Record<string, (text: string) => string> = {
    'wrapped at 80 columns': hardWrapped(80),
    'wrapped at 100 columns': hardWrapped(100),
    // Lines of text joined with blanks (JSON log records joined so are another matter).
    'collapsed onto one line': (t) =>
      t
        .split('\n')
        .map((l) => l.trim())
        .join(' '),
  };
  for (const [name, change] of Object.entries(changes))
    it(name, () => {
      const plainText = name.startsWith('collapsed')
        ? withNumbers.filter((f) => !fixture(`corpus/${f}`).includes('{"'))
        : withNumbers;
      const lost = plainText.filter((file) => {
        const text = fixture(`corpus/${file}`);
        return (
          JSON.stringify(numbers(analyze(change(text), kb.analyzer))) !==
          JSON.stringify(numbers(analyze(text, kb.analyzer)))
        );
      });
      assert.deepEqual(lost, []);
    });
});

describe('no hard negative of the corpus reads as a direct-memory event in any of these forms', () => {
  const negatives = readdirSync(join(FIXTURES, 'corpus')).filter((f) => /^n\d+\.txt$/.test(f));
  const forms: [string, (text: string) => string][] = [
    ...Object.entries(PLATFORMS).map(([name, prefix]): [string, (t: string) => string] => [
      name,
      prefixed(prefix),
    ]),
    ...Object.entries(GREPS).map(([name, prefix]): [string, (t: string) => string] => [
      name,
      prefixed(prefix),
    ]),
    ...Object.entries(COPIES),
    ['wrapped at 80 columns', hardWrapped(80)],
  ];
  it(`${negatives.length} negatives in ${forms.length} forms`, () => {
    const detected = forms.flatMap(([name, change]) =>
      negatives
        .filter((file) => analyze(change(fixture(`corpus/${file}`)), kb.analyzer).detected)
        .map((file) => `${file} ${name}`),
    );
    assert.deepEqual(detected, []);
  });
});
