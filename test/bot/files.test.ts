import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { download, mayCarryToken } from '../../src/app/download.ts';
import {
  type FileAccess,
  fileToRead,
  isTextFile,
  MAX_FILE_BYTES,
  type SlackFile,
} from '../../src/bot/files.ts';
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
      case '/files-pri/T0ACME-F0TRICKLE/download/gateway-oom.log': {
        // a byte every 20 ms, for ever: each read succeeds, the whole never ends
        res.writeHead(200, { 'content-type': 'text/plain' });
        const drip = setInterval(() => res.write('x'), 20);
        res.on('close', () => clearInterval(drip));
        return;
      }
      case '/files-pri/T0ACME-F0AWAY/download/gateway-oom.log':
        res.writeHead(302, { location: `${elsewhere}/files-pri/T0ACME-F0SEED/download/gateway-oom.log` });
        res.end();
        return;
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
  other = createServer((req, res) => {
    elsewhereRequests.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(SEED);
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  elsewhere = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});

after(() => {
  for (const s of [server, other]) {
    s.closeAllConnections();
    s.close();
  }
});

/** Another server on loopback, not Slack's: the token must never reach it. */
let other: Server;
let elsewhere = '';
const elsewhereRequests: { url: string; headers: IncomingHttpHeaders }[] = [];

/** The token, the local server standing in as the Web API's host, and the download deadline. */
const access = (timeoutMs = 30_000) => ({ token: BOT_TOKEN, apiUrl: `${base}/api/`, timeoutMs });

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

/** What reading a file comes to, as the bot does it: judged from Slack's word, then downloaded. */
async function fetchFileText(file: SlackFile, access: FileAccess, max = MAX_FILE_BYTES) {
  const got = fileToRead(file, access, max);
  if (!got.ok) return got;
  const bytes = await download(got.file);
  if (!(bytes instanceof Uint8Array)) return { ok: false as const, ...bytes };
  return { ok: true as const, text: Buffer.from(bytes).toString('utf8'), name: got.file.name };
}

