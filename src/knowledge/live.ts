/**
 * The knowledge base of a long-running process: reloaded when its YAML changes (or on SIGHUP), and
 * kept as it was when an edit breaks it, the problems logged as `file:line:col message`.
 */
import { type FSWatcher, readdirSync, watch } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { type KnowledgeBase, KnowledgeError, loadKnowledge } from './load.ts';
import { formatProblem } from './yaml-file.ts';

/** Where a listener reads the knowledge base it answers with, at the moment it answers. */
export interface KnowledgeSource {
  readonly current: KnowledgeBase;
}

export function currentKnowledge(kb: KnowledgeBase | KnowledgeSource): KnowledgeBase {
  return 'current' in kb ? kb.current : kb;
}

export class LiveKnowledge implements KnowledgeSource {
  private kb: KnowledgeBase;
  /** Counts the reloads that took: a worker holding its own copy loads the files again when it changes. */
  generation = 0;
  private watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly root: string,
    private readonly log: Logger,
    initial: KnowledgeBase,
    private readonly settleMs = 300,
  ) {
    this.kb = initial;
  }

  get current(): KnowledgeBase {
    return this.kb;
  }

  /** Load the files again; on a problem keep serving the last good knowledge base. */
  reload(reason: string): boolean {
    try {
      const next = loadKnowledge(this.root);
      this.kb = next;
      this.generation++;
      this.log.info(
        { reason, entries: next.entries.length, playbooks: next.playbooks.length },
        'knowledge base reloaded',
      );
      return true;
    } catch (err) {
      const problems =
        err instanceof KnowledgeError ? err.problems.map(formatProblem) : [(err as Error).message];
      this.log.error(
        { reason, problems },
        `knowledge base not reloaded, still answering with the last good one: ${problems.join('; ')}`,
      );
      return false;
    }
  }

  /**
   * Reload once edits settle (an editor writes a file in several steps). Each folder is watched on
   * its own, not recursively: Node's recursive watch on Linux starts watching only after an
   * asynchronous scan, so an edit made right after start-up could go unseen.
   */
  watch(): void {
    for (const dir of watchedFolders(this.root)) {
      try {
        const w = watch(join(this.root, dir), (_event, file) => {
          if (file && !/\.ya?ml$/.test(String(file))) return;
          if (this.timer) clearTimeout(this.timer);
          this.timer = setTimeout(() => {
            this.timer = null;
            this.reload(`changed: ${dir}/${file ?? ''}`);
          }, this.settleMs);
        });
        w.on('error', (err) => this.log.warn({ err, dir }, 'stopped watching the knowledge base'));
        this.watchers.push(w);
      } catch (err) {
        this.log.warn({ err, dir }, 'cannot watch the knowledge base for changes (SIGHUP still reloads it)');
      }
    }
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.watchers) w.close();
    this.watchers = [];
  }
}

/** `knowledge/`, `playbooks/` and the folders directly inside them, relative to the root. */
function watchedFolders(root: string): string[] {
  const folders: string[] = [];
  for (const top of ['knowledge', 'playbooks']) {
    folders.push(top);
    try {
      for (const e of readdirSync(join(root, top), { withFileTypes: true }))
        if (e.isDirectory()) folders.push(join(top, e.name));
    } catch {
      // A missing folder is reported by watch() below.
    }
  }
  return folders;
}
