/**
 * The versions of the products a paste shows, read where people and builds print them: jar names
 * in frames (`~[armeria-1.25.2.jar:?]`), dependency coordinates (`io.netty:netty-common:4.1.68.Final`),
 * and the prose beside a product's name (`Bookie Version: 4.16.2`, `upgrading … to 2.5.0`).
 */
import type { FrameworkDef, ProductVersion } from './types.ts';
import { satisfies } from './version-range.ts';

/** How much a sighting is worth: a build's own record, then what failed after an upgrade, then a mention. */
const STRENGTH: Record<ProductVersion['from'], number> = { name: 1, upgrade: 2, build: 3 };

const QUALIFIER =
  '(?:[.-](?:final|release|ga|snapshot|alpha\\d{0,3}|beta\\d{0,3}|m\\d{1,3}|rc\\d{1,3}|cr\\d{1,3}|sr\\d{1,3}))?';
const NUMBERS = '\\d{1,4}(?:\\.\\d{1,6}){2,3}';
// `4.16.2`, `4.1.7-Final`, `0.7.8.RELEASE`, not `1.8.0_292` nor a part of `10.21.201.38:6379`
const VERSION = new RegExp(`(?<![\\w.-])v?(${NUMBERS}${QUALIFIER})(?![\\w-]|\\.\\d)`, 'gi');
// `armeria-1.25.2`, `netty-transport-native-epoll-4.1.33.Final-linux-x86_64`: an artifact, then its version.
const ARTIFACT_VERSION = new RegExp(
  `^([a-z][\\w.-]{0,120}?)-(\\d{1,4}(?:\\.\\d{1,6}){1,3}${QUALIFIER})(?:-|$)`,
  'i',
);
// What follows a jar's name: `.jar:0.14.0]` (its own version), `.jar!/:4.1.25.Final]`, `.jar:?]`
const JAR_AFTER = /^\.jar(?:!\/)?(?::(\d[\w.-]{0,40}))?/;
// Versions, upgrades and jars looked at in one line: a paste never needs more, a hostile line gets no more.
const PER_LINE = 16;
// `io.netty:netty-common:4.1.68.Final`, `io.netty:netty-common:jar:4.1.68.Final:compile`, `… -> 4.1.70.Final`
const COORDINATE = new RegExp(
  `\\b[a-z][\\w.-]{0,80}:([a-z][\\w.-]{0,80}):(?:jar:)?(${NUMBERS}${QUALIFIER})(?:\\s{0,3}->\\s{0,3}(${NUMBERS}${QUALIFIER}))?`,
  'gi',
);
// `upgrading`, `updated`, `bumped`, `升级`
const UPGRADE_VERB =
  /\b(?:upgrad(?:e|ed|es|ing)|updat(?:e|ed|es|ing)|bump(?:ed|ing)?|migrat(?:e|ed|ing))\b|升级|更新/gi;
