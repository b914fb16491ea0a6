/**
 * Scoring of the analyzer against the labelled corpus (test/fixtures/corpus): a label and a report
 * in, one check per scored field out. Pure, so the floor test and `npm run eval` share every rule.
 * The rules are those of the corpus's own scorer (score.mjs beside the shared corpus), field for
 * field and message for message, so the two tables can be compared line by line.
 */
import type { FrameworkHit, Report } from '../src/core/types.ts';

/** A case's label, as its `<id>.json` has it. */
export interface Label {
  source: string;
  kind: string;
  requested?: number | null;
  used?: number | null;
  max?: number | null;
  /** `["numbers"]`: the paste holds several events, so no single number is right. */
  skip?: string[];
  framework?: string;
  /** Overrides the text test of whether the paste itself shows the framework. */
  framework_visible?: boolean;
  shaded_prefix?: string | null;
  netty_version?: string | null;
  transport?: string | null;
  thread?: string | null;
  root_cause_category?: string;
}

/** What the analyzer gave for one case: the report as `analyze --json` prints it, or why it failed. */
export type Outcome = { report: Report } | { error: string };

export interface Check {
  id: string;
  field: string;
  ok: boolean;
  /** Why it is wrong, e.g. `got oodm want cannot_reserve`. */
  detail: string;
  /**
   * Kept out of the table: the corpus's table counts only invented numbers, but the floor must know
   * which cases invented none, or a new invented number could never be a regression.
   */
  quiet?: true;
}

export interface Row {
  field: string;
  ok: number;
  n: number;
  bar: number;
  pass: boolean;
}

/** Per field, the share of right answers the analyzer should reach. */
export const BARS: Record<string, number> = {
  runs: 1,
  detected: 1,
  'no-false-positive': 1,
  kind: 0.98,
  requestedBytes: 0.98,
  usedBytes: 0.98,
  maxBytes: 0.98,
  'no-invented-number': 1,
  framework: 0.95,
  'framework-other': 0.8,
  shadedPrefix: 0.98,
  nettyVersion: 0.95,
  transport: 0.95,
  thread: 0.95,
  'diagnosis-top1': 0.8,
  'playbook-fits': 0.85,
};

// What shows a framework in a paste when its id alone would not (a package, a thread name, a product name).
const EVIDENCE: Record<string, RegExp> = {
  'spring-cloud-gateway': /spring[ -]?cloud[ -]?gateway|cloud\.gateway|\bSCG\b|网关/i,
  'reactor-netty': /reactor\.netty|reactor-http|reactor-tcp|reactor[ -]netty/i,
  'grpc-shaded': /grpc\.netty\.shaded/i,
  grpc: /grpc/i,
  pulsar: /pulsar|bookkeeper|bookie/i,
  vertx: /vertx|vert\.x/i,
  netty: /netty/i,
};

/**
 * Whether the paste itself shows the labelled framework: a label taken from the repository the
 * paste came from is not visible to a reader, so it is not scored.
 */
export function frameworkVisible(framework: string | undefined, text: string): boolean {
  if (!framework || framework === 'unknown') return false;
  const key = framework.startsWith('other:') ? framework.slice(6) : framework;
  const re =
    EVIDENCE[framework] ??
    new RegExp(key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/-/g, '[ .-]?'), 'i');
  return re.test(text);
}

type NumberField = 'requestedBytes' | 'usedBytes' | 'maxBytes';

/** Every check one case earns: `text` is the paste, for the framework-visibility rule. */
export function scoreCase(id: string, label: Label, text: string, outcome: Outcome): Check[] {
  const checks: Check[] = [];
  const score = (field: string, ok: boolean, detail = '') => checks.push({ id, field, ok, detail });
  if ('error' in outcome) {
    score('runs', false, outcome.error);
    return checks;
  }
  score('runs', true);
  const rep = outcome.report;
  const s = rep.summary;
  if (label.kind === 'negative') {
    score('no-false-positive', rep.detected === false, `detected=${rep.detected}`);
    return checks;
  }
  score('detected', rep.detected === true, `detected=${rep.detected}`);
  score('kind', s.kind === label.kind, `got ${s.kind} want ${label.kind}`);
  const numbers: [NumberField, number | null | undefined][] = (label.skip ?? []).includes('numbers')
    ? []
    : [
        ['requestedBytes', label.requested],
        ['usedBytes', label.used],
        ['maxBytes', label.max],
      ];
  let invented = 0;
  for (const [k, want] of numbers) {
    if (want === null || want === undefined) {
      if (s[k] != null) {
        invented++;
        score('no-invented-number', false, `${k}=${s[k]} but the trace shows none`);
      }
      continue;
    }
    score(k, s[k] === want, `got ${s[k]} want ${want}`);
  }
  if (invented === 0 && numbers.some(([, want]) => want == null))
    checks.push({ id, field: 'no-invented-number', ok: true, detail: '', quiet: true });
  // A product's display name counts as well as its id, as it does in the corpus's scorer.
  const hits: FrameworkHit[] = s.frameworks;
  const ids = hits.map((x) => x.id);
  const names = hits.map((x) => `${x.id} ${x.name || ''}`.toLowerCase());
  const fw = label.framework;
  if (fw && fw !== 'unknown' && (label.framework_visible ?? frameworkVisible(fw, text))) {
    if (fw === 'grpc-shaded')
      score(
        'framework',
        ids.includes('grpc') && /io\.grpc\.netty\.shaded/.test(s.shadedPrefix || ''),
        `got [${ids}] prefix=${s.shadedPrefix}`,
      );
    else if (fw.startsWith('other:'))
      score(
        'framework-other',
        names.some((n) => n.includes(fw.slice(6))),
        `got [${ids}] want ${fw}`,
      );
    else score('framework', ids.includes(fw), `got [${ids}] want ${fw}`);
  }
  if (label.shaded_prefix !== undefined)
    score(
      'shadedPrefix',
      (s.shadedPrefix || null) === (label.shaded_prefix || null),
      `got ${s.shadedPrefix} want ${label.shaded_prefix}`,
    );
  if (label.netty_version)
    score(
      'nettyVersion',
      s.nettyVersion === label.netty_version,
      `got ${s.nettyVersion} want ${label.netty_version}`,
    );
  if (label.transport)
    score('transport', s.transport === label.transport, `got ${s.transport} want ${label.transport}`);
  // Compared as the label has it, like the shared scorer: a thread name holding an address is
  // masked in the answer, so it counts as a miss here although the name was read.
  const thread = label.thread ?? null;
  if (thread) score('thread', (s.threads || []).includes(thread), `got [${s.threads}] want ${thread}`);
  const cat = label.root_cause_category;
  if (cat && cat !== 'unknown') {
    const top = rep.findings[0]?.scenario;
    score('diagnosis-top1', top === cat, `got ${top} want ${cat}`);
    const pb: string[] = rep.playbook?.scenarios ?? [];
    score('playbook-fits', pb.includes(cat), `playbook ${rep.playbook?.id} [${pb}] want ${cat}`);
  }
  return checks;
}

