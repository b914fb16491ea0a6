import assert from 'node:assert/strict';
import { afterEach, describe, it, mock } from 'node:test';
import { claimAll, type Deduper, ResilientDeduper } from '../../src/bot/dedupe.ts';
import type { Store } from '../../src/store/store.ts';
import { freshStore } from '../temp-store.ts';

/** The store while it works, and its failure (a full disk) while `failing` says so. */
function flaky(store: Store): Deduper & { failing: boolean } {
  const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
  return {
    failing: false,
    claim(key: string) {
      return this.failing ? Promise.reject(full) : store.claim(key);
    },
  };
}

describe('claimAll', () => {
  it('is fresh only when no key was claimed before, and claims every key all the same', async () => {
    const store = await freshStore();
    assert.equal(await claimAll(store, ['event:Ev1', 'msg:cm-1']), true);
    assert.equal(
      await claimAll(store, ['event:Ev2', 'msg:cm-1']),
      false,
      'the same message under a new event id',
    );
    assert.equal(await store.claim('event:Ev2'), false, 'the new event id was claimed too');
    await store.close();
  });

  it('skips missing keys, and is fresh when there are none', async () => {
    const store = await freshStore();
    assert.equal(await claimAll(store, [null, undefined, '']), true);
    assert.equal(await claimAll(store, [null, undefined, '']), true);
    assert.equal(await claimAll(store, ['event:Ev1', null]), true);
    assert.equal(await claimAll(store, ['event:Ev1', null]), false);
    await store.close();
  });
});

describe('ResilientDeduper', () => {
  afterEach(() => mock.timers.reset());

  it('claims through the incident store while it works', async () => {
    const store = await freshStore();
    const errors: unknown[] = [];
    const dedupe = new ResilientDeduper(store, (err) => errors.push(err));
    assert.equal(await dedupe.claim('event:Ev1'), true);
    assert.equal(await dedupe.claim('event:Ev1'), false);
    assert.equal(await store.claim('event:Ev1'), false, 'the claim is in the store');
    assert.deepEqual(errors, []);
    await store.close();
  });

  it('answers each event once from memory while the store fails, reporting each failure', async () => {
    const store = await freshStore();
    const errors: unknown[] = [];
    const source = flaky(store);
    const dedupe = new ResilientDeduper(source, (err) => errors.push(err));
    source.failing = true;
    assert.equal(await dedupe.claim('event:Ev1'), true);
    assert.equal(await dedupe.claim('event:Ev1'), false);
    assert.equal(await dedupe.claim('event:Ev2'), true);
    assert.equal(errors.length, 3);
    assert.equal((errors[0] as Error).message, 'database or disk is full');
    await store.close();
  });

  it('does not answer again once the store is back an event it answered from memory', async () => {
    const store = await freshStore();
    const source = flaky(store);
    const dedupe = new ResilientDeduper(source, () => {});
    source.failing = true;
    assert.equal(await dedupe.claim('event:Ev1'), true);
    source.failing = false;
    assert.equal(await dedupe.claim('event:Ev1'), false, 'a retry after the store recovered');
    assert.equal(await dedupe.claim('event:Ev2'), true);
    await store.close();
  });

  it('forgets claims kept in memory after their lifetime', async () => {
    mock.timers.enable({ apis: ['Date'], now: Date.parse('2024-06-03T13:20:00Z') });
    const store = await freshStore();
    const source = flaky(store);
    const dedupe = new ResilientDeduper(source, () => {}, 60_000);
    source.failing = true;
    assert.equal(await dedupe.claim('event:Ev1'), true);
    mock.timers.tick(59_000);
    assert.equal(await dedupe.claim('event:Ev1'), false);
    mock.timers.tick(2_000);
    assert.equal(await dedupe.claim('event:Ev1'), true);
    await store.close();
  });
});
