/** Log record headers: when it happened and on which thread, in the layouts real logs use. */

export interface Header {
  /** `2019-10-29T11:10:49.730`, or the time alone (`16:17:09.780`) when the log has no date. */
  timestamp: string | null;
  thread: string | null;
  /** `ERROR`, `WARN`, `INFO`…: a record logged at INFO does not own the exception printed after it. */
  level: string | null;
}

// `ERROR 2020-07-02 18:56:02,131 [main]` (log4j `%-5p %d`), `[ERROR] 2024-01-02 10:00:00.123 [main]`,
// `E 2019-09-09T10:04:18,667`, `|LOG_LINE| 2023-…`
const LEAD =
  /^(?:\[?(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|SEVERE|[TDIWEF])\]?|\|[\w-]{1,20}\|) {1,8}(?=\[?\d)/;
// `2019-10-29 11:10:49.730`, `2021-06-17 11:02:11,540`, `2024-05-17T10:00:00.123Z`, `[2024/01/02 10:00:00]`,
// `2023-05-31 22:57:55:286` (millis after a colon)
const DATE_TIME =
  /^\[?(\d{4})[-/](\d{2})[-/](\d{2})[T ](\d{2}:\d{2}:\d{2})(?:[.,:](\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?\]?/;
// `16/09/05 08:21:56.758` (log4j `yy/MM/dd HH:mm:ss.SSS`, Spark's default)
// `[19/09/24 10:00:00:123 CST]` (Dubbo's log4j `[%d{dd/MM/yy HH:mm:ss:SSS z}]`, read in the same order)
const SHORT_DATE_TIME =
  /^\[?(\d{2})\/(\d{2})\/(\d{2}) (\d{2}:\d{2}:\d{2})(?:[.,:](\d{1,9}))?(?: [A-Z]{2,5})?\]?/;
// `[01/10/2017 15:21:02.070]` (Akka's `[MM/dd/yyyy HH:mm:ss.SSS]`; a day over 12 first is `dd/MM/yyyy`)
const SLASH_DATE_TIME = /^\[?(\d{2})\/(\d{2})\/(\d{4}) (\d{2}:\d{2}:\d{2})(?:[.,:](\d{1,9}))?\]?/;
// `Jan 21, 2019 1:09:40 PM` (java.util.logging), `August 12, 2019 15:06:07296` (a date written out)
const WRITTEN_DATE =
  /^([A-Z][a-z]{2,8})\.? (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2}):(\d{2})\d{0,9}(?:[.,]\d{1,9})?(?: ?([AP]M)\b)?/;
// `16:17:09.780` (logback's default pattern)
const TIME = /^\[?(\d{2}:\d{2}:\d{2})[.,](\d{1,9})\]?/;
// `W 1101 14:10:26.714 UTC THREAD42: ` (finagle / linkerd: level, MMdd, time, zone, thread)
const FINAGLE = /^([DIWEF]) \d{4} (\d{2}:\d{2}:\d{2}\.\d{3}) [A-Z]{2,5} ([^\s:]{1,160}): /;
// What a bracket holds: any text but brackets; masking's markers have none, so a masked address
// stays inside its thread's name (`[Redisx-FromEventLoop-‹ip›:6379-1]`).
const INSIDE = '[^[\\]]{1,160}';
// `[reactor-http-epoll-8]`
const BRACKETS = new RegExp(`\\[(${INSIDE})\\]`, 'g');
// `[664f2a1be1b94ad6c4a2b0f1e7d3a9c5-c4a2b0f1e7d3a9c5]`: the trace Spring Boot 3.2+ prints after the thread
// (blank outside a trace), not a thread
const CORRELATION = /^(?:[\da-f]{32}-[\da-f]{16})?$/;
// `Exception in thread "main"`
const IN_THREAD = /Exception in thread "([^"]{1,160})"/;
const LEVEL = /(?:^|[\s[|])(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|SEVERE)(?=[\s\]|:])/i;
// `| ERROR | ult-dispatcher-3 | ` (Karaf / pipe-separated layouts: the cell after the level)
const PIPE_CELLS =
  /^ {0,4}\| {0,4}(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|SEVERE) {0,8}\| {0,4}([^|]{1,160})\|/i;
