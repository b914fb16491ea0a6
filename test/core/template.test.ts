import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fillTemplate, templateFields } from '../../src/core/template.ts';
import { placeholders } from '../../src/i18n/messages.ts';

// A step of the reactor-netty-load-burst playbook.
const STEP = '`{{thread}}` asked for {{requested}} with {{ used }} of {{max}} already in use.';

describe('templateFields', () => {
  it('lists the fields a text uses, spaces inside the braces allowed', () => {
    assert.deepEqual(templateFields(STEP), ['thread', 'requested', 'used', 'max']);
  });

  it('takes no malformed field for one', () => {
    assert.deepEqual(templateFields('{{bad field}} {{}} {single} {{ok.name-1}}'), ['ok.name-1']);
  });
});

describe('fillTemplate', () => {
  it('fills every field', () => {
    assert.equal(
      fillTemplate(STEP, {
        thread: 'reactor-http-epoll-8',
        requested: '16 MiB',
        used: '7.66 GiB',
        max: '7.67 GiB',
      }),
      '`reactor-http-epoll-8` asked for 16 MiB with 7.66 GiB of 7.67 GiB already in use.',
    );
  });

  it('gives null rather than a hole when a value is missing, null or empty', () => {
    const values = { thread: 'reactor-http-epoll-8', requested: '16 MiB', used: '7.66 GiB' };
    assert.equal(fillTemplate(STEP, values), null);
    assert.equal(fillTemplate(STEP, { ...values, max: null }), null);
    assert.equal(fillTemplate(STEP, { ...values, max: '' }), null);
  });

  it('puts values in as written, replacement patterns included', () => {
    assert.equal(fillTemplate('{{site}}', { site: 'Handler$$Lambda$1.run' }), 'Handler$$Lambda$1.run');
    assert.equal(fillTemplate('no fields', {}), 'no fields');
  });
});

describe('placeholders', () => {
  it('fills the product’s own {name} wording and leaves unknown names as written', () => {
    assert.equal(
      placeholders('{flag} in the paste, {other}', { flag: '-XX:MaxDirectMemorySize=$1g' }),
      '-XX:MaxDirectMemorySize=$1g in the paste, {other}',
    );
  });
});
