/** Log record headers: when it happened and on which thread. */

export interface Header {
  /** `2019-10-29T11:10:49.730`, or the time alone (`16:17:09.780`) when the log has no date. */
  timestamp: string | null;
  thread: string | null;
  /** `ERROR`, `WARN`, `INFO`…: a record logged at INFO does not own the exception printed after it. */
  level: string | null;
}

// `2019-10-29 11:10:49.730`, `2021-06-17 11:02:11,540`, `2024-05-17T10:00:00.123Z`, `[2024/01/02 10:00:00]`
const DATE_TIME =
  /^\[?(\d{4})[-/](\d{2})[-/](\d{2})[T ](\d{2}:\d{2}:\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?\]?/;
// `16:17:09.780` (logback's default pattern)
const TIME = /^\[?(\d{2}:\d{2}:\d{2})[.,](\d{1,9})\]?/;
// `[reactor-http-epoll-8]`
const BRACKETS = /\[([^[\]]{1,160})\]/g;
// `[664f2a1be1b94ad6c4a2b0f1e7d3a9c5-c4a2b0f1e7d3a9c5]`: the trace Spring Boot 3.2+ prints after the thread
// (blank outside a trace), not a thread
const CORRELATION = /^(?:[\da-f]{32}-[\da-f]{16})?$/;
// `Exception in thread "main"`
const IN_THREAD = /Exception in thread "([^"]{1,160})"/;
const LEVEL = /(?:^|[\s[|])(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|SEVERE)(?=[\s\]|:])/i;
const LEVELS = new Set([
  'TRACE',
  'DEBUG',
  'INFO',
  'WARN',
  'WARNING',
  'ERROR',
  'FATAL',
  'SEVERE',
  'NOTICE',
  'CRITICAL',
]);

/** Read a header from the start of a line; fields are null when the line does not show them. */
export function parseHeader(line: string): Header {
  const head = line.length > 400 ? line.slice(0, 400) : line;
  let timestamp: string | null = null;
  let rest = head;
  const dt = DATE_TIME.exec(head);
  if (dt) {
    timestamp = `${dt[1]}-${dt[2]}-${dt[3]}T${dt[4]}${dt[5] ? `.${dt[5]}` : ''}${dt[6] ?? ''}`;
    rest = head.slice(dt[0].length);
  } else {
    const t = TIME.exec(head);
    if (t) {
      timestamp = `${t[1]}.${t[2]}`;
      rest = head.slice(t[0].length);
    }
  }
  const level = LEVEL.exec(rest.slice(0, 160));
  return { timestamp, thread: threadOf(rest, timestamp !== null), level: level?.[1]?.toUpperCase() ?? null };
}

function threadOf(rest: string, hasTimestamp: boolean): string | null {
  const inThread = IN_THREAD.exec(rest);
  if (inThread?.[1]) return inThread[1];
  if (!hasTimestamp) return null;
  // Spring Boot: `ERROR 1 --- [app] [ctor-http-nio-4] o.s.c…`: the thread is the last bracket after `---`.
  const dashes = rest.indexOf(' --- [');
  if (dashes >= 0) {
    let last: string | null = null;
    let m: RegExpExecArray | null;
    const re = /^\s*\[([^[\]]{1,160})\]/;
    let s = rest.slice(dashes + 4);
    for (let i = 0; i < 3; i++) {
      m = re.exec(s);
      if (!m?.[1]) break;
      const v = m[1].trim();
      if (!CORRELATION.test(v)) last = v;
      s = s.slice(m[0].length);
    }
    if (last) return last;
  }
  BRACKETS.lastIndex = 0;
  for (let m = BRACKETS.exec(rest); m; m = BRACKETS.exec(rest)) {
    const v = (m[1] ?? '').trim();
    if (v === '' || LEVELS.has(v.toUpperCase()) || /^\d+$/.test(v) || v.endsWith(':')) continue;
    return v;
  }
  return null;
}
