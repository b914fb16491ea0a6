import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { SlackFile } from '../../src/bot/files.ts';
import { type Gathered, gather, MAX_FILE_TEXT } from '../../src/bot/gather.ts';
import { fixture, fixtureLine } from '../fixture-files.ts';
import { freshStore } from '../temp-store.ts';

const BOT_TOKEN = 'xoxb-1234-5678-test';
const TRACE = fixture('pastes/outbound-write.txt');
// Slack gives every upload's size: a small one is downloaded where it is gathered.
const TRACE_BYTES = Buffer.byteLength(TRACE);
// chinese-question.txt's question, typed above the attached log
const QUESTION = fixtureLine('pastes/chinese-question.txt', 30);

/** files.slack.com on 127.0.0.1: the log of F0LOG, and nothing else. */
let server: Server;
let base = '';
let downloads = 0;
before(async () => {
  server = createServer((req, res) => {
    downloads++;
    const found = req.url === '/files-pri/T0ACME-F0LOG/download/outbound.log';
    res.writeHead(found ? 200 : 404, { 'content-type': 'text/plain' });
    res.end(found ? TRACE : 'file_not_found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

/** The token, with the local server standing in as the Web API's host. */
const access = () => ({ token: BOT_TOKEN, apiUrl: `${base}/api/`, timeoutMs: 5000 });

const file = (id: string, name: string, extra: Partial<SlackFile> = {}): SlackFile => ({
  id,
  name,
  filetype: 'text',
  mimetype: 'text/plain',
  url_private_download: `${base}/files-pri/T0ACME-${id}/download/${name}`,
  ...extra,
});

/** What was gathered, with the pieces read as the analysis joins them (a file still to download by name). */
async function read(got: Promise<Gathered>): Promise<{ text: string; problems: Gathered['problems'] }> {
  const { input, problems } = await got;
  const text = input
    .map((p) =>
      typeof p === 'string' ? p : p instanceof Uint8Array ? Buffer.from(p).toString('utf8') : `<${p.name}>`,
    )
    .join('\n');
  return { text, problems };
}

describe('gather', () => {
  it('takes the typed text alone when nothing is attached', async () => {
    assert.deepEqual(await read(gather(QUESTION, undefined, access())), { text: QUESTION, problems: [] });
  });

  it('joins the typed text and the attached log, in that order', async () => {
    assert.deepEqual(
      await read(gather(QUESTION, [file('F0LOG', 'outbound.log', { size: TRACE_BYTES })], access())),
      {
        text: `${QUESTION}\n${TRACE}`,
        problems: [],
      },
    );
    assert.deepEqual(
      await read(gather('', [file('F0LOG', 'outbound.log', { size: TRACE_BYTES })], access())),
      {
        text: TRACE,
        problems: [],
      },
    );
  });

  it('passes over screenshots quietly, and says which files could not be read and why', async () => {
    const files = [
      file('F0PNG', 'grafana.png', { filetype: 'png', mimetype: 'image/png' }),
      file('F0GONE', 'old.log', { size: 1024 }),
      file('F0HUGE', 'full.log', { size: 64 * 1024 * 1024 }),
      file('F0LOG', 'outbound.log', { size: TRACE_BYTES }),
    ];
    assert.deepEqual(await read(gather(QUESTION, files, access())), {
      text: `${QUESTION}\n${TRACE}`,
      problems: [
        { name: 'old.log', reason: 'unreadable', detail: { key: 'file.http', values: { status: 404 } } },
        { name: 'full.log', reason: 'too-large', detail: { key: 'file.size', values: { size: '64 MiB' } } },
      ],
    });
  });

  it('reads a file once when Slack reports its upload as two events', async () => {
    const store = await freshStore();
    const log = file('F0LOG', 'outbound.log', { size: TRACE_BYTES });
    const before = downloads;
    assert.deepEqual(await read(gather(QUESTION, [log], access(), store)), {
      text: `${QUESTION}\n${TRACE}`,
      problems: [],
    });
    assert.deepEqual(await read(gather('', [log], access(), store)), { text: '', problems: [] });
    assert.equal(downloads, before + 1);
    await store.close();
  });

  it('leaves a file past what is read whole to the thread that analyses it, undownloaded', async () => {
    const before = downloads;
    const big = file('F0BIG', 'big.log', { size: 2 * 1024 * 1024 });
    const got = await gather(QUESTION, [big], access());
    assert.equal(got.input.length, 2);
    assert.deepEqual(got.input[1], {
      url: big.url_private_download,
      access: access(),
      name: 'big.log',
      max: 20 * 1024 * 1024,
      size: 2 * 1024 * 1024,
    });
    assert.equal(downloads, before);
  });

  it('says the largest file it reads in words', () => {
    assert.equal(MAX_FILE_TEXT, '20 MiB');
  });
});
