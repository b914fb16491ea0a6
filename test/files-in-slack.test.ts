/** Attached files through the real bot: the same clear word on every path, a deadline, and the token kept home. */
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type Harness, message, startHarness } from './slack/harness.ts';

const MiB = 1024 * 1024;

describe('files shared in Slack', () => {
  let h: Harness;
  let channels = 0;
  const ch = () => `CFILES${++channels}`;
  /** A server that is not Slack's: whatever reaches it is kept. */
  let other: Server;
  let elsewhere = '';
  const reached: IncomingHttpHeaders[] = [];
  before(async () => {
    h = await startHarness('http', { downloadTimeoutMs: 1500 });
    other = createServer((req, res) => {
      reached.push(req.headers);
      res.end('io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s)');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    elsewhere = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  });
  after(async () => {
    other.closeAllConnections();
    other.close();
    await h.stop();
  });

  const replyIn = (channel: string) =>
    h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === channel, 5000);

  it('answers a file_shared file over the cap as clearly as the message that carries it', async () => {
    const viaMessage = ch();
    const big = h.slack.addFile('FBIGMSG', 'huge.log', 'x', { size: 21 * MiB });
    await h.event(message('', { subtype: 'file_share', files: [big], channel: viaMessage }));
    const viaEvent = ch();
    const alone = h.slack.addFile('FBIGEVT', 'huge.log', 'x', {
      size: 21 * MiB,
      shares: { public: { [viaEvent]: [{ ts: '1700001234.000100' }] } },
    });
    await h.event({
      type: 'file_shared',
      file_id: alone.id,
      channel_id: viaEvent,
      user_id: 'U0ALICE',
      event_ts: '1700001234.000100',
    });
    const [a, b] = [await replyIn(viaMessage), await replyIn(viaEvent)];
    const said =
      '`huge.log` is 21 MiB: I read files up to 20 MiB. Run `netty-oom analyze huge.log` on a machine that has it, or paste the part around the error.';
    assert.equal(a.args.text, said);
    assert.equal(b.args.text, said);
    assert.equal(b.args.thread_ts, '1700001234.000100', 'in the thread of the share');
    assert.deepEqual(
      h.slack.callsOf('file.download').filter((c) => ['FBIGMSG', 'FBIGEVT'].includes(String(c.args.id))),
      [],
      'neither was downloaded',
    );
  });

  it('says what it read of a file that grew past the cap while streaming, and what Slack had said', async () => {
    const channel = ch();
    const grown = h.slack.addFile('FGROWN', 'grown.log', Buffer.alloc(21 * MiB, 'x'), { size: 1024 });
    await h.event(message('', { subtype: 'file_share', files: [grown], channel }));
    const post = await replyIn(channel);
    assert.match(
      String(post.args.text),
      /^`grown\.log` is more than 20(\.\d+)? MiB, though Slack said 1 KiB: I read files up to 20 MiB\./,
    );
    assert.doesNotMatch(String(post.args.text), /is more than 20 MiB,/, 'the bytes read, not the cap');
  });

  it('gives up on a download that trickles past its deadline, and says so', async () => {
    const channel = ch();
    const slow = h.slack.addFile('FSLOW', 'slow.log', 'y'.repeat(10_000), {}, true);
    const started = performance.now();
    await h.event(message('', { subtype: 'file_share', files: [slow], channel }));
    const post = await replyIn(channel);
    assert.equal(post.args.text, 'I could not read `slow.log` (The operation was aborted due to timeout).');
    assert.ok(performance.now() - started < 4000, `${Math.round(performance.now() - started)} ms`);
  });

  it('never sends the bot token to a file address that is not Slack’s, and says why', async () => {
    const channel = ch();
    const file = h.slack.addFile('FAWAY', 'away.log', 'unused', {
      url_private_download: `${elsewhere}/files-pri/T0001-FAWAY/download/away.log`,
    });
    await h.event(message('', { subtype: 'file_share', files: [file], channel }));
    const post = await replyIn(channel);
    assert.equal(
      post.args.text,
      `I could not read \`away.log\` (its address ${elsewhere} is not Slack’s file host, so the bot token was not sent there).`,
    );
    assert.deepEqual(reached, [], 'nothing reached the other server');
  });

  it('says why a file shared alone could not be read when the thread that reads it fails to download it', async () => {
    const channel = ch();
    // No size from Slack: the file is left to the analysis, which downloads it and finds it is not Slack's.
    const file = h.slack.addFile('FAWAYEVT', 'away.log', 'unused', {
      url_private_download: `${elsewhere}/files-pri/T0001-FAWAYEVT/download/away.log`,
      size: undefined,
      shares: { public: { [channel]: [{ ts: '1700001234.000200' }] } },
    });
    await h.event({
      type: 'file_shared',
      file_id: file.id,
      channel_id: channel,
      user_id: 'U0ALICE',
      event_ts: '1700001234.000200',
    });
    const post = await replyIn(channel);
    assert.match(
      String(post.args.text),
      /^I could not read `away\.log` \(its address .* is not Slack’s file host/,
    );
    assert.equal(post.args.thread_ts, '1700001234.000200');
    assert.deepEqual(reached, [], 'nothing reached the other server');
  });
});
