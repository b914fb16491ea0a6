import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WebClient } from '@slack/web-api';
import { withContent, withoutContent } from '../../src/bot/event-copy.ts';
import { BOT_TOKEN, SlackStandIn } from '../slack/stand-in.ts';

const PASTE = 'io.netty.util.internal.OutOfDirectMemoryError … alice.smith@example.com';

/** A message event as Slack sends it, a paste in a thread. */
const envelope = (event: Record<string, unknown>) => ({
  type: 'event_callback',
  event_id: 'Ev0KEPT',
  team_id: 'T0001',
  event: { type: 'message', channel: 'C0ORDERS', user: 'U0ALICE', channel_type: 'channel', ...event },
});

describe('what the outbox keeps of an event', () => {
  let slack: SlackStandIn;
  let client: WebClient;
  before(async () => {
    slack = await new SlackStandIn().start();
    client = new WebClient(BOT_TOKEN, { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
  });
  after(() => slack.stop());

  it('keeps the envelope and ids, never the text, blocks or files', () => {
    const body = envelope({
      ts: '1717420800.000100',
      text: PASTE,
      blocks: [{ type: 'rich_text', elements: [{ text: PASTE }] }],
      files: [{ id: 'F1', preview: PASTE }],
      client_msg_id: 'cm-1',
    });
    const kept = withoutContent(body);
    assert.deepEqual(kept, envelope({ ts: '1717420800.000100', client_msg_id: 'cm-1' }));
    assert.ok(!JSON.stringify(kept).includes('alice'));
    assert.deepEqual(withoutContent(null), {});
  });

  it('reads the message again from Slack, in a channel or in a thread', async () => {
    slack.messages.set('1717420800.000100', { channel: 'C0ORDERS', ts: '1717420800.000100', text: PASTE });
    const top = await withContent(client, withoutContent(envelope({ ts: '1717420800.000100', text: PASTE })));
    assert.equal(top?.event?.text, PASTE);
    slack.messages.set('1717420900.000200', {
      channel: 'C0ORDERS',
      ts: '1717420900.000200',
      thread_ts: '1717420800.000100',
      text: 'in the thread',
      files: [{ id: 'F2' }],
    });
    const reply = envelope({ ts: '1717420900.000200', thread_ts: '1717420800.000100' });
    const again = await withContent(client, withoutContent(reply));
    assert.deepEqual([again?.event?.text, again?.event?.files], ['in the thread', [{ id: 'F2' }]]);
  });

  it('answers nothing for a message deleted meanwhile, and keeps a file_shared event as it was', async () => {
    assert.equal(await withContent(client, envelope({ ts: '1717429999.000100' })), null);
    const shared = {
      event_id: 'Ev0F',
      event: { type: 'file_shared', file_id: 'F1', channel_id: 'C0ORDERS' },
    };
    assert.deepEqual(await withContent(client, withoutContent(shared)), shared);
  });
});
