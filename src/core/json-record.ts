/** JSON log records (logstash, ECS, bunyan, Docker's json-file) read as the lines a plain log would show. */

/** A JSON log record (logstash, ECS, bunyan…) as the lines a plain log would show. */
export function jsonRecord(text: string): string[] | null {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return null;
  return recordLines(obj as Record<string, unknown>);
}

// `"thread_name":"reactor-http-epoll-1"`: one string field; the last may run to the end of the line unclosed.
const FIELD = /"([@\w.]{1,40})":"((?:[^"\\]|\\.){0,4000})("?)/g;

/**
 * A JSON record whose string went over several lines because its `\n` escapes were turned back into
 * newlines on the way (a logstash `stack_trace` pasted half unescaped): its first line, read field by
 * field, as the lines a plain log would show. The lines after it carry the rest of the open field.
 */
export function brokenJsonRecord(text: string): string[] | null {
  const rec: Record<string, string> = {};
  FIELD.lastIndex = 0;
  for (let m = FIELD.exec(text); m; m = FIELD.exec(text)) {
    if (m[1] !== undefined && m[2] !== undefined) rec[m[1]] = jsonString(m[2]);
    if (m[3] === '') break;
  }
  return recordLines(rec);
}

function jsonString(value: string): string {
  try {
    return JSON.parse(`"${value}"`) as string;
  } catch {
    return value.replaceAll('\\"', '"').replaceAll('\\t', '\t').replaceAll('\\n', '\n');
  }
}

function recordLines(rec: Record<string, unknown>): string[] | null {
  // Docker's json-file record (`{"log":"…","stream":"stdout","time":…}`) wraps a raw line, header and all.
  if (typeof rec.log === 'string' && typeof rec.stream === 'string')
    return rec.log.replace(/\n$/, '').split('\n');
  const message = pick(rec, ['message', 'msg', 'log', 'text']);
  const stack =
    pick(rec, ['stack_trace', 'stacktrace', 'stackTrace', 'exception', 'error.stack_trace', 'err']) ??
    thrownTrace(rec.thrown);
  if (message === null && stack === null) return null;
  const ts = pick(rec, ['@timestamp', 'timestamp', 'time', 'ts', 'date']);
  const thread = pick(rec, ['thread_name', 'thread', 'threadName', 'process.thread.name']);
  const level = pick(rec, ['level', 'severity', 'log.level']);
  const logger = pick(rec, ['logger_name', 'logger', 'loggerName', 'log.logger']);
  const head = [ts, thread ? `[${thread}]` : null, level, logger, logger ? '-' : null, message]
    .filter((x): x is string => x !== null && x !== '')
    .join(' ');
  const lines = head.split('\n');
  if (stack) lines.push(...stack.split('\n'));
  return lines;
}

function pick(rec: Record<string, unknown>, keys: string[]): string | null {
  for (const key of keys) {
    let v: unknown = rec[key];
    if (v === undefined && key.includes('.')) {
      v = key
        .split('.')
        .reduce<unknown>(
          (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
          rec,
        );
    }
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    if (v && typeof v === 'object' && key === 'err') {
      const stack = (v as Record<string, unknown>).stack;
      if (typeof stack === 'string') return stack;
    }
  }
  return null;
}

/** One string field of a JSON line, or null when the line is not JSON. */
export function jsonField(text: string, keys: string[]): string | null {
  try {
    const obj = JSON.parse(text) as unknown;
    if (obj && typeof obj === 'object') return pick(obj as Record<string, unknown>, keys);
  } catch {
    // not JSON after all: read the line as it is
  }
  return null;
}

/**
 * Log4j2's JsonLayout: `"thrown":{"name":"java.lang.OutOfMemoryError","message":"Direct buffer memory",
 * "extendedStackTrace":[{"class":"java.nio.Bits","method":"reserveMemory","file":"Bits.java","line":694}]}`,
 * with its `cause` nested the same way, as the trace it stands for.
 */
function thrownTrace(thrown: unknown, depth = 0): string | null {
  if (!thrown || typeof thrown !== 'object' || depth > 8) return null;
  const t = thrown as Record<string, unknown>;
  if (typeof t.name !== 'string') return null;
  const lines = [
    `${depth > 0 ? 'Caused by: ' : ''}${t.name}${typeof t.message === 'string' ? `: ${t.message}` : ''}`,
  ];
  const frames = Array.isArray(t.extendedStackTrace) ? t.extendedStackTrace : [];
  for (const f of frames.slice(0, 1024)) {
    if (!f || typeof f !== 'object') continue;
    const { class: cls, method, file, line } = f as Record<string, unknown>;
    if (typeof cls !== 'string' || typeof method !== 'string') continue;
    const where =
      typeof file === 'string' ? `${file}${typeof line === 'number' ? `:${line}` : ''}` : 'Unknown Source';
    lines.push(`\tat ${cls}.${method}(${where})`);
  }
  const cause = thrownTrace(t.cause, depth + 1);
  return cause ? `${lines.join('\n')}\n${cause}` : lines.join('\n');
}
