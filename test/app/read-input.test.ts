import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyzeChunks, analyzeInput } from '../../src/app/read-input.ts';
import { fixture, kb } from '../helpers.ts';

describe('reading a file from disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netty-oom-read-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file of many chunks, read ahead at offsets, as the same bytes in memory', async () => {
    // Traces on both sides of the 4 MiB chunk boundaries and at the very end, so a chunk read out
    // of order, twice or not at all changes the events, their lines or the count.
    const line = (i: number) => `2024-05-17 10:00:00.000 [exec-${i % 7}] INFO  c.a.Service - step ${i}\n`;
    const parts: string[] = [];
    let bytes = 0;
    for (let i = 0; bytes < 13 * 1024 * 1024; i++) {
      const l = i % 40_000 === 39_999 ? fixture('seeds/000-reactor-netty-load-test.txt') : line(i);
      parts.push(l);
      bytes += Buffer.byteLength(l);
    }
    parts.push(fixture('seeds/001-grpc-explicit-512m.txt'));
    const content = Buffer.from(parts.join(''));
    const path = join(dir, 'app.log');
    writeFileSync(path, content);
    const fromDisk = await analyzeInput(path, kb.analyzer, {});
    const inMemory = await analyzeChunks([content], kb.analyzer, {});
    assert.ok(fromDisk.events.length >= 2);
    assert.equal(fromDisk.input.bytes, content.length);
    assert.deepEqual(fromDisk, inMemory);
  });
});
