import { defineRule } from '../rule.ts';

/** More instances or a bigger pod made it go away, or the pod is sized for the heap alone: capacity. */
export default defineRule({
  id: 'capacity-was-the-lever',
  scenario: 'undersized-limit',
  supports: 'strong',
  when: (f) => {
    const cue = f.signal('capacity-prose');
    return cue ? { excerpt: cue.excerpt ?? '' } : null;
  },
  evidence: {
    en: 'Capacity decided it (“{excerpt}”): heap, direct memory, metaspace and threads must fit the container together',
    zh: '取决于容量（“{excerpt}”）：堆、堆外内存、元空间和线程必须一起装进容器',
  },
  source: 'https://github.com/apache/pulsar/issues/9241',
});
