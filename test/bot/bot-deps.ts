/**
 * What a listener gets, built for a test: the real configuration reader, knowledge base, metrics,
 * JSON logger (its lines kept) and an incident store in a file of its own.
 */

import { WebClient } from '@slack/web-api';
import type { Counter } from 'prom-client';
import { inProcessAnalyzer } from '../../src/app/analysis.ts';
import { readConfig } from '../../src/app/config.ts';
import { ChannelAccess } from '../../src/bot/channel-access.ts';
import { ResilientDeduper } from '../../src/bot/dedupe.ts';
import type { BotDeps } from '../../src/bot/deps.ts';
import { createLogger } from '../../src/bot/logger.ts';
import { Metrics } from '../../src/bot/metrics.ts';
import { ReplyOutbox } from '../../src/bot/outbox.ts';
import { SharedReplies } from '../../src/bot/shared-replies.ts';
import { openStore } from '../../src/store/open.ts';
import { kb } from '../helpers.ts';
import { tempStorePath } from '../temp-store.ts';

export const BOT_TOKEN = 'xoxb-1234-5678-test';

export interface TestDeps {
  deps: BotDeps;
  /** Every log line written, parsed. */
  logs: Record<string, unknown>[];
  /** Close the store (its folder goes at the end of the test file). */
  close(): Promise<void>;
}

/** Deps as createBot builds them, with `env` added to a minimal HTTP-mode environment. */
export async function testDeps(env: Record<string, string> = {}): Promise<TestDeps> {
  const config = readConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: 'test-signing-secret',
    NETTY_OOM_DB: tempStorePath(),
    ...env,
  });
  const logs: Record<string, unknown>[] = [];
  const log = createLogger('debug', { write: (line: string) => logs.push(JSON.parse(line)) });
  const store = await openStore({ path: config.dbPath });
  const dedupe = new ResilientDeduper(store, (err) =>
    log.error({ err }, 'incident store failed to record an event id'),
  );
  const deps: BotDeps = {
    config,
    kb,
    log,
    metrics: new Metrics(),
    dedupe,
    outbox: new ReplyOutbox(store, dedupe, log),
    store,
    // Slack is not there: every question about a channel goes unanswered.
    access: new ChannelAccess(
      new WebClient(BOT_TOKEN, { slackApiUrl: 'http://127.0.0.1:9/api/', retryConfig: { retries: 0 } }),
      log,
    ),
    files: { token: BOT_TOKEN, apiUrl: config.slackApiUrl, timeoutMs: 5000 },
    shared: new SharedReplies(),
    analysis: inProcessAnalyzer(() => kb),
    now: () => Date.parse('2024-06-03T13:20:00Z'),
  };
  return {
    deps,
    logs,
    async close() {
      await store.close();
    },
  };
}

/** A counter's value for these labels (0 when never counted). */
export async function count(counter: Counter, labels: Record<string, string>): Promise<number> {
  const { values } = await counter.get();
  const keys = Object.keys(labels);
  return values.find((v) => keys.every((k) => v.labels[k] === labels[k]))?.value ?? 0;
}
