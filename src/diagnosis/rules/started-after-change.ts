import { defineRule } from '../rule.ts';

/**
 * "It ran for weeks, then we upgraded X and it dies within hours": the changed component's code
 * path is the suspect, whatever the numbers say. Compare the versions before and after.
 */
export default defineRule({
  id: 'started-after-change',
  scenario: 'jdk-or-netty-bug',
  supports: 'decisive',
  when: (f) => {
    const cue = f.signal('change-prose');
    return cue ? { excerpt: cue.excerpt ?? '' } : null;
  },
  evidence: {
    en: 'It started after a change (“{excerpt}”): a regression in what changed is the first suspect',
    zh: '问题在一次变更后出现（“{excerpt}”）：首先怀疑变更带来的回归',
  },
  source: 'https://github.com/netty/netty/issues/6221',
});
