/** A private channel's or a DM's incidents reach only its members, through the real bot. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixture } from './helpers.ts';
import { blockText, type Harness, message, startHarness } from './slack/harness.ts';

const SEED_000 = fixture('seeds/000-reactor-netty-load-test.txt');
const SEED_001 = fixture('seeds/001-grpc-explicit-512m.txt');
const SEED_004 = fixture('seeds/004-inbound-handler-leak.txt');

/** Alice is in the private channel CSECRET and in the DM D0ALICE; Bob is in neither. */
function privateChannels(h: Harness): void {
  h.slack.privateChannels.set('CSECRET', ['U0ALICE', 'U0CAROL']);
  h.slack.privateChannels.set('D0ALICE', ['U0ALICE', 'UBOT0001']);
}

async function handoffText(
  h: Harness,
  user: string,
  channel: string,
): Promise<{ text: string; share: boolean }> {
  const cmd = await h.command('handoff 24h', { user_id: user, channel_id: channel });
  const res = await h.slack.waitForCall('response_url', (c) => c.args.path === cmd.responsePath);
  return { text: blockText(res.args), share: JSON.stringify(res.args.blocks).includes('share_reply') };
}

async function homeOf(h: Harness, user: string): Promise<string> {
  const before = h.slack.callsOf('views.publish').length;
  await h.event({ type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home' });
  const [call] = (await h.slack.waitFor('views.publish', before + 1)).slice(before);
  return JSON.stringify(call?.args.view);
}

describe('a handoff asked in a channel covers that channel', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness('http');
    privateChannels(h);
    await h.event(message(SEED_000, { channel: 'CSECRET', channel_type: 'group' }));
    await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'CSECRET');
    await h.event(message(SEED_001, { channel: 'CPUBLIC' }));
    await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'CPUBLIC');
  });
  after(async () => {
    await h.stop();
  });

  it("records the channel's privacy with its incident", async () => {
    assert.equal((await h.store.incidentsSince(0, 'CSECRET'))[0]?.private, true);
    assert.equal((await h.store.incidentsSince(0, 'CPUBLIC'))[0]?.private, false);
  });

  it('lists in a public channel only its own incidents, never a private channel’s', async () => {
    const { text, share } = await handoffText(h, 'U0ALICE', 'CPUBLIC');
    assert.match(text, /<#CPUBLIC>/);
    assert.doesNotMatch(text, /CSECRET/);
    assert.equal(share, true);
  });

  it('lists in the private channel its incidents, for its members to share there', async () => {
    const { text, share } = await handoffText(h, 'U0ALICE', 'CSECRET');
    assert.match(text, /<#CSECRET>/);
    assert.doesNotMatch(text, /CPUBLIC/);
    assert.equal(share, true);
  });

  it("shows on App Home a private channel's open incidents to its members only", async () => {
    const alice = await homeOf(h, 'U0ALICE');
    assert.match(alice, /<#CSECRET>/);
    assert.match(alice, /<#CPUBLIC>/);
    const bob = await homeOf(h, 'U0BOB');
    assert.doesNotMatch(bob, /CSECRET/);
    assert.match(bob, /<#CPUBLIC>/);
  });

  it('keeps for App Home a handoff without private channels, even one asked in a private channel', async () => {
    await handoffText(h, 'U0ALICE', 'CSECRET');
    const kept = (await h.store.lastHandoff())?.text ?? '';
    assert.match(kept, /^On-call handoff: last 24 h/);
    assert.doesNotMatch(kept, /CSECRET|堆外内存耗尽：已用 7\.66 GiB/);
    assert.doesNotMatch(await homeOf(h, 'U0BOB'), /7\.66 GiB/);
  });

  it('links a repeat elsewhere to a public first thread, never to a private one', async () => {
    await h.event(message(SEED_000, { channel: 'CREPEAT' }));
    const repeat = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'CREPEAT');
    assert.doesNotMatch(blockText(repeat.args), /CSECRET|archives\/CSECRET/);
    await h.event(message(SEED_001, { channel: 'CSECRET', channel_type: 'group' }));
    const back = await h.slack.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === 'CSECRET' && /CPUBLIC/.test(blockText(c.args)),
    );
    assert.match(blockText(back.args), /<https:\/\/stand-in\.slack\.com\/archives\/CPUBLIC\/p\d+\|/);
  });

  it("keeps a DM's incident to the DM: not on another user's Home", async () => {
    const cmd = await h.command(SEED_004, { user_id: 'U0ALICE', channel_id: 'D0ALICE' });
    await h.slack.waitForCall('response_url', (c) => c.args.path === cmd.responsePath);
    assert.equal((await h.store.incidentsSince(0, 'D0ALICE'))[0]?.private, true);
    assert.doesNotMatch(await homeOf(h, 'U0BOB'), /D0ALICE/);
    assert.match(await homeOf(h, 'U0ALICE'), /<#D0ALICE>/);
  });

  it('shows nothing of a channel when Slack cannot say whether it is private', async () => {
    h.slack.fail('conversations.info', { status: 500, times: 10 });
    const cmd = await h.command(SEED_004, { user_id: 'U0CAROL', channel_id: 'CUNSURE' });
    await h.slack.waitForCall('response_url', (c) => c.args.path === cmd.responsePath);
    assert.equal((await h.store.incidentsSince(0, 'CUNSURE'))[0]?.private, null);
    assert.doesNotMatch(await homeOf(h, 'U0CAROL'), /CUNSURE/);
    h.slack.faults.delete('conversations.info');
    // Asked in that very channel, the asker is in it: its handoff shows it.
    assert.match((await handoffText(h, 'U0CAROL', 'CUNSURE')).text, /<#CUNSURE>/);
  });
});

describe('a handoff over the channels the team configured', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness('http', {
      env: {
        NETTY_OOM_HANDOFF_CHANNELS: 'CSECRET,CPUBLIC',
        NETTY_OOM_HANDOFF_CRON: '* * * * * *',
        NETTY_OOM_HANDOFF_CHANNEL: 'CONCALL',
      },
    });
    privateChannels(h);
    await h.event(message(SEED_000, { channel: 'CSECRET', channel_type: 'group' }));
    await h.event(message(SEED_001, { channel: 'CPUBLIC' }));
    await h.event(message(SEED_004, { channel: 'CELSE' }));
    await h.slack.waitFor('chat.postMessage', 3);
  });
  after(async () => {
    await h.stop();
  });

  it('covers the configured channels wherever it is asked, private ones for their members only', async () => {
    const bob = await handoffText(h, 'U0BOB', 'CELSE');
    assert.match(bob.text, /<#CPUBLIC>/);
    assert.doesNotMatch(bob.text, /CSECRET|CELSE/);
    assert.equal(bob.share, true);
    const alice = await handoffText(h, 'U0ALICE', 'CELSE');
    assert.match(alice.text, /<#CSECRET>/);
    assert.match(alice.text, /<#CPUBLIC>/);
    assert.equal(alice.share, false, 'not shareable where others may not see the private channel');
  });

  it('posts on schedule to the on-call channel only what all its members may see', async () => {
    const post = await h.slack.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === 'CONCALL' && /CPUBLIC/.test(blockText(c.args)),
      4000,
    );
    assert.doesNotMatch(blockText(post.args), /CSECRET/);
  });
});
