/** The knowledge base as the bot and the CLI load it: everything, or a clear error. */

import { join } from 'node:path';
import type { AnalyzerKnowledge } from '../core/types.ts';
import { SearchIndex } from '../search/index.ts';
import { loadAnalyzerKnowledge } from './analyzer-knowledge.ts';
import { readCompiled } from './compiled.ts';
import { loadContent } from './content.ts';
import { loadProducts } from './products.ts';
import { PACKAGE_ROOT } from './schemas.ts';
import type { KnowledgeEntry, Playbook, Product, VersionTable } from './types.ts';
import { loadVersions } from './versions.ts';
import { formatProblem, type Problem } from './yaml-file.ts';

export interface KnowledgeBase {
  analyzer: AnalyzerKnowledge;
  /** The product catalogue with its facts (the analyzer keeps only how to recognise each). */
  products: Product[];
  entries: KnowledgeEntry[];
  playbooks: Playbook[];
  /** Version-dependent facts, for the steps a version leaves out and the versions a step names. */
  versions: VersionTable;
  search: SearchIndex;
}

export class KnowledgeError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`the knowledge base has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'KnowledgeError';
  }
}

/**
 * Every problem in the knowledge base under `root` (the folder holding knowledge/ and playbooks/);
 * `rules` are the diagnosis rule ids a playbook may answer.
 */
export function lintKnowledge(root: string = PACKAGE_ROOT, rules?: Iterable<string>): Problem[] {
  const problems: Problem[] = [];
  const analyzer = loadAnalyzerKnowledge(root, problems);
  const versions = loadVersions(root, problems);
  loadContent(root, analyzer, problems, { versions, ...(rules ? { rules: new Set(rules) } : {}) });
  return problems;
}

/** Where the build puts the compiled knowledge base of the package. */
export const COMPILED = join(PACKAGE_ROOT, 'dist', 'knowledge.json');

/** Load the knowledge base, or throw a `KnowledgeError` listing every problem. */
export function loadKnowledge(root: string = PACKAGE_ROOT): KnowledgeBase {
  if (root === PACKAGE_ROOT) {
    const compiled = readCompiled(COMPILED, root);
    if (compiled) return compiled;
  }
  return loadSources(root);
}

/** Read, validate and index the YAML sources (what `npm run build` compiles ahead of time). */
export function loadSources(root: string = PACKAGE_ROOT): KnowledgeBase {
  const problems: Problem[] = [];
  const products = loadProducts(root, problems);
  const analyzer = loadAnalyzerKnowledge(root, problems, products);
  const versions = loadVersions(root, problems);
  const { entries, playbooks } = loadContent(root, analyzer, problems, { versions });
  if (!analyzer || !products || !versions || problems.length > 0) throw new KnowledgeError(problems);
  return { analyzer, products, entries, playbooks, versions, search: new SearchIndex(entries, playbooks) };
}
