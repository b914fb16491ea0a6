import { Cron } from 'croner';

/** The environment, read once at start-up into typed options (CONTRACTS.md: "Running the bot"). */

export type Mode = 'socket' | 'http' | 'console';

export interface Config {
  mode: Mode;
  port: number;
  host: string;
  botToken: string | null;
  appToken: string | null;
  signingSecret: string | null;
  slackApiUrl: string;
  dbPath: string;
  channels: string[];
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Cron expression for posting the handoff to `handoffChannel`, e.g. `0 9,21 * * *`. */
  handoffCron: string | null;
  handoffChannel: string | null;
  /**
   * The channels an on-call handoff covers (`/netty-oom handoff` and the scheduled post); empty:
   * the channel the handoff is asked in, and every channel for the scheduled post.
   */
  handoffChannels: string[];
  /** Incidents not seen for this many days are removed. */
  retentionDays: number;
  /** An analysis still running after this long is stopped and the paste answered as too large. */
  analysisTimeoutMs: number;
}

function isCron(expr: string): boolean {
  try {
    new Cron(expr, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** A comma-separated list of channel ids. */
const list = (text: string | null) =>
  (text ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);

/**
 * NETTY_OOM_KNOWLEDGE: a folder holding knowledge/ and playbooks/ to use instead of the shipped
 * ones. Apart from readConfig because every command reads knowledge, while a Slack variable that is
 * wrong must not stop `analyze`.
 */
export function knowledgeRootOf(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.NETTY_OOM_KNOWLEDGE?.trim() || null;
}

/** The bot's and the console's options; a wrong or missing variable throws a ConfigError naming it. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const str = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : null;
  };
  const appToken = str('SLACK_APP_TOKEN');
  const signingSecret = str('SLACK_SIGNING_SECRET');
  const botToken = str('SLACK_BOT_TOKEN');
  const mode: Mode = appToken ? 'socket' : signingSecret ? 'http' : 'console';
  if (mode === 'console' && botToken) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is',
    );
  }
  if (mode !== 'console' && !botToken) throw new ConfigError(`SLACK_BOT_TOKEN is required in ${mode} mode`);
  if (appToken && !appToken.startsWith('xapp-'))
    throw new ConfigError('SLACK_APP_TOKEN must be an app-level token (xapp-…)');
  if (botToken && !botToken.startsWith('xoxb-'))
    throw new ConfigError('SLACK_BOT_TOKEN must be a bot token (xoxb-…)');
  const portText = str('PORT') ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number, not "${portText}"`);
  const level = (str('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LEVELS as readonly string[]).includes(level))
    throw new ConfigError(`LOG_LEVEL must be one of ${LEVELS.join(', ')}`);
  const handoffCron = str('NETTY_OOM_HANDOFF_CRON');
  const handoffChannel = str('NETTY_OOM_HANDOFF_CHANNEL');
  if (handoffCron && !handoffChannel)
    throw new ConfigError(
      'NETTY_OOM_HANDOFF_CRON is set but NETTY_OOM_HANDOFF_CHANNEL (where to post) is not',
    );
  if (handoffCron && !isCron(handoffCron))
    throw new ConfigError(`NETTY_OOM_HANDOFF_CRON is not a cron expression: "${handoffCron}"`);
  const retentionText = str('NETTY_OOM_RETENTION_DAYS') ?? '90';
  const retentionDays = Number(retentionText);
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new ConfigError(`NETTY_OOM_RETENTION_DAYS must be a whole number of days, not "${retentionText}"`);
  }
  const timeoutText = str('NETTY_OOM_ANALYSIS_TIMEOUT_MS') ?? '10000';
  const analysisTimeoutMs = Number(timeoutText);
  if (!Number.isInteger(analysisTimeoutMs) || analysisTimeoutMs < 1) {
    throw new ConfigError(
      `NETTY_OOM_ANALYSIS_TIMEOUT_MS must be a whole number of milliseconds, not "${timeoutText}"`,
    );
  }
  const apiUrl = str('SLACK_API_URL') ?? 'https://slack.com/api/';
  try {
    new URL(apiUrl);
  } catch {
    throw new ConfigError(`SLACK_API_URL is not a URL: "${apiUrl}"`);
  }
  return {
    mode,
    port,
    host: str('HOST') ?? (mode === 'http' ? '0.0.0.0' : '127.0.0.1'),
    botToken,
    appToken,
    signingSecret,
    slackApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`,
    dbPath: str('NETTY_OOM_DB') ?? './data/netty-oom.db',
    channels: list(str('NETTY_OOM_CHANNELS')),
    logLevel: level as Config['logLevel'],
    handoffCron,
    handoffChannel,
    handoffChannels: list(str('NETTY_OOM_HANDOFF_CHANNELS')),
    retentionDays,
    analysisTimeoutMs,
  };
}
