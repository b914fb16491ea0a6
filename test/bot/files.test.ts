import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fetchFileText, isTextFile, type SlackFile } from '../../src/bot/files.ts';
import { fixture } from '../fixture-files.ts';

const BOT_TOKEN = 'xoxb-1234-5678-test';

const SEED = fixture('seeds/000-reactor-netty-load-test.txt');
// What Slack answers a download without files:read: its sign-in page, with status 200.
const LOGIN_PAGE =
  '<!DOCTYPE html>\n<html lang="en-US"><head><title>Slack</title></head><body>Sign in to Slack</body></html>';

/** A stand-in for files.slack.com on 127.0.0.1: each path answers one way. */
let server: Server;
let base = '';
const requests: { url: string; headers: IncomingHttpHeaders }[] = [];

before(async () => {
  server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: req.headers });
    switch (req.url) {
      case '/files-pri/T0ACME-F0SEED/download/gateway-oom.log':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(SEED);
        return;
      case '/files-pri/T0ACME-F0MOVED/download/gateway-oom.log':
        res.writeHead(302, { location: '/files-pri/T0ACME-F0SEED/download/gateway-oom.log' });
        res.end();
        return;
      case '/files-pri/T0ACME-F0BIG/download/big.log':
        // no content-length: 2 KiB streamed in 256-byte pieces
        res.writeHead(200, { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' });
        for (let i = 0; i < 8; i++) res.write('x'.repeat(256));
        res.end();
        return;
      case '/files-pri/T0ACME-F0LOGIN/download/gateway-oom.log':
      case '/files-pri/T0ACME-F0PAGE/download/status.html':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(LOGIN_PAGE);
        return;
      case '/files-pri/T0ACME-F0GONE/download/gateway-oom.log':
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('file_not_found');
        return;
      case '/files-pri/T0ACME-F0SILENT/download/gateway-oom.log':
        return; // never answers
      case '/files-pri/T0ACME-F0STALL/download/gateway-oom.log':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write(SEED.slice(0, 100)); // then nothing more
        return;
      default:
        res.writeHead(500);
        res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

/** A log file uploaded to Slack, as the event's `files` lists it. */
function upload(id: string, name: string, extra: Partial<SlackFile> = {}): SlackFile {
  return {
    id,
    name,
    title: name,
    filetype: 'text',
    mimetype: 'text/plain',
    mode: 'hosted',
    url_private_download: `${base}/files-pri/T0ACME-${id}/download/${name}`,
    ...extra,
  };
}

describe('isTextFile', () => {
  it('takes snippets, text uploads and log files by type, MIME type or name', () => {
    const text: SlackFile[] = [
      { mode: 'snippet', filetype: 'java', name: 'trace' },
      { filetype: 'text', name: 'gateway-oom.log' },
      { filetype: 'javascript', name: 'pino.js' },
      { filetype: 'binary', mimetype: 'text/x-log', name: 'console' },
      { filetype: 'binary', mimetype: 'application/json', name: 'events' },
      { filetype: 'binary', mimetype: 'application/octet-stream', name: 'catalina.out' },
      { filetype: 'binary', mimetype: 'application/octet-stream', name: 'hs_err_pid1.TRACE' },
    ];
    for (const f of text) assert.equal(isTextFile(f), true, JSON.stringify(f));
  });

  it('leaves screenshots, archives and documents alone', () => {
    const other: SlackFile[] = [
      { filetype: 'png', mimetype: 'image/png', name: 'grafana-direct-memory.png' },
      { filetype: 'zip', mimetype: 'application/zip', name: 'heapdump.zip' },
      { filetype: 'pdf', mimetype: 'application/pdf', name: 'postmortem.pdf' },
      {},
    ];
    for (const f of other) assert.equal(isTextFile(f), false, JSON.stringify(f));
  });
});

describe('fetchFileText', () => {
  it('downloads a log file with the bot token', async () => {
    const got = await fetchFileText(upload('F0SEED', 'gateway-oom.log'), BOT_TOKEN);
    assert.deepEqual(got, { ok: true, text: SEED, name: 'gateway-oom.log' });
    assert.equal(requests.at(-1)?.headers.authorization, `Bearer ${BOT_TOKEN}`);
  });

  it('follows a redirect to where the file is', async () => {
    const got = await fetchFileText(upload('F0MOVED', 'gateway-oom.log'), BOT_TOKEN);
    assert.deepEqual(got, { ok: true, text: SEED, name: 'gateway-oom.log' });
  });

  it('refuses a file Slack says is too large without downloading it', async () => {
    const before = requests.length;
    const got = await fetchFileText(
      upload('F0SEED', 'gateway-oom.log', { size: 25 * 1024 * 1024 }),
      BOT_TOKEN,
    );
    assert.deepEqual(got, {
      ok: false,
      name: 'gateway-oom.log',
      reason: 'too-large',
      detail: { key: 'file.size', values: { size: '25 MiB' } },
    });
    assert.equal(requests.length, before);
  });

  it('stops reading a file that turns out larger than the cap as it streams', async () => {
    const got = await fetchFileText(upload('F0BIG', 'big.log'), BOT_TOKEN, 1024);
    assert.deepEqual(got, {
      ok: false,
      name: 'big.log',
      reason: 'too-large',
      detail: { key: 'file.moreThan', values: { size: '1 KiB' } },
    });
    assert.deepEqual(await fetchFileText(upload('F0BIG', 'big.log'), BOT_TOKEN, 2048), {
      ok: true,
      text: 'x'.repeat(2048),
      name: 'big.log',
    });
  });

  it("calls Slack's sign-in page unreadable, but keeps an HTML file someone shared", async () => {
    assert.deepEqual(await fetchFileText(upload('F0LOGIN', 'gateway-oom.log'), BOT_TOKEN), {
      ok: false,
      name: 'gateway-oom.log',
      reason: 'unreadable',
      detail: { key: 'file.webPage' },
    });
    const page = upload('F0PAGE', 'status.html', { filetype: 'html', mimetype: 'text/html' });
    assert.deepEqual(await fetchFileText(page, BOT_TOKEN), {
      ok: true,
      text: LOGIN_PAGE,
      name: 'status.html',
    });
  });

  it('names the HTTP status of a failed download', async () => {
    assert.deepEqual(await fetchFileText(upload('F0GONE', 'gateway-oom.log'), BOT_TOKEN), {
      ok: false,
      name: 'gateway-oom.log',
      reason: 'unreadable',
      detail: { key: 'file.http', values: { status: 404 } },
    });
  });

  it('gives up on a server that does not answer in time', async () => {
    assert.deepEqual(await fetchFileText(upload('F0SILENT', 'gateway-oom.log'), BOT_TOKEN, undefined, 200), {
      ok: false,
      name: 'gateway-oom.log',
      reason: 'unreadable',
      detail: { key: 'file.error', values: { message: 'The operation was aborted due to timeout' } },
    });
  });

  it('gives up on a download that stalls halfway, as a value rather than a throw', async () => {
    assert.deepEqual(await fetchFileText(upload('F0STALL', 'gateway-oom.log'), BOT_TOKEN, undefined, 200), {
      ok: false,
      name: 'gateway-oom.log',
      reason: 'unreadable',
      detail: { key: 'file.error', values: { message: 'The operation was aborted due to timeout' } },
    });
  });

  it('says why when the server cannot be reached', async () => {
    const unreachable = upload('F0SEED', 'gateway-oom.log', {
      url_private_download: 'http://127.0.0.1:9/files-pri/T0ACME-F0SEED/download/gateway-oom.log',
    });
    assert.deepEqual(await fetchFileText(unreachable, BOT_TOKEN), {
      ok: false,
      name: 'gateway-oom.log',
      reason: 'unreadable',
      detail: { key: 'file.error', values: { message: 'fetch failed' } },
    });
  });

  it('reads nothing that is not text, or has no address', async () => {
    const png = upload('F0PNG', 'grafana.png', { filetype: 'png', mimetype: 'image/png' });
    assert.deepEqual(await fetchFileText(png, BOT_TOKEN), {
      ok: false,
      name: 'grafana.png',
      reason: 'not-text',
      detail: { key: 'file.error', values: { message: 'png' } },
    });
    const { url_private_download: _, ...noUrl } = upload('F0TOMB', 'gateway-oom.log');
    assert.deepEqual(await fetchFileText(noUrl, BOT_TOKEN), {
      ok: false,
      name: 'gateway-oom.log',
      reason: 'unreadable',
      detail: { key: 'file.noUrl' },
    });
  });
});
