/** JSON logs (pino) with tokens and secrets redacted, and the same logger handed to Bolt. */
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import pino, { type Logger } from 'pino';

const REDACT = [
  'token',
  '*.token',
  'botToken',
  'appToken',
  'signingSecret',
  'headers.authorization',
  '*.headers.authorization',
  'config.botToken',
  'config.appToken',
  'config.signingSecret',
];

/** Slack and bearer tokens wherever they appear in a message string. */
const TOKEN = /\b(?:xox[abposr]|xapp)-[A-Za-z0-9-]{6,}|Bearer\s+[A-Za-z0-9._~+/=-]{8,}/g;

export function scrub(text: string): string {
  return text.replace(TOKEN, '[redacted]');
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'netty-oom' },
      redact: { paths: REDACT, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>,
          );
        },
      },
      formatters: {
        log(obj) {
          const err = obj.err as Error | undefined;
          return err instanceof Error
            ? { ...obj, err: { type: err.name, message: scrub(err.message), stack: scrub(err.stack ?? '') } }
            : obj;
        },
      },
    },
    destination,
  );
}

/** Bolt's Logger interface over pino. */
export function boltLogger(log: Logger): BoltLogger {
  const text = (msgs: unknown[]) =>
    scrub(msgs.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' '));
  let level = LogLevel.INFO;
  return {
    debug: (...m: unknown[]) => log.debug({ source: 'bolt' }, text(m)),
    info: (...m: unknown[]) => log.info({ source: 'bolt' }, text(m)),
    warn: (...m: unknown[]) => log.warn({ source: 'bolt' }, text(m)),
    error: (...m: unknown[]) => log.error({ source: 'bolt' }, text(m)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
