/** Knowledge entries and playbooks as read from YAML (validated by schemas/*.schema.json). */
import type { Bilingual, BugCause, EventKind, Scenario } from '../core/types.ts';

export interface KnowledgeEntry {
  id: string;
  kind: 'cause' | 'tool' | 'allocator' | 'framework' | 'error' | 'concept';
  title: Bilingual;
  summary: Bilingual;
  symptoms?: Bilingual[];
  causes?: Bilingual[];
  scenarios: Scenario[];
  frameworks: string[];
  signals?: string[];
  explanation: Bilingual;
  commands?: string[];
  keywords?: string[];
  playbooks?: string[];
  references: string[];
  /** Where it was read from, for messages. */
  file: string;
}

export interface PlaybookStep {
  kind: 'check' | 'act' | 'verify' | 'escalate';
  text: Bilingual;
  fallback?: Bilingual;
  command?: string;
  commandFallback?: string;
  /** The versions the step needs, by project (`netty: ">=4.1.16"`), checked against versions.yml. */
  requires?: Record<string, string>;
}

export interface Playbook {
  id: string;
  title: Bilingual;
  summary: Bilingual;
  scenarios: Scenario[];
  frameworks: string[];
  signals?: string[];
  steps: PlaybookStep[];
  /** Diagnosis rules this playbook answers: it is offered only when one of them supported the verdict. */
  rules?: string[];
  /** For a leak: offered only when the leaked buffer's owner (first frame outside Netty) is this. */
  leakOwner?: 'product' | 'application';
  keywords?: string[];
  knowledge?: string[];
  references: string[];
  file: string;
}

/** A fact with the page it was taken from. */
export interface Sourced {
  source: string;
}

/** A product of the catalogue (knowledge/products/<id>.yml, validated by schemas/product.schema.json). */
export interface Product {
  id: string;
  name: string;
  parent?: string;
  packages?: string[];
  shaded?: string[];
  threads?: string[];
  loggers?: string[];
  keywords?: string[];
  parent_keywords?: string[];
  /** Where its users set JVM flags such as -XX:MaxDirectMemorySize. */
  jvm_flags_via?: { text: string } & Sourced;
  /** Its own settings that bound or shape direct memory. */
  knobs?: ({ name: string; what: string } & Sourced)[];
  /** Artifact names whose jars and coordinates show its version (`netty-codec*`: any ending). */
  artifacts?: string[];
  /** The range its own version numbers fall in. */
  versions?: string;
  /** Words beside which a version in prose is its own. */
  version_words?: string[];
  /** Direct-memory defects, with the versions affected and the first fixed one. */
  known_bugs?: ({
    title: string;
    affected: string;
    fixed_in?: string;
    /** Machine-readable: a range (src/core/version-range.ts), the first fixed version, what it does. */
    affects?: string;
    fixed?: string | string[];
    cause?: BugCause;
    signature?: string[];
    mechanism?: string;
  } & Sourced)[];
  /** What its maintainers usually tell people with this error. */
  advice?: ({ text: string } & Sourced)[];
  references: string[];
}

/** A version-dependent fact (knowledge/versions.yml, validated by schemas/versions.schema.json). */
export interface VersionFact {
  id: string;
  project: string;
  /** The versions it holds for: `>=4.1.7 <4.1.75`, clauses joined by `||`. */
  holds: string;
  fact: string;
  value?: string | number;
  /** Literal text that exists only in these versions; a step printing it must require them. */
  names?: string[];
  /** What in a paste shows that the version running is in this range. */
  evidence?: { frames?: string[]; threads?: string[]; kinds?: EventKind[] };
  checked_at?: string[];
  notes?: string;
  source: string[];
}

/** The version facts, and the name a reply gives each project they are about. */
export interface VersionTable {
  projects: Record<string, string>;
  facts: VersionFact[];
}