// One header token: a bracket, a parenthesis, or a word.
const TOKEN = new RegExp(`\\s{0,40}(\\[(?:${INSIDE})?\\]|\\([^()]{0,160}\\)|[^\\s[(]{1,200})`, 'y');
// `org.infinispan.server.hotrod.CacheDecodeContext`, `c.a.g.t.FrameDecoder`, `scheduler.TaskSetManager:`, `Foo:181`,
// a category that is a package (`io.undertow.request`)
const LOGGER =
  /^(?:[a-z_][\w$]{0,60}\.){1,15}[A-Z][\w$]{0,80}(?::\d{1,6})?:?$|^[a-z_][\w$]{0,60}(?:\.[a-z_][\w$]{0,60}){2,12}$|:$/;
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
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Read a header from the start of a line; fields are null when the line does not show them. */
export function parseHeader(line: string): Header {
  let head = line.length > 400 ? line.slice(0, 400) : line;
  const finagle = FINAGLE.exec(head);
  if (finagle)
    return { timestamp: finagle[2] ?? null, thread: finagle[3] ?? null, level: letterLevel(finagle[1]) };
  let leadLevel: string | null = null;
  const lead = LEAD.exec(head);
  if (lead) {
    leadLevel = lead[1] ? (letterLevel(lead[1]) ?? lead[1].toUpperCase()) : null;
    head = head.slice(lead[0].length);
  }
  const stamp = timestampOf(head);
  if (!stamp && lead) head = line.length > 400 ? line.slice(0, 400) : line;
  const rest = stamp ? head.slice(stamp.length) : head;
  const timestamp = stamp?.timestamp ?? null;
  const level = LEVEL.exec(rest.slice(0, 160));
  return {
    timestamp,
    thread: threadOf(rest, timestamp !== null),
    level: (stamp ? leadLevel : null) ?? level?.[1]?.toUpperCase() ?? null,
  };
}

function letterLevel(letter: string | undefined): string | null {
  const levels: Record<string, string> = {
    T: 'TRACE',
    D: 'DEBUG',
    I: 'INFO',
    W: 'WARN',
    E: 'ERROR',
    F: 'FATAL',
  };
  return letter ? (levels[letter] ?? null) : null;
}

