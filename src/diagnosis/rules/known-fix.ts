import { knownReleases } from '../../core/netty-lines.ts';
import type { BugCause, Cause, FrameworkDef, KnownBug } from '../../core/types.ts';
import { compareNumbers, describeRange, satisfies, versionNumbers } from '../../core/version-range.ts';
import type { Facts } from '../facts.ts';
import { defineRule, type Found, type Rule } from '../rule.ts';

/**
 * "Fixed in X; you run Y": the paste shows a product's version (a jar, a dependency, the prose,
 * Netty's line numbers) inside the affected range of one of its known bugs in the catalogue, and,
 * when the bug lives on one code path, its frames or leak records show that path. The maintainers
 * of BookKeeper, Armeria, Reactor Netty and Netty closed such reports with "upgrade". Without a
 * version nothing is claimed: a bug whose path shows only asks which version runs.
 */

/** The cause each kind of bug supports. */
const SUPPORTS: Record<BugCause, Cause> = {
  leak: 'leak-unreleased-bytebuf',
  defect: 'jdk-or-netty-bug',
  regression: 'jdk-or-netty-bug',
  backpressure: 'slow-consumer-backpressure',
  config: 'undersized-limit',
  allocator: 'allocator-config',
};

/** A product's version as the paste shows it: one version, or the releases its line numbers fit. */
interface Running {
  def: FrameworkDef;
  shown: string;
  where: string;
  candidates: string[];
}

/** The versions the paste shows: a product's own, and Netty's from its jar, the prose or line numbers. */
function versionsShown(f: Facts): Running[] {
  const s = f.summary;
  const out: Running[] = [];
  for (const def of f.catalogue) {
    const seen = s.productVersions?.[def.id];
    if (def.id === 'netty' && s.nettyVersion) {
      out.push({
        def,
        shown: s.nettyVersion,
        where: seen?.evidence ?? s.nettyVersion,
        candidates: [s.nettyVersion],
      });
    } else if (seen) {
      out.push({ def, shown: seen.version, where: seen.evidence, candidates: [seen.version] });
    } else if (def.id === 'netty' && s.nettyVersionRange) {
      const { range, evidence } = s.nettyVersionRange;
      const candidates = knownReleases((v) => satisfies(v, range));
      if (candidates.length > 0) out.push({ def, shown: describeRange(range), where: evidence, candidates });
    }
  }
  return out;
}

/** The first of a bug's signatures found in a frame, as `Class.method` between dots and a bracket. */
function signatureSeen(bug: KnownBug, frames: string[]): string | null {
  for (const sig of bug.signature ?? []) {
    for (const frame of frames) {
      const at = frame.indexOf(sig);
      if (at < 0) continue;
      const before = at === 0 ? '.' : frame.charAt(at - 1);
      const after = frame.charAt(at + sig.length);
      if ('.$'.includes(before) && '.$('.includes(after)) return sig;
    }
  }
  return null;
}

/** The fixed version a user of `candidates` upgrades to: the first above all of them. */
function fixFor(bug: KnownBug, candidates: string[]): string {
  const newest = candidates
    .map(versionNumbers)
    .reduce<number[]>((a, b) => (b && compareNumbers(b, a) > 0 ? b : a), []);
  return bug.fixed.find((v) => compareNumbers(versionNumbers(v) ?? [], newest) > 0) ?? bug.fixed.at(-1) ?? '';
}

/** What the rules of one cause say, worked out once per report for every cause. */
interface Matches {
  onPath: Map<Cause, Found>;
  plain: Map<Cause, Found>;
  unknownVersion: Map<Cause, Found>;
}

const matched = new WeakMap<Facts, Matches>();

/** The bugs each rule names for this report, found once for all of them. */
function matchesOf(f: Facts): Matches {
  const hit = matched.get(f);
  if (hit) return hit;
  const m: Matches = { onPath: new Map(), plain: new Map(), unknownVersion: new Map() };
  const running = versionsShown(f);
  // The first bug of each cause, in catalogue order, wins: a product lists its main bug first.
  for (const { def, shown, where, candidates } of running) {
    for (const bug of f.knownBugs[def.id] ?? []) {
      const cause = SUPPORTS[bug.cause];
      const into = bug.signature ? m.onPath : m.plain;
      if (into.has(cause) || !candidates.every((v) => satisfies(v, bug.affects))) continue;
      const path = bug.signature ? signatureSeen(bug, f.allFrames) : '';
      if (path === null) continue;
      const fixed = fixFor(bug, candidates);
      into.set(cause, {
        product: def.name,
        version: shown,
        where,
        fixed,
        source: bug.source,
        title: bug.title,
        path,
      });
    }
  }
  // A product seen without its version: a bug whose path shows only asks for the version.
  const versioned = new Set(running.map((r) => r.def.id));
  const present = new Set([...f.summary.frameworks.map((p) => p.id), 'netty']);
  for (const def of f.catalogue) {
    if (versioned.has(def.id) || !present.has(def.id)) continue;
    for (const bug of f.knownBugs[def.id] ?? []) {
      const cause = SUPPORTS[bug.cause];
      const path = m.unknownVersion.has(cause) ? null : signatureSeen(bug, f.allFrames);
      if (path)
        m.unknownVersion.set(cause, {
          product: def.name,
          path,
          title: bug.title,
          fixed: bug.fixed.join(', '),
          source: bug.source,
        });
    }
  }
  matched.set(f, m);
  return m;
}

const CAUSES = [...new Set(Object.values(SUPPORTS))];

/**
 * Three rules per cause: a version in range with the bug's path seen (strong), a version in range
 * of a bug with no path to see (moderate), the path seen with no version shown (weak, a question).
 */
const rules: Rule[] = CAUSES.flatMap((cause) => [
  defineRule({
    id: `known-fix-on-path:${cause}`,
    scenario: cause,
    supports: 'strong',
    when: (f) => matchesOf(f).onPath.get(cause) ?? null,
    evidence: {
      en: 'Fixed in {fixed} ({source}); you run {product} {version} ({where}), and the trace passes through {path}: {title}',
      zh: '已在 {fixed} 修复（{source}）；你运行的是 {product} {version}（{where}），且调用栈经过 {path}：{title}',
    },
    source: 'https://github.com/line/armeria/issues/5180',
  }),
  defineRule({
    id: `known-fix:${cause}`,
    scenario: cause,
    supports: 'moderate',
    when: (f) => matchesOf(f).plain.get(cause) ?? null,
    evidence: {
      en: 'Fixed in {fixed} ({source}); you run {product} {version} ({where}): {title}',
      zh: '已在 {fixed} 修复（{source}）；你运行的是 {product} {version}（{where}）：{title}',
    },
    source: 'https://github.com/apache/bookkeeper/issues/4134',
  }),
  defineRule({
    id: `known-fix-version-unknown:${cause}`,
    scenario: cause,
    supports: 'weak',
    when: (f) => matchesOf(f).unknownVersion.get(cause) ?? null,
    evidence: {
      en: 'The trace passes through {path}, where {product} had a known bug fixed in {fixed} ({source}): {title}. Which {product} version runs?',
      zh: '调用栈经过 {path}，{product} 在此处有已知问题，已在 {fixed} 修复（{source}）：{title}。运行的 {product} 是哪个版本？',
    },
    source: 'https://github.com/spring-cloud/spring-cloud-gateway/issues/1866',
  }),
]);

export default rules;
