/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { startConsole } from '../console-helpers.ts';
import { ROOT } from '../helpers.ts';

const OUT = join(ROOT, 'test-output');

describe('the console in a real browser (Debian Chromium)', () => {
  let c: Awaited<ReturnType<typeof startConsole>>;
  let browser: Browser;
  let page: Page;
  before(async () => {
    c = await startConsole();
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    await page.goto(`${c.url}/`);
  });
  after(async () => {
    await browser?.close();
    await c?.close();
  });

  it('analyzes seed 000 from its example button and shows the numbers, the cause and the full playbook', async () => {
    await page.click('button[data-seed="000-reactor-netty-load-test"]');
    await page.waitForSelector('#result:not([hidden])');
    const reply = await page.textContent('#reply');
    assert.match(reply ?? '', /已用 7\.66 GiB \/ 上限 7\.67 GiB/);
    assert.match(reply ?? '', /最可能/);
    assert.match(reply ?? '', /处理步骤：Reactor Netty 在压测\/高负载下直接内存耗尽/);
    assert.match((await page.textContent('#facts')) ?? '', /8220835847 B/);
    // Under the short reply, every step: what Full playbook opens in Slack.
    const full = (await page.textContent('#playbook-box')) ?? '';
    assert.match(full, /^Full playbook/);
    assert.match(full, /1\. (?:检查|处理|验证|升级) — [\s\S]*2\. [\s\S]*3\. [\s\S]*4\. /);
    assert.match(full, /延伸阅读/);
    assert.equal(await page.$eval('#json-box', (e) => (e as HTMLDetailsElement).open), false);
  });

  it('switches the reply to English', async () => {
    await page.selectOption('#lang', 'en');
    await page.waitForFunction(() =>
      document.querySelector('#reply')?.textContent?.includes('Direct memory exhausted'),
    );
    const reply = await page.textContent('#reply');
    assert.match(reply ?? '', /Direct memory exhausted: 7\.66 GiB of 7\.67 GiB used/);
    assert.match(reply ?? '', /Most likely: |Not decided yet: /);
    assert.match(reply ?? '', /What to do: /);
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'console.png'), fullPage: false });
  });

  it('shows a pasted <script> and <img onerror> as text, running neither', async () => {
    const hostile =
      '<script>window.__x = 1</script><img src=x onerror="window.__y = 1">\nio.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 100, max: 200)';
    await page.fill('#paste', hostile);
    await page.click('#analyze');
    await page.waitForFunction(() =>
      document.querySelector('#json')?.textContent?.includes('"usedBytes": 100'),
    );
    assert.equal(
      await page.evaluate(
        () =>
          (window as unknown as { __x?: number; __y?: number }).__x ??
          (window as unknown as { __y?: number }).__y ??
          null,
      ),
      null,
    );
    assert.equal(await page.$$eval('#result img, #result script', (els) => els.length), 0);
  });

  it('searches the knowledge base in Chinese and opens an entry', async () => {
    await page.click('[data-tab="search"]');
    await page.fill('#q', '堆外内存一直涨怎么排查');
    await page.click('#search-form button');
    await page.waitForSelector('#hits li a');
    const count = await page.$$eval('#hits li a', (els) => els.length);
    assert.ok(count >= 3, `${count} hits`);
    await page.click('#hits li a');
    await page.waitForSelector('#doc:not([hidden]) h2');
    assert.ok(((await page.textContent('#doc h2')) ?? '').length > 3);
    await page.screenshot({ path: join(OUT, 'console-search.png') });
  });

  it('keeps the interface in the language the reader picks, across a reload, whatever the paste', async () => {
    await page.selectOption('#ui-lang', 'zh');
    await page.waitForFunction(() => document.querySelector('[data-tab="analyze"]')?.textContent === '分析');
    // The entry opened in the knowledge base tab is worded again too.
    await page.waitForFunction(() =>
      /[\u4e00-\u9fff]/.test(document.querySelector('#doc h2')?.textContent ?? ''),
    );
    await page.reload();
    await page.waitForSelector('button[data-seed]');
    assert.equal(await page.$eval('#ui-lang', (e) => (e as HTMLSelectElement).value), 'zh');
    assert.equal(await page.textContent('[data-tab="search"]'), '知识库');
    await page.selectOption('#lang', 'auto');
    await page.fill(
      '#paste',
      'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 100, max: 200)',
    );
    await page.click('#analyze');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('英文'));
    assert.match((await page.textContent('#reply')) ?? '', /Direct memory exhausted/);
    assert.equal(await page.textContent('[data-tab="analyze"]'), '分析');
    await page.fill('#paste', 'just some words');
    await page.click('#analyze');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent === '没有发现。');
    await page.selectOption('#ui-lang', 'en');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent === 'Nothing found.');
    await page.screenshot({ path: join(OUT, 'console-languages.png') });
  });

  it('shows the handoff view', async () => {
    await page.click('[data-tab="handoff"]');
    await page.waitForFunction(() =>
      document.querySelector('#handoff')?.textContent?.includes('On-call handoff'),
    );
    assert.match((await page.textContent('#handoff')) ?? '', /No incidents in this period/);
  });
});
