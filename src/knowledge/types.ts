/** Knowledge entries and playbooks as read from YAML (validated by schemas/*.schema.json). */
import type { Bilingual, BugCause, Scenario } from '../core/types.ts';

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
}

export interface Playbook {
  id: string;
  title: Bilingual;
  summary: Bilingual;
  scenarios: Scenario[];
  frameworks: string[];
  signals?: string[];
  steps: PlaybookStep[];
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
