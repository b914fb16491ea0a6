import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boltLine } from '../../src/bot/logger.ts';

describe("Bolt's log lines", () => {
  it('keep what Bolt says and drop the bodies it logs at debug level', () => {
    for (const [line, kept] of [
      [
        'Received a message on the WebSocket: {"envelope_id":"1","payload":{"event":{"text":"pw"}}}',
        'Received a message on the WebSocket: ',
      ],
      ['http request body: {"channel":"C1","text":"hello"}', 'http request body: '],
      ['http request result: {"ok":true,"messages":[{"text":"hi"}]}', 'http request result: '],
      ['ack() call begins (body: undefined)', 'ack() call begins '],
      [
        'Calling ack() - type: events_api, envelope_id: e1, data: {}',
        'Calling ack() - type: events_api, envelope_id: e1, ',
      ],
    ]) {
      assert.equal(boltLine([line]), `${kept}[body not logged]`);
    }
    assert.equal(boltLine(['Initializing HTTPReceiver']), 'Initializing HTTPReceiver');
    assert.equal(boltLine([{ token: 'xoxb-1234567890-abcdefghij' }]), '[body not logged]');
  });

  it('mask secrets and keep lines short', () => {
    assert.equal(boltLine(['an error with token xoxb-1234567890-abcdefghij']), 'an error with token ‹token›');
    assert.equal(boltLine([new Error('failed for bob@example.com')]), 'Error: failed for ‹e-mail›');
    assert.ok(boltLine(['x'.repeat(10_000)]).length <= 501);
  });
});
