/**
 * What log platforms and viewers put in front of every line they show (journald, Heroku, Cloud
 * Foundry, pm2, docker compose, kubectl, Jenkins, Dropwizard, log-viewer tables, terminal colours):
 * taken off so the record's own header, frame or exception starts the line. Small ordered parsers,
 * each for one layout; every quantifier is bounded and lines are cut before they get here.
 */

// `[pod/gateway-7d9f8b6c5-x2kqp/gateway] ` (kubectl logs --prefix)
const KUBECTL = /^\[pod\/[^\]\s]{1,300}\] /;
// `gateway-1  | `, `pipeline-controller  | ` (docker compose: the container or service name, padded)
const COMPOSE = /^([\w.-]{1,80}) {1,30}\| ?/;
// `Jun 17 11:02:11 app-7 java[2231]: ` (syslog, journalctl's short output)
export const SYSLOG =
  /^[A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}:\d{2} [\w.-]{1,255} [\w./-]{1,128}(?:\[\d{1,10}\])?: /;
// `linkerd[2410]: ` (journald's identifier and pid, date and host cut off the copy)
// `2016-08-03T09:02:49.465871+00:00 app[web.1]: ` (Heroku's log drain: source and dyno)
const IDENT =
  /^(?:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2}) )?[\w.@/-]{1,64}\[[\w.-]{1,32}\]:(?: |$)/;
// `2015-10-18T10:28:45.12+0100 [App/0]      OUT `, `   2017-11-14T12:16:41.66+0530 [APP/PROC/WEB/0] ERR `
// (`cf logs`: timestamp, origin, stream; Diego names an app's origin `APP/PROC/WEB/0`, the router `RTR/0`)
const CLOUD_FOUNDRY =
  /^ {0,4}\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2}) {1,4}\[[\w-]{1,32}(?:\/[\w.-]{1,32}){1,4}\] {1,20}(?:OUT|ERR)(?: |$)/;
// `1|java -ja | ` (pm2 logs: the app id and its name cut to the column)
const PM2 = /^\d{1,4}\|[^|]{1,40}\|(?: |$)/;
// What starts a line of the record itself: its own date or time (`2024-03-01 10:00:00`,
// `10:00:00.123`, `16/09/05 08:21:56`, `W 1101 14:10:26`, `Aug 12, 2019 3:06:07`, `Jun 17 11:02:11`,
// `ERROR 2024-…`), a frame, a cause, an exception class, a leak report's lines, or nothing (a blank
// line). A time a tool put before one of these is the tool's; before anything else it may be the
// record's own header.
const RECORD_START = String.raw`(?=\[?\d{4}-\d{2}-\d{2}|\d{2}:\d{2}:\d{2}[.,]\d|\[?\d{2}\/\d{2}\/\d{2,4} \d{2}:\d{2}|[DIWEF] \d{4} \d{2}:\d{2}|[A-Z][a-z]{2,8}\.? {1,2}\d{1,2},? (?:\d{4},? )?\d{1,2}:\d{2}|(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL) {1,8}\[?\d|\t|\s{0,8}at |\s{0,8}Caused by|\s{0,8}\.\.\. |[a-z][\w$]{0,60}\.[\w$]{1,60}\.|Exception in thread |LEAK: |Created at:|Recent access records:|#\d{1,4}:|$)`;
// Jenkins Timestamper: `[2020-04-29T13:03:20.725Z] `, the UTC time it writes into a Pipeline's log
// text before every line; `15:30:51 `, the time its console shows, taken off only before the record.
const JENKINS_TIME = new RegExp(
  String.raw`^(?:\[\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\] |\d{2}:\d{2}:\d{2} ${RECORD_START})`,
);
// `2014-09-16T06:17:46.000000000Z ` (`docker logs --timestamps`, `kubectl logs --timestamps`: RFC 3339
// with nanoseconds). Java loggers print milliseconds, at most microseconds: a finer time is the
// runtime's on every line, continuation lines too; a coarser one, only before the record. The CRI
// form (`… stderr F `) is containerd's, read with its partial lines by the normalizer.
const CONTAINER_TIME = new RegExp(
  String.raw`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.(?:\d{7,9}(?:Z|[+-]\d{2}:\d{2}) (?!(?:stdout|stderr) [FP] )|\d{1,6}(?:Z|[+-]\d{2}:\d{2}) ${RECORD_START})`,
);
// `grep -n`, `grep -rn`, `grep -A3` output: `12345:`, `logs/app.log:12345:`, `app.log-12346-` (a context
// line), `/var/log/app/gateway.log:` (`grep -r`), before the record, an indented line of it, or what
// another platform wrapped it in (a Docker JSON line, a journald identifier, a Jenkins time, a table)
const GREP = new RegExp(
  String.raw`^(?:(?:[\w.-]{0,200}\/){0,20}[\w.-]{1,200}\.(?:log|txt|out|err|json)(?:\.\d{1,3})?[:-](?:\d{1,10}[:-])?|\d{1,10}[:-])(?:${RECORD_START}|(?=\s|[[{|]|\d{2}:\d{2}:\d{2} |[\w.@/-]{1,64}\[[\w.-]{1,32}\]:))`,
);
// `! at io.grpc.internal.ServerCallImpl.sendMessage(…)`, `! java.lang.RuntimeException: …` (Dropwizard)
const DROPWIZARD = /^! (?=at |Caused by: |Suppressed: |\.\.\. \d|[a-z][\w$]{0,60}\.)/;
// `  |   | 2020-12-24 15:18:48 | ` (a table copied from a log viewer: empty cells, then the time)
const VIEWER_TABLE =
  /^ {0,8}(?:\| {0,8}){1,4}\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})? {0,4}\|(?: |$)/;