// `to 2.5.0`, `to version 4.1.7-Final`, `到 2.5.0`
const TARGET = new RegExp(
  `(?:\\bto|->|→|到|至)\\s{0,3}(?:version\\s{1,3}|v)?(${NUMBERS}${QUALIFIER})(?![\\w-]|\\.\\d)`,
  'i',
);
// What may stand between a name and its version: `Version:`, `版本：`, `v`, `is`.
const BETWEEN = /(?:[\s*_:：=(（"'`]|\bversion\b|\bver\b|版本|\bis\b)+$/i;
// `at io.netty.buffer.PoolArena.allocate(PoolArena.java:214) ~[…]`, a bare frame of a leak record: no prose.
const FRAME_LIKE =
  /^(?:at\s{1,4})?[\w$./<>-]{3,400}\((?:[\w$.-]{1,200}\.\w{1,6}(?::\d{1,7})?|Native Method|Unknown Source)\)/;
// A line that is only a version: the answer to a `Version:` line above it.
const BARE_VERSION = new RegExp(`^v?${NUMBERS}${QUALIFIER}$`, 'i');
const LONGEST_LINE = 2000;

/** Lower-case letters and digits only: `Spring Cloud Gateway`, `**spring-cloud-gateway` → `springcloudgateway`. */
function squash(s: string): string {
  // ASCII punctuation and spaces, and the CJK and full-width ones: what is left are letters and digits.
  return s.toLowerCase().replace(/[^a-z0-9\u00c0-\u2fff\u3040-\ufeff]+/g, '');
}

/** Collects versions line by line; `result()` keeps each product's strongest, first seen. */
/** What a catalogue says about versions, indexed once per catalogue: artifacts, the words that name products, ranges. */
interface VersionIndex {
  exact: Map<string, string>;
  prefixes: [prefix: string, id: string][];
  words: Map<string, string[]>;
  ranges: Map<string, string>;
}

const indexes = new WeakMap<FrameworkDef[], VersionIndex>();

function indexOf(defs: FrameworkDef[]): VersionIndex {
  const cached = indexes.get(defs);
  if (cached) return cached;
  const index: VersionIndex = { exact: new Map(), prefixes: [], words: new Map(), ranges: new Map() };
  for (const d of defs) {
    for (const a of d.artifacts ?? []) {
      if (a.endsWith('*')) index.prefixes.push([a.slice(0, -1), d.id]);
      else index.exact.set(a, d.id);
    }
    const plain = d.name.replace(/\s*\(.*$/, '').replace(/^(?:apache|netflix|twitter)\s+/i, '');
    const words = d.versionWords ?? [d.id, d.name, plain, ...(d.keywords ?? [])];
    for (const w of [...words, ...(d.artifacts ?? []).filter((a) => !a.endsWith('*'))]) {
      const key = squash(w);
      if (key.length < 3) continue;
      const owners = index.words.get(key) ?? [];
      if (!owners.includes(d.id)) index.words.set(key, [...owners, d.id]);
    }
    if (d.versions) index.ranges.set(d.id, d.versions);
  }
  index.prefixes.sort((a, b) => b[0].length - a[0].length);
  indexes.set(defs, index);
  return index;
}

export class VersionReader {
  private readonly exact: ReadonlyMap<string, string>;
  private readonly prefixes: readonly [prefix: string, id: string][];
  private readonly words: ReadonlyMap<string, string[]>;
  private readonly ranges: ReadonlyMap<string, string>;
  private readonly seen = new Map<string, ProductVersion>();
  /** `**Alluxio Version:**` with its number on the next line. */
  private pending: { ids: string[]; evidence: string } | null = null;

  constructor(defs: FrameworkDef[]) {
    ({ exact: this.exact, prefixes: this.prefixes, words: this.words, ranges: this.ranges } = indexOf(defs));
  }

  /** A line as pasted: jar names, which frames carry too; dependencies and prose, which they never do. */
  observe(line: string): void {
    const text = (line.length > LONGEST_LINE ? line.slice(0, LONGEST_LINE) : line).trim();
    if (text === '') return;
    if (text.includes('.jar')) this.readJars(text);
    if (text.includes('(') && FRAME_LIKE.test(text)) return;
    // `io.netty:netty-common`: a letter on each side of a colon, which timestamps and URLs lack.
    if (/[a-z]:[a-z]/i.test(text)) this.readCoordinates(text);
    this.readProse(text);
  }

  /** Each `.jar` and the name before it, walked back to its start, so a long line costs one pass. */
  private readJars(text: string): void {
    let seen = 0;
    for (let end = text.indexOf('.jar'); end > 0 && seen < PER_LINE; end = text.indexOf('.jar', end + 4)) {
      let start = end;
      while (start > 0 && end - start < 160 && isJarNameChar(text.charCodeAt(start - 1))) start--;
      const m = JAR_AFTER.exec(text.slice(end, end + 50));
      if (start < end) this.jar(text.slice(start, end), m?.[1]);
      seen++;
    }
  }

  private readCoordinates(text: string): void {
    COORDINATE.lastIndex = 0;
    for (let m = COORDINATE.exec(text); m; m = COORDINATE.exec(text)) {
      const version = (m[3] ?? m[2]) as string;
      this.note([this.artifactOwner(m[1] as string)], version, m[0], 'build');
    }
  }

  /** Versions beside a product's name, or the one an upgrade went to. */
  private readProse(text: string): void {
    const pending = this.pending;
    this.pending = null;
    const bare = text.trim().replace(/^[*_`]+|[*_`]+$/g, '');
    if (pending && BARE_VERSION.test(bare)) {
      this.note(pending.ids, bare, `${pending.evidence} ${bare}`, 'name');
      return;
    }
    if (!/\d\.\d/.test(text)) {
      this.expectNextLine(text);
      return;
    }
    const taken = this.upgrades(text);
    VERSION.lastIndex = 0;
    let looked = 0;
    for (let m = VERSION.exec(text); m && looked++ < PER_LINE; m = VERSION.exec(text)) {
      if (taken.has(m.index)) continue;
      const from = Math.max(0, m.index - 80);
      const named = this.nameBefore(text.slice(from, m.index));
      if (named)
        this.note(named.ids, m[1] as string, text.slice(from + named.at, m.index + m[0].length), 'name');
    }
  }

  result(): Record<string, ProductVersion> {
    return Object.fromEntries(this.seen);
  }

  private jar(name: string, implementation: string | undefined): void {
    const m = ARTIFACT_VERSION.exec(name);
    // `io.netty-netty-common-4.1.68.Final` (Gradle's cache names): the group goes.
    const artifact = (m?.[1] ?? name).replace(/^[a-z][\w]*(?:\.[\w]+)+-/i, '');
    const version = m?.[2] ?? (implementation && /^\d+\.\d+/.test(implementation) ? implementation : null);
    const evidence = `${name}.jar${implementation ? `:${implementation}` : ''}`;
    if (version) this.note([this.artifactOwner(artifact)], version, evidence, 'build');
  }

  private artifactOwner(artifact: string): string | undefined {
    const a = artifact.toLowerCase();
    return this.exact.get(a) ?? this.prefixes.find(([p]) => a.startsWith(p))?.[1];
  }

  /**
   * "Upgrading an existing 2.4.1 bookie cluster to 2.5.0", "update to 4.1.7-Final (from 4.1.4-Final)":
   * the version it fails on is the one upgraded to. The product is named between the verb and that
   * version, or just before the verb. Returns the offsets of the versions the sentence used up.
   */
  private upgrades(text: string): Set<number> {
    const taken = new Set<number>();
    UPGRADE_VERB.lastIndex = 0;
    let looked = 0;
    for (let m = UPGRADE_VERB.exec(text); m && looked++ < PER_LINE; m = UPGRADE_VERB.exec(text)) {
      const from = m.index + m[0].length;
      const t = TARGET.exec(text.slice(from, from + 160));
      if (!t?.[1]) continue;
      const version = t[1];
      const at = from + t.index + t[0].length - version.length;
      const lead = text
        .slice(Math.max(0, m.index - 40), m.index)
        .split(/\s+/)
        .slice(-3)
        .join(' ');
      let ids = this.wordsIn(`${lead} ${text.slice(m.index, at)}`.toLowerCase());
      // A Netty version needs no name: nothing else in a Netty paste is numbered `4.1.7.Final`.
      if (ids.length === 0 && /^[34]\.\d+\.\d+[.-]final$/i.test(version)) ids = ['netty'];
      this.note(ids, version, text.slice(m.index, at + version.length), 'upgrade');
      // The versions upgraded from are not the ones in use.
      const clause = text.slice(m.index, at + version.length);
      VERSION.lastIndex = 0;
      for (let v = VERSION.exec(clause); v; v = VERSION.exec(clause)) taken.add(m.index + v.index);
    }
    return taken;
  }

  /** The product named right before a version (`Bookie Version: `, `using armeria version `), and where. */
  private nameBefore(before: string): { ids: string[]; at: number } | null {
    const stripped = before.replace(BETWEEN, '');
    const words = stripped.split(/\s+/).filter((w) => w !== '');
    for (let k = Math.min(4, words.length); k >= 1; k--) {
      const tail = words.slice(-k);
      let key = squash(tail.join(''));
      // `nacos版本`: the Latin end of a word written against Chinese.
      if (/[\u3400-\u9fff]/.test(key)) key = key.replace(/^.*[\u3400-\u9fff]/, '');
      const ids = this.words.get(key);
      if (ids) return { ids, at: stripped.lastIndexOf(tail[0] as string) };
    }
    return null;
  }

  /** Products named anywhere in a clause, by one to four words (`spring cloud gateway`). */
  private wordsIn(clause: string): string[] {
    const ids: string[] = [];
    const words = clause.split(/[^\p{L}\p{N}.-]+/u).filter((w) => w !== '');
    words.forEach((_, i) => {
      for (let k = 1; k <= 4 && i + k <= words.length; k++)
        for (const id of this.words.get(squash(words.slice(i, i + k).join(''))) ?? [])
          if (!ids.includes(id)) ids.push(id);
    });
    return ids;
  }

  /** `**Alluxio Version:**`: a name and the word version, with the number on the next line. */
  private expectNextLine(text: string): void {
    if (!/(?:version|版本)\s{0,3}[:：]?[\s*_`]*$/i.test(text)) return;
    const named = this.nameBefore(text.replace(/[*_`]+$/, ''));
    if (named) this.pending = { ids: named.ids, evidence: text.trim().replace(/^[*_`#\s]+|[*_`\s]+$/g, '') };
  }

  /** Keep a sighting for the products it may belong to. */
  private note(
    ids: (string | undefined)[],
    version: string,
    evidence: string,
    from: ProductVersion['from'],
  ): void {
    for (const id of ids) {
      if (!id) continue;
      // A word two products share (`bookie`): the version goes to the one whose numbering it fits.
      const range = this.ranges.get(id);
      if (ids.length > 1 && range && !satisfies(version, range)) continue;
      const old = this.seen.get(id);
      if (!old || STRENGTH[from] > STRENGTH[old.from])
        this.seen.set(id, { version, evidence: evidence.trim().slice(0, 120), from });
    }
  }
}

/** `[\w.-]`: what a jar's name is made of. */
function isJarNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45
  );
}
