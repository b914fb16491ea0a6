/**
 * Load generator, run as its own process so its work does not slow the bot it measures: sends
 * N signed slash commands at once and prints each acknowledgement time as JSON.
 */
import { createHmac } from 'node:crypto';

const [url, secret, count, responseBase, textFile] = process.argv.slice(2);
const { readFileSync } = await import('node:fs');
const texts = JSON.parse(readFileSync(textFile as string, 'utf8')) as string[];
const n = Number(count);
const bodies = Array.from({ length: n }, (_, i) =>
  new URLSearchParams({
    token: 'legacy',
    team_id: 'T0001',
    channel_id: 'C0INCIDENT',
    user_id: 'U0ALICE',
    command: '/netty-oom',
    text: texts[i % texts.length] as string,
    response_url: `${responseBase}/burst-${i}`,
    trigger_id: `trig-burst-${i}`,
  }).toString(),
);
const ts = Math.floor(Date.now() / 1000);
const results = await Promise.all(
  bodies.map(async (body) => {
    const signature = `v0=${createHmac('sha256', secret as string)
      .update(`v0:${ts}:${body}`)
      .digest('hex')}`;
    const t0 = performance.now();
    const res = await fetch(url as string, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signature,
      },
      body,
    });
    await res.text();
    return { status: res.status, ms: performance.now() - t0 };
  }),
);
process.stdout.write(JSON.stringify(results));
