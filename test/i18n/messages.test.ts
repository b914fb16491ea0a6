import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Bilingual } from '../../src/i18n/bilingual.ts';
import { AREAS, MESSAGES, placeholders, t } from '../../src/i18n/messages.ts';
import { kb } from '../helpers.ts';
import { englishSentences } from './english.ts';

const entries = Object.entries(MESSAGES) as [string, Bilingual][];
const fields = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// A message without its Chinese does not compile: the table is checked with `satisfies`.
// @ts-expect-error zh is missing
const _missing = { x: { en: 'only English' } } satisfies Record<string, Bilingual>;

describe('the message table', () => {
  it('has no message empty in either language', () => {
    const empty = entries.filter(([, m]) => m.en.trim() === '' || m.zh.trim() === '').map(([k]) => k);
    assert.deepEqual(empty, []);
  });

  it('uses the same {placeholders} in English and Chinese', () => {
    const differ = entries
      .filter(([, m]) => fields(m.en).join() !== fields(m.zh).join())
      .map(([k, m]) => `${k}: en {${fields(m.en).join(', ')}} zh {${fields(m.zh).join(', ')}}`);
    assert.deepEqual(differ, []);
  });

  it('keeps each area to its own keys: no area overrides another', () => {
    const sizes = Object.values(AREAS).reduce((n, area) => n + Object.keys(area).length, 0);
    assert.equal(Object.keys(MESSAGES).length, sizes);
  });

  it('writes every Chinese message in Chinese', () => {
    const names = [...kb.analyzer.frameworks.map((f) => f.name), 'Netty', 'Slack'];
    const problems = entries.flatMap(([key, m]) =>
      englishSentences(m.zh.replace(/\{\w+\}/g, ' ¦ '), { names }).map(
        (s) => `${key}: “${s.run}” in: ${s.line}`,
      ),
    );
    assert.deepEqual(problems, []);
  });

  it('fills placeholders and leaves Slack tokens it has no value for', () => {
    assert.equal(t('facts.events', 'zh', { n: 3 }), '日志中共 3 次报错');
    assert.equal(placeholders('<!date^1^{time}|x> {n}', { n: 2 }), '<!date^1^{time}|x> 2');
  });
});
