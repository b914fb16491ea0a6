/** The shapes of the analysis report (see analysis.schema.json) and of the knowledge it reads. */
import type { Bilingual, Language } from '../i18n/bilingual.ts';

export type EventKind = 'oodm' | 'direct_buffer_oom' | 'cannot_reserve' | 'leak_report';
/** The causes a diagnosis can name: the one list the code, the YAML and the schema are checked against. */
export const CAUSES = [
  'leak-unreleased-bytebuf',
  'undersized-limit',
  'load-burst',
  'slow-consumer-backpressure',
  'large-message',
  'allocator-config',
  'nio-cleaner-gc',
  'jdk-or-netty-bug',
] as const;
export type Cause = (typeof CAUSES)[number];
export type Scenario = Cause | 'unknown';
export type { Bilingual, Language };
export type Transport = 'epoll' | 'nio' | 'kqueue' | 'io_uring';
export type AllocationPath =
  | 'pooled-chunk'
  | 'pooled-huge'
  | 'pooled-other'
  | 'unpooled-nocleaner'
  | 'unpooled-cleaner'
  | 'nio-bits'
  | 'unknown';
export type LimitGuess =
  | 'explicit-max-direct-memory-size'
  | 'defaults-to-heap-max'
  | 'io-netty-max-direct-memory'
  | 'unknown';
export type IoDirection = 'inbound-read' | 'outbound-write' | 'user-code' | 'unknown';

export interface TraceEvent {
  kind: EventKind;
  exceptionClass: string;
  requestedBytes: number | null;
  usedBytes: number | null;
  maxBytes: number | null;
  thread: string | null;
  timestamp: string | null;
  /** 1-based input line where the event starts. */
  line: number;
  frames: string[];
  /** How many times this same event (same text, same timestamp) appeared. */
  occurrences: number;
}

/** A product seen in the paste (a framework above Netty, or Netty itself), most specific first. */
export interface FrameworkHit {
  id: string;
  /** How people call it: `Apache Seata`, or the package for a product found only by its package. */
  name: string;
  evidence: string;
  /** No catalogue entry matched: the name is the package of the first frame that called Netty. */
  fromPackage?: true;
}

export interface Sample {
  timestamp: string;
  usedBytes: number;
}

export interface Summary {
  kind: EventKind | null;
  requestedBytes: number | null;
  usedBytes: number | null;
  maxBytes: number | null;
  headroomBytes: number | null;
  utilization: number | null;
  frameworks: FrameworkHit[];
  shadedPrefix: string | null;
  /** Prefix for Netty's system properties: `io.netty.` or its relocation. */
  nettyPropertyPrefix: string;
  nettyVersion: string | null;
  transport: Transport | null;
  threads: string[];
  allocationPath: AllocationPath;
  limitOrigin: { guess: LimitGuess; evidence: string };
  ioDirection: IoDirection;
  leakSites: { frame: string; count: number }[];
  samples: Sample[];
  /** Companion evidence read next to the trace (jmap, NMT, strace/pmap). */
  heap: { usedBytes: number | null; maxBytes: number | null } | null;
  /** Product versions the paste shows (a jar, a dependency, the prose beside the name), by product id. */
  productVersions?: Record<string, ProductVersion>;
  /** The Netty releases the trace's line numbers fit, when no jar shows the version. */
  nettyVersionRange?: NettyRange;
}

/** A product's version as the paste shows it. */
export interface ProductVersion {
  version: string;
  /** The text that shows it, as written: `armeria-1.25.2.jar`, `Bookie Version: 4.16.2`. */
  evidence: string;
  /** A jar or dependency of the build, a version written beside the name, or what an upgrade went to. */
  from: 'build' | 'name' | 'upgrade';
}

/** Netty releases read from line numbers. */
export interface NettyRange {
  /** In the catalogue's range grammar (src/core/version-range.ts): `>=4.1.16 <=4.1.29`. */
  range: string;
  /** The locations that say so: `PlatformDependent.java:640, PoolArena.java:740`. */
  evidence: string;
}

