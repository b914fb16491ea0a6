import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { SlackFile } from '../../src/bot/files.ts';
import { gather, MAX_FILE_TEXT } from '../../src/bot/gather.ts';
import { fixture, fixtureLine } from '../fixture-files.ts';
import { freshStore } from '../temp-store.ts';

const BOT_TOKEN = 'xoxb-1234-5678-test';
const TRACE = fixture('pastes/outbound-write.txt');
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

const file = (id: string, name: string, extra: Partial<SlackFile> = {}): SlackFile => ({
  id,
  name,
  filetype: 'text',
  mimetype: 'text/plain',
  url_private_download: `${base}/files-pri/T0ACME-${id}/download/${name}`,
  ...extra,
});

describe('gather', () => {
  it('takes the typed text alone when nothing is attached', async () => {
    assert.deepEqual(await gather(QUESTION, undefined, BOT_TOKEN), { text: QUESTION, problems: [] });
  });

  it('joins the typed text and the attached log, in that order', async () => {
    assert.deepEqual(await gather(QUESTION, [file('F0LOG', 'outbound.log')], BOT_TOKEN), {
      text: `${QUESTION}\n${TRACE}`,
      problems: [],
    });
    assert.deepEqual(await gather('', [file('F0LOG', 'outbound.log')], BOT_TOKEN), {
      text: TRACE,
      problems: [],
    });
  });

  it('passes over screenshots quietly, and says which files could not be read and why', async () => {
    const files = [
      file('F0PNG', 'grafana.png', { filetype: 'png', mimetype: 'image/png' }),
      file('F0GONE', 'old.log'),
      file('F0HUGE', 'full.log', { size: 64 * 1024 * 1024 }),
      file('F0LOG', 'outbound.log'),
    ];
    assert.deepEqual(await gather(QUESTION, files, BOT_TOKEN), {
      text: `${QUESTION}\n${TRACE}`,
      problems: [
        { name: 'old.log', reason: 'unreadable', detail: { key: 'file.http', values: { status: 404 } } },
        { name: 'full.log', reason: 'too-large', detail: { key: 'file.size', values: { size: '64 MiB' } } },
      ],
    });
  });

  it('reads a file once when Slack reports its upload as two events', async () => {
    const store = await freshStore();
    const log = file('F0LOG', 'outbound.log');
    const before = downloads;
    assert.deepEqual(await gather(QUESTION, [log], BOT_TOKEN, store), {
      text: `${QUESTION}\n${TRACE}`,
      problems: [],
    });
    assert.deepEqual(await gather('', [log], BOT_TOKEN, store), { text: '', problems: [] });
    assert.equal(downloads, before + 1);
    await store.close();
  });

  it('says the largest file it reads in words', () => {
    assert.equal(MAX_FILE_TEXT, '20 MiB');
  });
});
