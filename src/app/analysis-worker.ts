/**
 * A thread of the analysis pool (analysis-pool.ts): it holds its own knowledge base, loaded from the
 * root the process uses, and loads it again when a job says the process has reloaded its own.
 */
import { setPriority } from 'node:os';
import { BroadcastChannel, type MessagePort, workerData } from 'node:worker_threads';
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
  /** The broadcast channel to say on once the thread is ready to answer at full speed. */
  loaded: string;
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

/**
 * A paste answered as the thread starts, often enough for the compiler to have seen the paths a
 * paste takes (a log record's header, frames, a cause, prose in both languages): the first paste
 * the thread gets is then about as quick as the next, not ten times slower.
 */
const WARM_UP = [
  'We saw this under load after upgrading, 压测时出现，重启后恢复:',
  '2024-05-17 10:00:00.123 ERROR 1 --- [ctor-http-nio-3] r.n.http.server.HttpServerOperations : [id: 0x1f2e3d4c] Error',
  'reactor.netty.ReactorNetty$InternalNettyException: io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 520093983, max: 536870912)',
  'Caused by: io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 520093983, max: 536870912)',
  '\tat io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:843) ~[netty-common-4.1.100.Final.jar:4.1.100.Final]',
  '\tat io.netty.buffer.PoolArena$DirectArena.newChunk(PoolArena.java:711) ~[netty-buffer-4.1.100.Final.jar:4.1.100.Final]',
  '\tat io.netty.channel.nio.NioEventLoop.run(NioEventLoop.java:569) ~[netty-transport-4.1.100.Final.jar:4.1.100.Final]',
  '\t... 12 more',
  "LEAK: ByteBuf.release() was not called before it's garbage-collected.",
  'Created at:',
  '\tio.netty.buffer.PooledByteBufAllocator.newDirectBuffer(PooledByteBufAllocator.java:403)',
  'JVM flags: -Xmx2g -XX:MaxDirectMemorySize=512m -Dio.netty.leakDetection.level=advanced',
].join('\n');
const WARM_UP_ROUNDS = 30;

const { root, generation, nice, loaded: loadedOn } = workerData as WorkerData;
// On Linux a thread has a nice value of its own, and setting it here sets this thread's alone;
// elsewhere it would lower the whole process, the event loop with it.
if (nice !== 0 && process.platform === 'linux') setPriority(nice);
let loaded: { generation: number; kb: KnowledgeBase } = { generation, kb: loadKnowledge(root) };
// Synchronous, with the calls answerParts makes: a module awaiting at its top cannot be required,
// which is how the thread loads it from the sources under tsx.
for (let i = 0; i < WARM_UP_ROUNDS; i++) complete(analyze(WARM_UP, loaded.kb.analyzer), loaded.kb);
const ready = new BroadcastChannel(loadedOn);
ready.postMessage('loaded');
ready.close();

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
