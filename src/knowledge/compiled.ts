/**
 * The knowledge base compiled at build time (`dist/knowledge.json`): validated content and the
 * serialized search index, keyed by a hash of every source file, so start-up skips YAML parsing,
 * validation and index building. Any edit to a source file changes the hash and the files are read
 * again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalyzerKnowledge } from '../core/types.ts';
import { SearchIndex, type SerializedIndex } from '../search/index.ts';
import type { KnowledgeBase } from './load.ts';
import { PRODUCTS_DIR } from './products.ts';
import type { KnowledgeEntry, Playbook, Product, VersionTable } from './types.ts';

const VERSION = 3;

interface Compiled {
  version: number;
  hash: string;
  analyzer: AnalyzerKnowledge;
  products: Product[];
  entries: KnowledgeEntry[];
  playbooks: Playbook[];
  versions: VersionTable;
  index: SerializedIndex;
}

/** A hash of every file the knowledge base is made of, the product catalogue's folder included. */
export function sourceHash(root: string): string {
  const hash = createHash('sha256');
  for (const dir of ['knowledge', PRODUCTS_DIR, 'playbooks', 'schemas']) {
    let files: string[] = [];
    try {
      files = readdirSync(join(root, dir), { withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
        .sort();
    } catch {
      hash.update(`${dir}: missing\n`);
      continue;
    }
    for (const f of files) {
      hash.update(`${dir}/${f}\n`);
      hash.update(readFileSync(join(root, dir, f)));
    }
  }
  return hash.digest('hex');
}

export function writeCompiled(file: string, root: string, kb: KnowledgeBase): void {
  const compiled: Compiled = {
    version: VERSION,
    hash: sourceHash(root),
    analyzer: kb.analyzer,
    products: kb.products,
    entries: kb.entries,
    playbooks: kb.playbooks,
    versions: kb.versions,
    index: kb.search.toJSON(),
  };
  writeFileSync(file, JSON.stringify(compiled));
}

/** The compiled knowledge base when it matches the sources under `root`; null otherwise. */
export function readCompiled(file: string, root: string) {
  if (!existsSync(file)) return null;
  let compiled: Compiled;
  try {
    compiled = JSON.parse(readFileSync(file, 'utf8')) as Compiled;
  } catch {
    return null;
  }
  if (compiled.version !== VERSION || compiled.hash !== sourceHash(root)) return null;
  return {
    analyzer: compiled.analyzer,
    products: compiled.products,
    entries: compiled.entries,
    playbooks: compiled.playbooks,
    versions: compiled.versions,
    search: SearchIndex.fromJSON(compiled.index),
  };
}
