/**
 * The knowledge base compiled at build time (`dist/knowledge.json`): validated content and the
 * serialized search index, keyed by the source files' names, sizes and times and by a hash of their
 * content, so start-up skips YAML parsing, validation and index building. Any edit to a source file
 * changes the hash, and the files are read again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalyzerKnowledge } from '../core/types.ts';
import { SearchIndex, type SerializedIndex } from '../search/index.ts';
import type { KnowledgeBase } from './load.ts';
import { PRODUCTS_DIR } from './products.ts';
import type { KnowledgeEntry, Playbook, Product, VersionTable } from './types.ts';

const VERSION = 5;

interface Compiled {
  version: number;
  hash: string;
  stamp: string | null;
  analyzer: AnalyzerKnowledge;
  products: Product[];
  entries: KnowledgeEntry[];
  playbooks: Playbook[];
  versions: VersionTable;
  index: SerializedIndex;
}

const DIRS = ['knowledge', PRODUCTS_DIR, 'playbooks', 'schemas'];

/** The files the knowledge base is made of, the product catalogue's folder included, by folder. */
function sourceFiles(root: string): { dir: string; files: string[] | null }[] {
  return DIRS.map((dir) => {
    try {
      const files = readdirSync(join(root, dir), { withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
        .sort();
      return { dir, files };
    } catch {
      return { dir, files: null };
    }
  });
}

/** A hash of every source file's name and content. */
export function sourceHash(root: string): string {
  const hash = createHash('sha256');
  for (const { dir, files } of sourceFiles(root)) {
    if (!files) hash.update(`${dir}: missing\n`);
    for (const f of files ?? []) {
      hash.update(`${dir}/${f}\n`);
      hash.update(readFileSync(join(root, dir, f)));
    }
  }
  return hash.digest('hex');
}

/**
 * Every source file's name, size and modification time: what an edit changes. Comparing it costs a
 * stat per file where the hash reads them all (~9 ms of every start); when it differs (a file
 * touched, copied, checked out again), the hash decides.
 */
export function sourceStamp(root: string): string | null {
  try {
    return stampOf(root);
  } catch {
    return null; // a file gone since the folder was listed: the hash decides
  }
}

function stampOf(root: string): string {
  return sourceFiles(root)
    .map(({ dir, files }) =>
      files === null
        ? `${dir}: missing`
        : files
            .map((f) => {
              const st = statSync(join(root, dir, f));
              return `${dir}/${f} ${st.size} ${st.mtimeMs}`;
            })
            .join('\n'),
    )
    .join('\n');
}

export function writeCompiled(file: string, root: string, kb: KnowledgeBase): void {
  const compiled: Compiled = {
    version: VERSION,
    hash: sourceHash(root),
    stamp: sourceStamp(root),
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
  if (compiled.version !== VERSION) return null;
  const stamp = sourceStamp(root);
  if ((stamp === null || compiled.stamp !== stamp) && compiled.hash !== sourceHash(root)) return null;
  return {
    analyzer: compiled.analyzer,
    products: compiled.products,
    entries: compiled.entries,
    playbooks: compiled.playbooks,
    versions: compiled.versions,
    search: SearchIndex.fromJSON(compiled.index),
  };
}
