/** JSON logs (pino) with secrets masked, and the same logger handed to Bolt without the bodies it logs. */
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import pino, { type Logger } from 'pino';
import { mask } from '../core/mask/index.ts';

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

/**
 * Where a body starts in a line Bolt, its Socket Mode client or its Web API client logs (at debug:
 * `Received a message on the WebSocket: {"envelope_id"…`, `http request body: {"channel"…`,
 * `ack() call begins (body: …)`, `Calling ack() - …, data: {…}`): events hold what people wrote.
 */
const BODY = /\{"|\[\{|\["|\(body: |\bdata: |storedResponse: |\(will ignore\): /;
/** Longest line taken from Bolt: its own words are short. */
const BOLT_LINE = 500;

/** What Bolt logs, without any body and masked. */
export function boltLine(parts: unknown[]): string {
  const text = parts
    .map((m) => {
      if (typeof m === 'string') return m;
      if (m instanceof Error) return `${m.name}: ${m.message}`;
      return JSON.stringify(m) ?? String(m);
    })
    .join(' ');
  const body = BODY.exec(text);
  const kept = body ? `${text.slice(0, body.index)}[body not logged]` : text;
  const masked = mask(kept);
  return masked.length > BOLT_LINE ? `${masked.slice(0, BOLT_LINE)}…` : masked;
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
            args.map((a) => (typeof a === 'string' ? mask(a) : a)) as Parameters<typeof method>,
          );
        },
      },
      formatters: {
        log(obj) {
          const err = obj.err as Error | undefined;
          return err instanceof Error
            ? { ...obj, err: { type: err.name, message: mask(err.message), stack: mask(err.stack ?? '') } }
            : obj;
        },
      },
    },
    destination,
  );
}

/** Bolt's Logger interface over pino. */
export function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  return {
    debug: (...m: unknown[]) => log.debug({ source: 'bolt' }, boltLine(m)),
    info: (...m: unknown[]) => log.info({ source: 'bolt' }, boltLine(m)),
    warn: (...m: unknown[]) => log.warn({ source: 'bolt' }, boltLine(m)),
    error: (...m: unknown[]) => log.error({ source: 'bolt' }, boltLine(m)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
