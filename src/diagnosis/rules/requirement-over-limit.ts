import { defineRule } from '../rule.ts';

/**
 * The error itself states a fixed requirement larger than what could be allocated (Flink's
 * NetworkBufferPool: "required (Mb): 5120, allocated (Mb): 1965"): configuration, not a leak.
 */
export default defineRule({
  id: 'requirement-over-limit',
  scenario: 'undersized-limit',
  supports: 'decisive',
  when: (f) => {
    const r = f.signal('required-over-allocated');
    return r ? { required: r.required ?? '', allocated: r.allocated ?? '' } : null;
  },
  evidence: {
    en: 'The error says it needs {required} but could allocate only {allocated}',
    zh: '错误信息说明需要 {required}，但只能分配 {allocated}',
  },
  source: 'https://github.com/ohs-foundation/fhir-data-pipes/issues/580',
});
