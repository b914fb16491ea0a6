/** Events are claimed in the outbox before Slack is told they were received, and closed after. */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { LogLevel, type Receiver } from '@slack/bolt';
import { ClaimingApp } from '../../src/bot/claiming-app.ts';
import { BOT_TOKEN, type TestDeps, testDeps } from './bot-deps.ts';

const opened: TestDeps[] = [];
after(async () => {
  for (const t of opened) await t.close();
});

/** A receiver that never listens: the test hands the app its events itself. */
const quiet: Receiver = { init() {}, start: async () => undefined, stop: async () => undefined };

async function setup(): Promise<{ t: TestDeps; app: ClaimingApp; answered: string[] }> {
  const t = await testDeps();
  opened.push(t);
  // With the bot's ids given, Bolt asks Slack nothing before dispatching.
  const app = new ClaimingApp({
    token: BOT_TOKEN,
    botId: 'B0BOT',
    botUserId: 'U0BOT',
    receiver: quiet,
    logLevel: LogLevel.ERROR,
  });
  app.claimWith(t.deps.outbox);
  const answered: string[] = [];
  app.event('app_mention', async ({ body }) => {
    answered.push(String(body.event_id));
  });
  return { t, app, answered };
}

const mention = (eventId: string) => ({
  type: 'event_callback',
  event_id: eventId,
  team_id: 'T0ACME',
  event: { type: 'app_mention', user: 'U0ALICE', text: '<@U0BOT> hi', ts: '1.2', channel: 'C0X' },
});

describe('an app that claims events before it acknowledges them', () => {
  it('has the event in the outbox when Slack is told it was received, and closes it once answered', async () => {
    const { t, app, answered } = await setup();
    const nextRun = { ...t.deps.outbox.by, run: 'the-run-after-a-kill' };
    let leftAtAck: string[] = [];
    await app.processEvent({
      body: mention('EvAckAfterClaim'),
      ack: async () => {
        // Were the process killed now, the next run would find the event and answer it.
        leftAtAck = (await t.deps.store.takeOver(nextRun, 60_000, 10)).map((u) => u.key);
      },
    });
    assert.deepEqual(leftAtAck, ['event:EvAckAfterClaim']);
    assert.deepEqual(answered, ['EvAckAfterClaim']);
    assert.deepEqual(await t.deps.store.takeOver({ ...nextRun, run: 'later' }, 0, 10), [], 'closed');
  });

  it('only acknowledges an event already answered', async () => {
    const { app, answered } = await setup();
    let acks = 0;
    const ack = async () => {
      acks++;
    };
    await app.processEvent({ body: mention('EvTwice'), ack });
    await app.processEvent({ body: mention('EvTwice'), ack, retryNum: 1 });
    assert.equal(acks, 2);
    assert.deepEqual(answered, ['EvTwice']);
  });
});
