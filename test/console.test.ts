import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { answer } from '../src/app/answer.ts';
import { fingerprintOf } from '../src/app/fingerprint.ts';
import { playbookBlocks } from '../src/render/playbook-blocks.ts';
import { openStore } from '../src/store/open.ts';
import { startConsole } from './console-helpers.ts';
import { fixture, kb, ROOT } from './helpers.ts';
import { schemaErrors } from './schema-validator.ts';

const SEED_000 = fixture('seeds/000-reactor-netty-load-test.txt');

describe('the local console API, over HTTP', () => {
  let c: Awaited<ReturnType<typeof startConsole>>;
  let db: string;
  before(async () => {
    db = join(mkdtempSync(join(tmpdir(), 'netty-oom-console-db-')), 'incidents.db');
    const store = await openStore({ path: db });
    const a = answer(fixture('seeds/001-grpc-explicit-512m.txt'), kb);
    const fp = fingerprintOf(a.report);
    if (fp) {
      await store.record({
        at: Date.now(),
        channel: 'CLOCAL',
        threadTs: null,
        messageTs: null,
        userId: null,
        fingerprint: fp,
        title: a.reply.text,
        summary: a.report.summary,
        findings: a.report.findings,
        playbook: a.report.playbook,
        samples: [],
      });
    }
    await store.close();
    c = await startConsole(db);
  });
  after(async () => {
    await c.close();
  });

  it('serves the page with a strict content security policy and no outside assets', async () => {
    const res = await fetch(`${c.url}/`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'; script-src 'self'/);
    const html = await res.text();
    assert.match(html, /<script src="\/static\/render\.js" defer><\/script>/);
    assert.doesNotMatch(html, /https?:\/\/(?!netty)/);
    for (const path of ['/static/app.js', '/static/render.js', '/static/style.css'])
      assert.equal((await fetch(`${c.url}${path}`)).status, 200, path);
  });

  it('words the page from the message table, in the language the browser asks for', async () => {
    const zh = (await (await fetch(`${c.url}/api/messages?lang=zh`)).json()) as {
      messages: Record<string, string>;
    };
    assert.equal(zh.messages.tabAnalyze, '分析');
    assert.equal(zh.messages['step.escalate'], '上报');
    const en = (await (await fetch(`${c.url}/api/messages`)).json()) as { messages: Record<string, string> };
    assert.equal(en.messages.tabAnalyze, 'Analyze');
    const html = await (
      await fetch(`${c.url}/`, { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } })
    ).text();
    assert.match(html, /<html lang="zh-CN">/);
    assert.match(html, /<title>netty-oom 控制台<\/title>/);
    for (const [, key] of html.matchAll(/data-i18n(?:-\w+)?="([\w.-]+)"/g)) {
      assert.ok(zh.messages[key ?? ''] && en.messages[key ?? ''], `${key} is in the table`);
    }
    assert.match(html, /data-i18n="tabAnalyze">分析</);
  });

  it('analyzes a pasted trace into {report, blocks, text, playbook}, the same blocks the bot posts and its playbook', async () => {
    const res = await fetch(`${c.url}/api/analyze`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: SEED_000,
    });
    assert.equal(res.status, 200);
    const data = (await res.json()) as {
      report: unknown;
      blocks: unknown[];
      text: string;
      playbook: unknown[];
    };
    assert.deepEqual(schemaErrors(data.report), []);
    const same = answer(SEED_000, kb);
    assert.deepEqual(data.blocks, same.reply.blocks);
    assert.equal(data.text, same.reply.text);
    // Below the reply, the full playbook: what the Full playbook button opens in Slack.
    assert.ok(same.fullPlaybook);
    assert.deepEqual(data.playbook, playbookBlocks(same.fullPlaybook, same.report.language));
    const en = (await (
      await fetch(`${c.url}/api/analyze?lang=en`, { method: 'POST', body: SEED_000 })
    ).json()) as { text: string };
    assert.equal(
      en.text,
      'Direct memory exhausted: 7.66 GiB of 7.67 GiB used, a 16 MiB chunk refused — Reactor Netty, Netty 4.1.33',
    );
  });

  it('analyzes an uploaded 5 MB log file', async () => {
    const filler =
      '2024-05-17 10:00:00.000 [exec-1] INFO c.a.App - ordinary application line with some words\n'.repeat(
        60_000,
      );
    const res = await fetch(`${c.url}/api/analyze`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: filler + SEED_000,
    });
    const data = (await res.json()) as { report: { detected: boolean; input: { lines: number } } };
    assert.equal(data.report.detected, true);
    assert.ok(data.report.input.lines > 60_000);
  });

  it('refuses a body over 50 MiB with a clear 413, and keeps serving', async () => {
    const big = Buffer.alloc(4 * 1024 * 1024, 0x61);
    const got = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${c.url}/api/analyze`,
        { method: 'POST', headers: { 'content-type': 'text/plain' } },
        (res) => {
          let body = '';
          res.on('data', (d: Buffer) => {
            body += d.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      // The server hangs up once it has said no: the rest of the upload is not wanted.
      req.on('error', (err) =>
        err.message.includes('ECONNRESET') || err.message.includes('EPIPE') ? undefined : reject(err),
      );
      const write = (left: number): void => {
        if (left <= 0) {
          req.end();
          return;
        }
        if (req.write(big)) setImmediate(() => write(left - 1));
        else req.once('drain', () => write(left - 1));
      };
      write(16); // 64 MiB in 4 MiB pieces
    });
    assert.equal(got.status, 413);
    assert.match(got.body, /the body is larger than 50 MiB: analyze big logs with `netty-oom analyze FILE`/);
    assert.equal((await fetch(`${c.url}/healthz`)).status, 200);
  });

  it('shows a trace holding <script> and <img onerror> as text in the blocks', async () => {
    const hostile = `<script>alert(1)</script> <img src=x onerror=alert(2)>\nio.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 100, max: 200)\n\tat com.evil.<script>Handler.read(Handler.java:1)`;
    const data = (await (await fetch(`${c.url}/api/analyze`, { method: 'POST', body: hostile })).json()) as {
      blocks: unknown[];
    };
    const text = JSON.stringify(data.blocks);
    assert.doesNotMatch(text, /<script|<img/);
  });

  it('searches the knowledge base in English and Chinese, and opens entries and playbooks', async () => {
    const zh = (await (
      await fetch(`${c.url}/api/search?q=${encodeURIComponent('堆外内存一直涨怎么排查')}`)
    ).json()) as { hits: { id: string; title: string }[] };
    assert.ok(zh.hits.length > 0);
    assert.match(zh.hits[0]?.title ?? '', /[\u4e00-\u9fff]/);
    const en = (await (await fetch(`${c.url}/api/search?q=leak+detection+paranoid`)).json()) as {
      hits: { id: string }[];
    };
    assert.equal(en.hits[0]?.id, 'tool-leak-detector-levels');
    const doc = (await (await fetch(`${c.url}/api/docs/netty-inbound-handler-retains`)).json()) as {
      type: string;
      doc: { steps: unknown[] };
    };
    assert.equal(doc.type, 'playbook');
    assert.ok(doc.doc.steps.length >= 4);
    assert.equal((await fetch(`${c.url}/api/docs/nope`)).status, 404);
  });

  it('shows every playbook with its commands ready to copy: no {{field}} left in a step', async () => {
    for (const p of kb.playbooks) {
      const doc = (await (await fetch(`${c.url}/api/docs/${p.id}`)).json()) as {
        doc: { steps: { text: { en: string; zh: string }; command?: string }[] };
      };
      for (const s of doc.doc.steps) {
        for (const text of [s.text.en, s.text.zh, s.command ?? '']) assert.doesNotMatch(text, /\{\{/, p.id);
        assert.notEqual(s.text.en, '', p.id);
      }
    }
    const leak = (await (await fetch(`${c.url}/api/docs/general-leak`)).json()) as {
      doc: { steps: { text: { en: string }; command?: string }[] };
    };
    const detection = leak.doc.steps.find((s) =>
      s.command?.includes('-Dio.netty.leakDetection.level=ADVANCED'),
    );
    // With no paste behind it, the step says which Netty versions read the property.
    assert.match(detection?.text.en ?? '', /\(Netty 4\.0\.31 and later\)\.$/);
  });

  it('shows the handoff from the local incident store', async () => {
    const data = (await (await fetch(`${c.url}/api/handoff?since=24h`)).json()) as {
      handoff: { total: number };
      text: string;
    };
    assert.equal(data.handoff.total, 1);
    assert.match(data.text, /On-call handoff: last 24 h — 1 open, 1 in all/);
    assert.equal((await fetch(`${c.url}/api/handoff?since=soon`)).status, 400);
  });

  it('lists the five seeds as one-click examples', async () => {
    const seeds = (await (await fetch(`${c.url}/api/seeds`)).json()) as { id: string; text: string }[];
    assert.equal(seeds.length, 5);
    assert.ok(seeds.every((s) => s.text.length > 100));
  });

  it('answers only requests for localhost (no DNS rebinding)', async () => {
    const res = await new Promise<number>((resolve) => {
      const req = request(`${c.url}/`, { headers: { host: 'evil.example:3000' } }, (r) => {
        r.resume();
        resolve(r.statusCode ?? 0);
      });
      req.on('error', () => resolve(0));
      req.end();
    });
    assert.equal(res, 421);
  });
});

describe('npm start without Slack credentials', () => {
  it('prints the console URL on 127.0.0.1 and serves the page', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      NETTY_OOM_DB: join(mkdtempSync(join(tmpdir(), 'netty-oom-start-')), 'x.db'),
    };
    for (const k of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'HOST']) delete env[k];
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'netty-oom.js'), 'serve'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let err = '';
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${err}`)), 10_000);
        child.stderr.on('data', (d: Buffer) => {
          err += d.toString();
          const m = /netty-oom console: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(err);
          if (m?.[1]) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
      });
      const res = await fetch(url);
      assert.equal(res.status, 200);
      assert.match(await res.text(), /<title>netty-oom console<\/title>/);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