function timestampOf(head: string): { timestamp: string; length: number } | null {
  const dt = DATE_TIME.exec(head);
  if (dt) {
    const ts = `${dt[1]}-${dt[2]}-${dt[3]}T${dt[4]}${dt[5] ? `.${dt[5]}` : ''}${dt[6] ?? ''}`;
    return { timestamp: ts, length: dt[0].length };
  }
  const short = SHORT_DATE_TIME.exec(head);
  if (short) {
    const ts = `20${short[1]}-${short[2]}-${short[3]}T${short[4]}${short[5] ? `.${short[5]}` : ''}`;
    return { timestamp: ts, length: short[0].length };
  }
  const slash = SLASH_DATE_TIME.exec(head);
  if (slash) {
    const [month, day] = Number(slash[1]) > 12 ? [slash[2], slash[1]] : [slash[1], slash[2]];
    const ts = `${slash[3]}-${month}-${day}T${slash[4]}${slash[5] ? `.${slash[5]}` : ''}`;
    return { timestamp: ts, length: slash[0].length };
  }
  const written = WRITTEN_DATE.exec(head);
  const month = MONTHS.indexOf((written?.[1] ?? '').slice(0, 3).toLowerCase());
  if (written && month >= 0) {
    let hour = Number(written[4]);
    if (written[7] === 'PM' && hour < 12) hour += 12;
    if (written[7] === 'AM' && hour === 12) hour = 0;
    const ts = `${written[3]}-${pad(month + 1)}-${pad(Number(written[2]))}T${pad(hour)}:${written[5]}:${written[6]}`;
    return { timestamp: ts, length: written[0].length };
  }
  const t = TIME.exec(head);
  if (t) return { timestamp: `${t[1]}.${t[2]}`, length: t[0].length };
  return null;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function threadOf(rest: string, hasTimestamp: boolean): string | null {
  const inThread = IN_THREAD.exec(rest);
  if (inThread?.[1]) return inThread[1];
  const springBoot = springBootThread(rest);
  if (springBoot) return springBoot;
  const pipe = PIPE_CELLS.exec(rest);
  const cell = pipe?.[1]
    ?.trim()
    .replace(/^\[(.*)\]$/, '$1')
    .trim();
  if (cell) return cell;
  const fromTokens = headerTokenThread(rest);
  if (fromTokens !== undefined) return fromTokens;
  if (!hasTimestamp) return null;
  BRACKETS.lastIndex = 0;
  for (let m = BRACKETS.exec(rest); m; m = BRACKETS.exec(rest)) {
    const v = (m[1] ?? '').trim();
    // `[req=null firm=null]`: a diagnostic context's keys, not a thread
    if (isThreadBracket(v) && !v.includes('=')) return v;
  }
  return null;
}

/** Spring Boot: `ERROR 1 --- [app] [ctor-http-nio-4] o.s.c…`: the thread is the last bracket after `---`. */
function springBootThread(rest: string): string | null {
  const dashes = rest.indexOf(' --- [');
  if (dashes < 0 || dashes > 60) return null;
  let last: string | null = null;
  const re = new RegExp(`^\\s*\\[(${INSIDE})\\]`);
  let s = rest.slice(dashes + 4);
  for (let i = 0; i < 3; i++) {
    const m = re.exec(s);
    if (!m?.[1]) break;
    const v = m[1].trim();
    if (!CORRELATION.test(v)) last = v;
    s = s.slice(m[0].length);
  }
  return last;
}

function isThreadBracket(v: string): boolean {
  // `[myid:1]`: a diagnostic context's key and value (ZooKeeper), not a thread
  const context = v === 'ip' || v === 'email' || /^[a-z]{1,20}:/.test(v);
  return !(v === '' || context || LEVELS.has(v.toUpperCase()) || /^\d+$/.test(v) || v.endsWith(':'));
}

/** t d i w e f s n c, and a blank: what a level token starts with once lower-cased. */
const LEVEL_INITIALS = new Set([...'tdiwefsnc '].map((c) => c.charCodeAt(0)));

/** `ERROR`, `[WARN]`, `INFO:`: a header token naming a level. */
function isLevel(token: string): boolean {
  // The longest, `[CRITICAL]:`, with room for blanks inside its brackets.
  if (token.length > 20) return false;
  // One `[` off the front, one `]` or `:` off the end.
  const from = token.startsWith('[') ? 1 : 0;
  // Every level starts with one of these letters (or a blank inside its bracket).
  if (!LEVEL_INITIALS.has(token.charCodeAt(from) | 0x20)) return false;
  const last = token.charCodeAt(token.length - 1);
  const to = last === 93 || last === 58 ? token.length - 1 : token.length;
  return LEVELS.has(token.slice(from, Math.max(from, to)).trim().toUpperCase());
}

/**
 * The thread among the first tokens of a header, up to the logger: a bracket that is neither level,
 * pid nor logger (`[reactor-http-nio-1]`), a parenthesis after the category (JBoss:
 * `ERROR [org.infinispan…] (HotRodServerWorker-43)`), or a bare word beside the level with a logger
 * after it (`WARN GcmChannelsPerAppEVG-1-2 channel.DefaultChannelPipeline:181`,
 * `shuffle-server-593-8 WARN TransportChannelHandler:`). `null`: the header shows no thread there;
 * `undefined`: these tokens are not a header.
 */
function headerTokenThread(rest: string): string | null | undefined {
  const tokens: string[] = [];
  let levelAt = -1;
  TOKEN.lastIndex = 0;
  for (let i = 0; i < 6; i++) {
    // The level is among the first three tokens, or these tokens are not a header.
    if (i === 3 && levelAt < 0) return undefined;
    const m = TOKEN.exec(rest);
    if (!m?.[1]) break;
    tokens.push(m[1]);
    if (levelAt < 0 && isLevel(m[1])) levelAt = i;
  }
  if (levelAt < 0) return undefined;
  let loggerSeen = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (i === levelAt) continue;
    if (t.startsWith('[')) {
      // ZooKeeper: `[nioEventLoopGroup-4-1:NettyServerCnxnFactory$CnxnChannelHandler@145]`, thread:class@line
      const v = t
        .slice(1, -1)
        .trim()
        .replace(/:[A-Z][\w$]{0,80}@\d{1,6}$/, '');
      // After the logger comes the message or a node name (`[o.e.t.TcpTransport] [node-1]`), not the thread.
      if (LOGGER.test(v)) loggerSeen = true;
      else if (!loggerSeen && isThreadBracket(v) && !v.includes('=')) return v;
      continue;
    }
    if (t.startsWith('(')) {
      // JBoss, WildFly, Quarkus: `ERROR [category] (default task-1)`.
      const v = t.slice(1, -1).trim();
      return i > levelAt && tokens[i - 1]?.startsWith('[') && v !== '' ? v : null;
    }
    if (/^\d+$/.test(t) || t === '-' || t === '|') continue;
    // A bare word is the thread only right beside the level, with a logger or a separator after it;
    // others before the level name the application or host (`09:10:51.198 car-trace-logging [main] ERROR`).
    const beside = i === levelAt - 1 || i === levelAt + 1;
    const next = i === levelAt - 1 ? tokens[i + 2] : tokens[i + 1];
    if (beside && !LOGGER.test(t) && next !== undefined && (LOGGER.test(next) || next === '-')) return t;
    if (i > levelAt) return null;
  }
  return null;
}
