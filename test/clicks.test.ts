/** The reply's buttons, through the real bot: a click counts once, where it belongs, for a playbook that exists. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixture } from './helpers.ts';
import { blockText, type Harness, message, startHarness } from './slack/harness.ts';

const SEED_001 = fixture('seeds/001-grpc-explicit-512m.txt');
const SEED_000 = fixture('seeds/000-reactor-netty-load-test.txt');
const settle = (ms = 200) => new Promise((r) => setTimeout(r, ms));

interface Button {
  action_id: string;
  value: string;
}

describe('clicking the buttons of a reply', () => {
  let h: Harness;
  /** The reply in each channel, with its buttons. */
  const replies = new Map<string, { ts: string; buttons: Button[] }>();
  before(async () => {
    h = await startHarness('http');
    for (const [channel, seed] of [
      ['CORDERS', SEED_001],
      ['CPAYMENTS', SEED_000],
    ] as const) {
      await h.event(message(seed, { channel }));
      const post = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === channel);
      const blocks = post.args.blocks as { elements?: Button[] }[];
      const ts = [...h.slack.messages.values()].find((m) => m.channel === channel)?.ts;
      replies.set(channel, { ts: String(ts), buttons: blocks.at(-1)?.elements ?? [] });
    }
  });
  after(async () => {
    await h.stop();
  });

  /** A click as Slack sends it, from `channel`, on the reply there, carrying `value`. */
  async function click(
    channel: string,
    actionId: string,
    user: string,
    value = replies.get(channel)?.buttons.find((b) => b.action_id === actionId)?.value,
    trigger = 'trig',
  ): Promise<void> {
    const ts = replies.get(channel)?.ts;
    const status = await h.interactive({
      type: 'block_actions',
      user: { id: user },
      team: { id: 'T0001' },
      channel: { id: channel },
      container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
      message: { type: 'message', ts, text: 'reply' },
      response_url: `http://127.0.0.1:${h.slack.port}/response/click-${channel}-${user}`,
      trigger_id: trigger,
      actions: [{ type: 'button', action_id: actionId, block_id: 'incident-x', value, action_ts: '1' }],
    });
    assert.equal(status, 200);
  }

  const incidentOf = async (channel: string) => (await h.store.incidentsSince(0, channel))[0];

  it("refuses a click whose button names another channel's incident, and records nothing", async () => {
    const orders = await incidentOf('CORDERS');
    const ordersResolve = replies.get('CORDERS')?.buttons.find((b) => b.action_id === 'incident_resolved');
    const before = h.slack.callsOf('chat.update').length;
    await click('CPAYMENTS', 'incident_resolved', 'U0MALLORY', ordersResolve?.value);
    const said = await h.slack.waitForCall(
      'response_url',
      (c) => c.args.path === '/response/click-CPAYMENTS-U0MALLORY',
    );
    assert.equal(
      said.args.text,
      'That button belongs to an incident of another channel: nothing was recorded.',
    );
    assert.equal(said.args.response_type, 'ephemeral');
    assert.equal((await incidentOf('CORDERS'))?.status, 'open');
    assert.deepEqual(await h.store.marksOf([orders?.id ?? 0]), []);
    await settle();
    assert.equal(h.slack.callsOf('chat.update').length, before, 'no reply was touched');
  });

  it("shows another channel's incident playbook only in its own channel", async () => {
    const orders = await incidentOf('CORDERS');
    const value = `${orders?.id}|`;
    await click('CPAYMENTS', 'full_playbook', 'U0EVE', value, 'trig-elsewhere');
    const said = await h.slack.waitForCall(
      'response_url',
      (c) => c.args.path === '/response/click-CPAYMENTS-U0EVE',
    );
    assert.equal(said.args.response_type, 'ephemeral');
    assert.equal(
      said.args.text,
      'That button belongs to an incident of another channel: its playbook is shown only there.',
    );
    await click('CORDERS', 'full_playbook', 'U0ALICE', value, 'trig-here');
    await h.slack.waitForCall('views.open', (c) => c.args.trigger_id === 'trig-here');
    assert.ok(!h.slack.callsOf('views.open').some((c) => c.args.trigger_id === 'trig-elsewhere'));
  });

  it("counts one person's five clicks on Helpful as one, the last click standing", async () => {
    const orders = await incidentOf('CORDERS');
    for (let i = 0; i < 5; i++) await click('CORDERS', 'feedback_helpful', 'U0EAGER');
    await h.slack.waitFor('chat.update', 5);
    const marks = (await h.store.marksOf([orders?.id ?? 0])).filter((m) => m.userId === 'U0EAGER');
    assert.equal(marks.length, 1);
    const last = h.slack
      .callsOf('chat.update')
      .filter((c) => c.args.channel === 'CORDERS')
      .at(-1);
    assert.match(blockText(last?.args ?? {}), /👍 1 · 👎 0/);
    // A sixth takes it back.
    await click('CORDERS', 'feedback_helpful', 'U0EAGER');
    await h.slack.waitFor('chat.update', 6);
    assert.deepEqual(
      (await h.store.marksOf([orders?.id ?? 0])).filter((m) => m.userId === 'U0EAGER'),
      [],
    );
    assert.deepEqual(
      (await h.store.feedback()).filter((f) => f.playbookId === 'grpc-direct-memory-limit'),
      [],
    );
  });

  it('takes back a Resolved pressed by mistake, reopening the incident', async () => {
    await click('CORDERS', 'incident_resolved', 'U0BOB');
    await settle(300);
    assert.equal((await incidentOf('CORDERS'))?.status, 'resolved');
    await click('CORDERS', 'incident_resolved', 'U0BOB');
    await settle(300);
    assert.equal((await incidentOf('CORDERS'))?.status, 'open');
  });

  it('counts feedback only for a playbook the knowledge base knows', async () => {
    const payments = await incidentOf('CPAYMENTS');
    const forged = `${payments?.id}|<!channel> evil`;
    await click('CPAYMENTS', 'feedback_not_helpful', 'U0CAROL', forged);
    await click('CPAYMENTS', 'feedback_helpful', 'U0DAVE');
    await settle(300);
    const marks = await h.store.marksOf([payments?.id ?? 0]);
    assert.deepEqual(
      marks.map((m) => [m.userId, m.action, m.playbookId]),
      [
        ['U0CAROL', 'not-helpful', null],
        ['U0DAVE', 'helpful', payments?.playbookId],
      ],
    );
    assert.ok(!(await h.store.feedback()).some((f) => f.playbookId.includes('evil')));
  });
});
