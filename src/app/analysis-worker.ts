/**
 * A thread of the analysis pool (analysis-pool.ts): it holds its own knowledge base, loaded from the
 * root the process uses, and loads it again when a job says the process has reloaded its own.
 */
import { setPriority } from 'node:os';
import { type MessagePort, workerData } from 'node:worker_threads';
import { analyze } from '../core/analyze.ts';
import type { Language } from '../core/types.ts';
import { type KnowledgeBase, loadKnowledge } from '../knowledge/load.ts';
import { answerParts, downloaded, languageOfHead, type Piece } from './analysis.ts';
import { type Answer, complete } from './answer.ts';
import type { Unread } from './download.ts';

export interface WorkerData {
  /** The folder holding knowledge/ and playbooks/. */
  root: string;
  /** The knowledge base's generation when the pool started. */
  generation: number;
  /** This thread's priority, as a nice value (0: as the process). */
  nice: number;
}

export interface AnalysisJob {
  input: Piece[];
  language?: Language;
  /** The generation of the knowledge base the process answers with now. */
  generation: number;
  /**
   * Told when the analysis itself starts, with the language of the input's start: its deadline runs
   * from then, not from the queue or the download, and a stopped analysis is answered in it.
   */
  started: MessagePort;
}

/** A trace answered once as the thread starts, so the first paste it gets is as quick as the next. */
const WARM_UP =
  'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 520093983, max: 536870912)\n' +
  '\tat io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:843)\n';

const { root, generation, nice } = workerData as WorkerData;
// On Linux a thread has a nice value of its own, and setting it here sets this thread's alone;
// elsewhere it would lower the whole process, the event loop with it.
if (nice !== 0 && process.platform === 'linux') setPriority(nice);
let loaded: { generation: number; kb: KnowledgeBase } = { generation, kb: loadKnowledge(root) };
// Synchronous, with the calls answerParts makes: a module awaiting at its top cannot be required,
// which is how the thread loads it from the sources under tsx.
complete(analyze(WARM_UP, loaded.kb.analyzer), loaded.kb);

export interface WorkerResult {
  answer: Answer;
  unread: Unread[];
}

/** One job: the input's files downloaded, then the answer, with this thread's knowledge base. */
export default async function analyse(job: AnalysisJob): Promise<WorkerResult> {
  if (job.generation !== loaded.generation) {
    try {
      loaded = { generation: job.generation, kb: loadKnowledge(root) };
    } catch {
      // The files broke again since the process reloaded them (it logs every broken edit): keep
      // the last good knowledge base until the next reload, as the process does.
      loaded = { ...loaded, generation: job.generation };
    }
  }
  const { parts, unread } = await downloaded(job.input);
  job.started.postMessage(languageOfHead(parts));
  job.started.close();
  return { answer: await answerParts(parts, loaded.kb, job.language), unread };
}