export interface Finding {
  scenario: Scenario;
  confidence: number;
  evidence: string[];
  /** Ids of the rules that supported this finding, strongest first. */
  signals: string[];
  /** What speaks against it: the evidence of the rules that rule it out. */
  against?: string[];
}

/** Whether the evidence decides, and when it does not, the facts that would. */
export interface Verdict {
  decided: boolean;
  questions: { id: string; text: string; command: string | null }[];
}

export interface PlaybookRef {
  id: string;
  title: string;
  scenarios: string[];
  frameworks: string[];
}

export interface KnowledgeRef {
  id: string;
  title: string;
  score: number;
  scenarios: string[];
  frameworks: string[];
}

export interface InputStats {
  bytes: number;
  lines: number;
  /** Lines longer than the parse limit: only their head and the parts around error signatures were read. */
  cutLines: number;
  /** Events beyond the report's cap: counted, not listed. */
  eventsOmitted: number;
  /** Set when only the regions around error signatures of a large input were parsed. */
  windowed: boolean;
}

export interface Report {
  schemaVersion: 1;
  detected: boolean;
  events: TraceEvent[];
  summary: Summary;
  findings: Finding[];
  /** Set once the report is diagnosed (src/diagnosis/). */
  verdict?: Verdict;
  playbook: PlaybookRef | null;
  knowledge: KnowledgeRef[];
  language: Language;
  /** Signals present in the input, with the values their evidence templates use. */
  signals: Record<string, Record<string, string>>;
  /** Other Java errors seen (heap space, Metaspace, NPE…), for a useful answer when nothing is detected. */
  otherErrors: string[];
  /** Things the reader should know about the input itself (ignored numbers, cut lines). */
  notes: string[];
  input: InputStats;
}

/** How the analyzer recognises a product of the catalogue (knowledge/products/<id>.yml). */
export interface FrameworkDef {
  id: string;
  name: string;
  /** The product it runs on: detection lists a product before its parent. */
  parent?: string;
  /** Class or package prefixes (`io.seata.`) of its frames, loggers and exception classes. */
  packages?: string[];
  /** Anchored thread-name patterns. */
  threads?: string[];
  /** Abbreviated logger prefixes (`r.n.http.`) or bare logger class names (`TransportChannelHandler`). */
  loggers?: string[];
  /** Words that name it in prose. */
  keywords?: string[];
  /** Words that name it only where its parent shows in frames, loggers or threads. */
  parentKeywords?: string[];
  /** Relocation prefixes printed before `io.netty.`. */
  shaded?: string[];
  /** Artifact names (`armeria`, `netty-codec*`) whose jars and coordinates show its version. */
  artifacts?: string[];
  /** The range its own versions fall in, to tell a version beside a word it shares (`bookie`) apart. */
  versions?: string;
  /** Words beside which a version in prose is its own; by default its id, name and keywords. */
  versionWords?: string[];
}

/** What a known bug does, which decides the cause a match supports. */
export const BUG_CAUSES = ['leak', 'defect', 'regression', 'backpressure', 'config', 'allocator'] as const;
export type BugCause = (typeof BUG_CAUSES)[number];

/** A known bug of a product, with a range of affected versions (src/core/version-range.ts). */
export interface KnownBug {
  title: string;
  affects: string;
  /** The first fixed version of each affected line, oldest first. */
  fixed: string[];
  cause: BugCause;
  /** Class or method names whose presence in frames or leak records shows this bug. */
  signature?: string[];
  source: string;
}

export interface SignalDef {
  id: string;
  source: 'analyzer' | 'text';
  patterns?: string[];
  /** A text signal of what people say happened: read only in their own words, never in advice or log text. */
  testimony?: boolean;
  evidence: Bilingual;
}

export interface ScenarioDef {
  id: Cause;
  title: Bilingual;
  description?: string;
}

/** What the analyzer needs from the knowledge base: plain data, already validated. */
export interface AnalyzerKnowledge {
  frameworks: FrameworkDef[];
  signals: SignalDef[];
  scenarios: ScenarioDef[];
}