/** Right answers per field, fields in the order they first appear (the corpus scorer's order). */
export function tabulate(checks: Check[]): Row[] {
  const rows = new Map<string, Row>();
  for (const c of checks) {
    if (c.quiet) continue;
    const bar = BARS[c.field] ?? 1;
    const row = rows.get(c.field) ?? { field: c.field, ok: 0, n: 0, bar, pass: true };
    row.n++;
    if (c.ok) row.ok++;
    row.pass = row.ok / row.n >= bar;
    rows.set(c.field, row);
  }
  return [...rows.values()];
}

/** The table as the corpus scorer prints it, a line per field. */
export function formatRows(rows: Row[]): string[] {
  return rows.map((r) => {
    const pct = ((r.ok / r.n) * 100).toFixed(0).padStart(3);
    const count = `${String(r.ok).padStart(3)}/${String(r.n).padEnd(3)}`;
    return `${r.pass ? 'ok  ' : 'SHORT'} ${r.field.padEnd(20)} ${count} ${pct}%  (bar ${(r.bar * 100).toFixed(0)}%)`;
  });
}

/** `pNNN field: got … want …`, one line per wrong check. */
export function formatMiss(c: Check): string {
  return `${c.id} ${c.field}: ${c.detail}`;
}

/** The last line: every check, and how many fields fall short of their bar. */
export function summaryLine(rows: Row[]): string {
  const ok = rows.reduce((a, r) => a + r.ok, 0);
  const n = rows.reduce((a, r) => a + r.n, 0);
  return `eval: ${ok}/${n} checks right, ${rows.filter((r) => !r.pass).length} fields short of their bar`;
}

/** Per field, the cases scored right: what floor.json keeps. */
export type Floor = Record<string, string[]>;

/** The floor the checks reach: per field, the sorted ids of the cases that are right. */
export function floorOf(checks: Check[]): Floor {
  const floor: Floor = {};
  for (const [field, cases] of byCase(checks))
    floor[field] = [...cases.values()]
      .filter((c) => c.ok)
      .map((c) => c.id)
      .sort();
  return floor;
}

/** Per field, per case, one verdict: right only when every check of the case for that field is. */
function byCase(checks: Check[]): Map<string, Map<string, Check>> {
  const fields = new Map<string, Map<string, Check>>();
  for (const c of checks) {
    const cases = fields.get(c.field) ?? new Map<string, Check>();
    const seen = cases.get(c.id);
    if (!seen || (seen.ok && !c.ok)) cases.set(c.id, c);
    fields.set(c.field, cases);
  }
  return fields;
}

export interface Regression {
  field: string;
  /** Right answers now, and in the floor. */
  right: number;
  floor: number;
  /** The floor's cases that are no longer right, with what they got (`not scored` when absent). */
  worse: { id: string; detail: string }[];
}

/**
 * The fields where a case right in the floor is no longer right, even when the count still holds
 * because another case got fixed.
 */
export function regressions(floor: Floor, checks: Check[]): Regression[] {
  const byField = byCase(checks);
  const out: Regression[] = [];
  for (const [field, ids] of Object.entries(floor)) {
    const now = byField.get(field) ?? new Map<string, Check>();
    const worse = ids
      .filter((id) => !now.get(id)?.ok)
      .map((id) => ({ id, detail: now.get(id)?.detail ?? 'not scored' }));
    const right = [...now.values()].filter((c) => c.ok).length;
    if (worse.length > 0 || right < ids.length) out.push({ field, right, floor: ids.length, worse });
  }
  return out;
}
