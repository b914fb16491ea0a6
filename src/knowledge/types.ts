/** Knowledge entries and playbooks as read from YAML (validated by schemas/*.schema.json). */
import type { Bilingual, Scenario } from '../core/types.ts';

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