describe('reading a file', () => {
  it('downloads a log file with the bot token', async () => {
    const got = await fetchFileText(upload('F0SEED', 'gateway-oom.log'), access());
    assert.deepEqual(got, { ok: true, text: SEED, name: 'gateway-oom.log' });
    assert.equal(requests.at(-1)?.headers.authorization, `Bearer ${BOT_TOKEN}`);
  });

  it('follows a redirect to where the file is', async () => {
    const got = await fetchFileText(upload('F0MOVED', 'gateway-oom.log'), access());
    assert.deepEqual(got, { ok: true, text: SEED, name: 'gateway-oom.log' });
  });

  it('refuses a file Slack says is too large without downloading it', async () => {
    const before = requests.length;
    const got = await fetchFileText(
      upload('F0SEED', 'gateway-oom.log', { size: 25 * 1024 * 1024 }),
      access(),
    );
    assert.deepEqual(got, {
      ok: false,
      name: 'gateway-oom.log',
      reason: 'too-large',
      detail: { key: 'file.size', values: { size: '25 MiB' } },
    });
    assert.equal(requests.length, before);
  });

  it('stops reading a file that turns out larger than the cap as it streams, and says how much it read', async () => {
    const got = await fetchFileText(upload('F0BIG', 'big.log'), access(), 1024);
    assert.equal(got.ok, false);
    assert.equal(!got.ok && got.reason, 'too-large');
    const detail = !got.ok ? got.detail : null;
    assert.equal(detail?.key, 'file.moreThan');
    // However the 256-byte pieces arrive, what was read is over the cap, not the cap itself.
    assert.match(String(detail?.values?.size), /^(1\.25|1\.5|1\.75|2) KiB$/);
    // Slack said the file was small: the answer says both.
    const grew = await fetchFileText(upload('F0BIG', 'big.log', { size: 100 }), access(), 1024);
    const said = !grew.ok ? grew.detail : null;
    assert.equal(said?.key, 'file.grew');
    assert.equal(said?.values?.declared, '100 B');
    assert.match(String(said?.values?.read), /KiB$/);
    assert.deepEqual(await fetchFileText(upload('F0BIG', 'big.log'), access(), 2048), {
      ok: true,
      text: 'x'.repeat(2048),
      name: 'big.log',
    });
  });

  it("calls Slack's sign-in page unreadable, but keeps an HTML file someone shared", async () => {
    assert.deepEqual(await fetchFileText(upload('F0LOGIN', 'gateway-oom.log'), access()), {
      ok: false,
      name: 'gateway-oom.log',
      reason: 'unreadable',
      detail: { key: 'file.webPage' },
    });
    const page = upload('F0PAGE', 'status.html', { filetype: 'html', mimetype: 'text/html' });
    assert.deepEqual(await fetchFileText(page, access()), {
      ok: true,
      text: LOGIN_PAGE,
      name: 'status.html',
    });
  });

  it('names the HTTP status of a failed download', async () => {
    assert.deepEqual(await fetchFileText(upload('F0GONE', 'gateway-oom.log'), access()), {
      ok: false,
      name: 'gateway-oom.log',
      reason: 'unreadable',
      detail: { key: 'file.http', values: { status: 404 } },
    });
  });

  it('gives up on a server that does not answer in time', async () => {
    assert.deepEqual(await fetchFileText(upload('F0SILENT', 'gateway-oom.log'), access(200)), {
      ok: false,
      name: 'gateway-oom.log',
      reason: 'unreadable',
      detail: { key: 'file.error', values: { message: 'The operation was aborted due to timeout' } },
    });
  });

  it('gives up on a download that stalls halfway, as a value rather than a throw', async () => {
    assert.deepEqual(await fetchFileText(upload('F0STALL', 'gateway-oom.log'), access(200)), {
      ok: false,
      name: 'gateway-oom.log',
      reason: 'unreadable',
      detail: { key: 'file.error', values: { message: 'The operation was aborted due to timeout' } },
    });
  });

  it('gives up at its deadline on a body that trickles a byte at a time', async () => {
    const started = performance.now();
    assert.deepEqual(await fetchFileText(upload('F0TRICKLE', 'gateway-oom.log'), access(300)), {
      ok: false,
      name: 'gateway-oom.log',
      reason: 'unreadable',
      detail: { key: 'file.error', values: { message: 'The operation was aborted due to timeout' } },
    });
    assert.ok(performance.now() - started < 1500, `${performance.now() - started} ms`);
  });

  it('sends the bot token only to Slack’s file host over https, or to the configured Web API’s origin', () => {
    const api = 'https://slack.com/api/';
    const may = (url: string, apiUrl = api) => mayCarryToken(new URL(url), apiUrl);
    assert.equal(may('https://files.slack.com/files-pri/T1-F1/download/a.log'), true);
    assert.equal(may('http://files.slack.com/files-pri/T1-F1/download/a.log'), false, 'plain http');
    assert.equal(may('https://files.slack.com.evil.example/files-pri/T1-F1/a.log'), false);
    assert.equal(may('https://evil.example/files-pri/T1-F1/download/a.log'), false);
    assert.equal(may('https://user:pw@files.slack.com/a.log'), false);
    assert.equal(may('https://slack.com/api/files.info'), true, 'the Web API itself');
    assert.equal(may('http://127.0.0.1:8080/files/F1', 'http://127.0.0.1:8080/api/'), true, 'a proxy');
    assert.equal(may('http://127.0.0.1:8081/files/F1', 'http://127.0.0.1:8080/api/'), false);
  });

  it('refuses, without sending the token, a file whose address or redirect leads elsewhere', async () => {
    const away = upload('F0SEED', 'gateway-oom.log', {
      url_private_download: `${elsewhere}/files-pri/T0ACME-F0SEED/download/gateway-oom.log`,
    });
    // Pointed there, and redirected there from Slack's host.
    for (const file of [away, upload('F0AWAY', 'gateway-oom.log')]) {
      assert.deepEqual(await fetchFileText(file, access()), {
        ok: false,
        name: 'gateway-oom.log',
        reason: 'unreadable',
        detail: { key: 'file.refused', values: { origin: elsewhere } },
      });
    }
    assert.deepEqual(elsewhereRequests, [], 'nothing was sent there, token or not');
  });

  it('says why when the server cannot be reached', async () => {
    const unreachable = upload('F0SEED', 'gateway-oom.log', {
      url_private_download: 'http://127.0.0.1:9/files-pri/T0ACME-F0SEED/download/gateway-oom.log',
    });
    assert.deepEqual(await fetchFileText(unreachable, { ...access(), apiUrl: 'http://127.0.0.1:9/api/' }), {
      ok: false,
      name: 'gateway-oom.log',
      reason: 'unreadable',
      detail: { key: 'file.error', values: { message: 'fetch failed' } },
    });
  });

  it('reads nothing that is not text, or has no address', async () => {
    const png = upload('F0PNG', 'grafana.png', { filetype: 'png', mimetype: 'image/png' });
    assert.deepEqual(await fetchFileText(png, access()), {
      ok: false,
      name: 'grafana.png',
      reason: 'not-text',
      detail: { key: 'file.error', values: { message: 'png' } },
    });
    const { url_private_download: _, ...noUrl } = upload('F0TOMB', 'gateway-oom.log');
    assert.deepEqual(await fetchFileText(noUrl, access()), {
      ok: false,
      name: 'gateway-oom.log',
      reason: 'unreadable',
      detail: { key: 'file.noUrl' },
    });
  });
});
