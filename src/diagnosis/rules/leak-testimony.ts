import { defineRule } from '../rule.ts';

/**
 * People who watched the process say memory only goes up: it rises with every request, is never
 * given back, comes back after a restart. Their words outweigh a full-looking limit.
 */
export default defineRule({
  id: 'leak-testimony',
  scenario: 'leak-unreleased-bytebuf',
  supports: 'strong',
  when: (f) => {
    const cue = f.signal('leak-testimony-prose');
    return cue ? { excerpt: cue.excerpt ?? '' } : null;
  },
  evidence: {
    en: 'Memory is never given back: “{excerpt}”',
    zh: '内存只增不减：“{excerpt}”',
  },
  source: 'https://github.com/lets-blade/blade/issues/368',
});
