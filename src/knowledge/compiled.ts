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
import type { KnowledgeEntry, Playbook } from './types.ts';

const VERSION = 1;

interface Compiled {
  version: number;
  hash: string;
  analyzer: AnalyzerKnowledge;
  entries: KnowledgeEntry[];
  playbooks: Playbook[];
  index: SerializedIndex;
}

/** A hash of every file the knowledge base is made of. */
export function sourceHash(root: string): string {
  const hash = createHash('sha256');
  for (const dir of ['knowledge', 'playbooks', 'schemas']) {
    let files: string[] = [];
    try {
      files = readdirSync(join(root, dir)).sort();
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

export function writeCompiled(
  file: string,
  root: string,
  kb: { analyzer: AnalyzerKnowledge; entries: KnowledgeEntry[]; playbooks: Playbook[]; search: SearchIndex },
): void {
  const compiled: Compiled = {
    version: VERSION,
    hash: sourceHash(root),
    analyzer: kb.analyzer,
    entries: kb.entries,
    playbooks: kb.playbooks,
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
    entries: compiled.entries,
    playbooks: compiled.playbooks,
    search: SearchIndex.fromJSON(compiled.index),
  };
}