// `\x1b[0m`, and `[0m` when the escape byte was lost on the way (terminal colours)
const ANSI = new RegExp(`${String.fromCharCode(27)}?\\[\\d{1,3}(?:;\\d{1,3}){0,4}m`, 'g');
const LEVEL_WORD = /^(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|SEVERE)$/i;

type PrefixParser = (line: string) => number;

function by(re: RegExp): PrefixParser {
  return (line) => re.exec(line)?.[0].length ?? 0;
}

const PARSERS: PrefixParser[] = [
  (line) => (line.startsWith('[pod/') ? by(KUBECTL)(line) : 0),
  by(SYSLOG),
  by(CLOUD_FOUNDRY),
  by(IDENT),
  by(PM2),
  by(VIEWER_TABLE),
  (line) => {
    // A level in a pipe-separated layout (`ERROR | main | …`) is the record's own, not a service.
    const m = COMPOSE.exec(line);
    return m?.[1] && !LEVEL_WORD.test(m[1]) && !/^\d+$/.test(m[1]) ? m[0].length : 0;
  },
  by(JENKINS_TIME),
  by(CONTAINER_TIME),
  by(DROPWIZARD),
  by(GREP),
];

/** The line without the prefixes its platform added (a CI time before a container name, say). */
export function stripPlatformPrefix(input: string): string {
  return splitPlatformPrefix(input).text;
}

/** The prefixes a platform added (`linkerd[2410]: `: they may name the service), and the line after them. */
export function splitPlatformPrefix(input: string): { prefix: string; text: string } {
  let text = input;
  if (text.includes('[') && text.includes('m')) text = text.replace(ANSI, '');
  let prefix = '';
  for (let round = 0; round < 3; round++) {
    let cut = 0;
    for (const parse of PARSERS) {
      cut = parse(text);
      if (cut > 0) break;
    }
    if (cut === 0) break;
    prefix += text.slice(0, cut);
    text = text.slice(cut);
  }
  return { prefix, text };
}
