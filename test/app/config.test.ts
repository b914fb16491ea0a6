import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Config, ConfigError, readConfig } from '../../src/app/config.ts';

const BOT = 'xoxb-1-2-abc';
const APP = 'xapp-1-A1-2-abc';
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

/** The configuration with nothing set: the local console. */
const DEFAULTS: Config = {
  mode: 'console',
  port: 3000,
  host: '127.0.0.1',
  botToken: null,
  appToken: null,
  signingSecret: null,
  slackApiUrl: 'https://slack.com/api/',
  dbPath: './data/netty-oom.db',
  channels: [],
  logLevel: 'info',
  handoffCron: null,
  handoffChannel: null,
  handoffChannels: [],
  retentionDays: 90,
  analysisTimeoutMs: 10_000,
};

function refused(env: NodeJS.ProcessEnv, message: string): void {
  assert.throws(
    () => readConfig(env),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      assert.equal(err.name, 'ConfigError');
      assert.equal(err.message, message);
      return true;
    },
  );
}

describe('readConfig: modes', () => {
  it('runs the local console with the defaults when nothing is set', () => {
    assert.deepEqual(readConfig({}), DEFAULTS);
  });

  it('runs in Socket Mode with an app-level token, listening on localhost', () => {
    assert.deepEqual(readConfig({ SLACK_APP_TOKEN: APP, SLACK_BOT_TOKEN: BOT }), {
      ...DEFAULTS,
      mode: 'socket',
      botToken: BOT,
      appToken: APP,
    });
  });

  it('runs in HTTP mode with a signing secret, listening on every interface', () => {
    assert.deepEqual(readConfig({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: BOT }), {
      ...DEFAULTS,
      mode: 'http',
      host: '0.0.0.0',
      botToken: BOT,
      signingSecret: SECRET,
    });
  });

  it('prefers Socket Mode when both the app token and the signing secret are set', () => {
    const c = readConfig({ SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: BOT });
    assert.deepEqual([c.mode, c.host, c.signingSecret], ['socket', '127.0.0.1', SECRET]);
  });

  it('takes blank values as unset', () => {
    assert.deepEqual(
      readConfig({ SLACK_APP_TOKEN: '  ', SLACK_BOT_TOKEN: '', PORT: ' ', LOG_LEVEL: '' }),
      DEFAULTS,
    );
  });
});

describe('readConfig: every other setting', () => {
  it('reads each setting, trimmed', () => {
    assert.deepEqual(
      readConfig({
        SLACK_SIGNING_SECRET: ` ${SECRET} `,
        SLACK_BOT_TOKEN: BOT,
        PORT: '8080',
        HOST: '10.0.0.5',
        SLACK_API_URL: 'http://127.0.0.1:9999/api',
        NETTY_OOM_DB: '/var/lib/netty-oom/incidents.db',
        NETTY_OOM_CHANNELS: ' C012AB3CD, ,C098ZY7WX ',
        LOG_LEVEL: 'DEBUG',
        NETTY_OOM_HANDOFF_CRON: '0 9,21 * * *',
        NETTY_OOM_HANDOFF_CHANNEL: 'C0ONCALL1',
        NETTY_OOM_HANDOFF_CHANNELS: 'C0ORDERS, C0PAY',
        NETTY_OOM_RETENTION_DAYS: '30',
        NETTY_OOM_ANALYSIS_TIMEOUT_MS: '2500',
      }),
      {
        mode: 'http',
        port: 8080,
        host: '10.0.0.5',
        botToken: BOT,
        appToken: null,
        signingSecret: SECRET,
        slackApiUrl: 'http://127.0.0.1:9999/api/',
        dbPath: '/var/lib/netty-oom/incidents.db',
        channels: ['C012AB3CD', 'C098ZY7WX'],
        logLevel: 'debug',
        handoffCron: '0 9,21 * * *',
        handoffChannel: 'C0ONCALL1',
        handoffChannels: ['C0ORDERS', 'C0PAY'],
        retentionDays: 30,
        analysisTimeoutMs: 2500,
      },
    );
  });

  it('accepts port 0 (any free port) and 65535', () => {
    assert.equal(readConfig({ PORT: '0' }).port, 0);
    assert.equal(readConfig({ PORT: '65535' }).port, 65535);
  });

  it('accepts a handoff channel without a schedule', () => {
    assert.deepEqual(readConfig({ NETTY_OOM_HANDOFF_CHANNEL: 'C0ONCALL1' }), {
      ...DEFAULTS,
      handoffChannel: 'C0ONCALL1',
    });
  });
});

describe('readConfig: refuses what cannot work, saying what to set', () => {
  it('refuses a bot token with no way to receive events', () => {
    refused(
      { SLACK_BOT_TOKEN: BOT },
      'SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is',
    );
  });

  it('refuses Slack modes without a bot token', () => {
    refused({ SLACK_APP_TOKEN: APP }, 'SLACK_BOT_TOKEN is required in socket mode');
    refused({ SLACK_SIGNING_SECRET: SECRET }, 'SLACK_BOT_TOKEN is required in http mode');
  });

  it('refuses tokens of the wrong kind', () => {
    refused(
      { SLACK_APP_TOKEN: BOT, SLACK_BOT_TOKEN: BOT },
      'SLACK_APP_TOKEN must be an app-level token (xapp-…)',
    );
    refused({ SLACK_APP_TOKEN: APP, SLACK_BOT_TOKEN: APP }, 'SLACK_BOT_TOKEN must be a bot token (xoxb-…)');
    refused(
      { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxp-1-2-user' },
      'SLACK_BOT_TOKEN must be a bot token (xoxb-…)',
    );
  });

  it('refuses a port that is not a whole number from 0 to 65535', () => {
    for (const port of ['http', '65536', '-1', '80.5']) {
      refused({ PORT: port }, `PORT must be a port number, not "${port}"`);
    }
  });

  it('refuses an unknown log level', () => {
    refused({ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of debug, info, warn, error');
  });

  it('refuses a handoff schedule without a channel to post to, or that is not cron', () => {
    refused(
      { NETTY_OOM_HANDOFF_CRON: '0 9,21 * * *' },
      'NETTY_OOM_HANDOFF_CRON is set but NETTY_OOM_HANDOFF_CHANNEL (where to post) is not',
    );
    refused(
      { NETTY_OOM_HANDOFF_CRON: 'twice a day', NETTY_OOM_HANDOFF_CHANNEL: 'C0ONCALL1' },
      'NETTY_OOM_HANDOFF_CRON is not a cron expression: "twice a day"',
    );
  });

  it('refuses a retention that is not a whole number of days', () => {
    for (const days of ['0', '-7', '1.5', 'forever']) {
      refused(
        { NETTY_OOM_RETENTION_DAYS: days },
        `NETTY_OOM_RETENTION_DAYS must be a whole number of days, not "${days}"`,
      );
    }
  });

  it('refuses an analysis timeout that is not a whole number of milliseconds', () => {
    for (const ms of ['0', '-1', '2.5', '10s']) {
      refused(
        { NETTY_OOM_ANALYSIS_TIMEOUT_MS: ms },
        `NETTY_OOM_ANALYSIS_TIMEOUT_MS must be a whole number of milliseconds, not "${ms}"`,
      );
    }
  });

  it('refuses a Slack API address that is not a URL', () => {
    refused({ SLACK_API_URL: 'slack.com/api' }, 'SLACK_API_URL is not a URL: "slack.com/api"');
  });
});
