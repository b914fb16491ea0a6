/**
 * The analysis pool of the long-running process: a few worker threads (piscina) answer inputs, so a
 * 20 MiB file being read never holds up Slack, the store or the console's other requests. An
 * analysis that runs past its deadline is stopped with its thread, which the pool replaces.
 *
 * Two lanes when there are two threads or more: one thread for inputs read whole (every typed
 * paste), the others for larger ones, at a lower priority, so a paste never waits behind a large
 * file, and the event loop comes first.
 *
 * The worker is `analysis-worker` beside this module, in the form this module runs in: compiled `.js`
 * (the build bundles both into `dist/bundle/`, side by side), or `.ts` under tsx (tests and benches
 * run the sources), which a new thread can load only with tsx's loader; the choice is made here and
 * nowhere else.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BroadcastChannel, MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Language } from '../core/types.ts';
import type { Analysed, AnalysisRequest, Analyzer, Piece } from './analysis.ts';
import type { AnalysisJob, WorkerData, WorkerResult } from './analysis-worker.ts';
import { WHOLE_LIMIT } from './read-input.ts';

const SOURCE = import.meta.url.endsWith('.ts');
const WORKER = fileURLToPath(new URL(`./analysis-worker.${SOURCE ? 'ts' : 'js'}`, import.meta.url));
/** Enough threads for one long analysis and the short ones beside it, without crowding the machine. */
const MAX_THREADS = 4;
/** The priority of the large-input lane's threads (a nice value: higher yields more). */
const LARGE_NICE = 10;

interface Lane {
  pool: Piscina<AnalysisJob, WorkerResult>;
  /** Every thread has loaded its knowledge base and warmed up (or one could not start). */
  ready: Promise<void>;
  /** Where the threads say they have. */
  loaded: BroadcastChannel;
}

export interface PoolOptions {
  /** The folder holding knowledge/ and playbooks/, as the process loads it. */
  root: string;
  /** The generation of the process's knowledge base now: a worker behind it loads the files again. */
  generation: () => number;
  deadlineMs: number;
  /** In all lanes; by default one per core, at least 1 and at most MAX_THREADS. */
  threads?: number;
  /** A thread that failed with no analysis to fail (it could not start). */
  onError?: (err: Error) => void;
}

/** Start the threads; each loads the knowledge base at once, and `ready()` says when they all have. */
export function createAnalysisPool(options: PoolOptions): Analyzer {
  const threads = options.threads ?? Math.min(MAX_THREADS, Math.max(1, availableParallelism()));
  let lanes = 0;
  const lane = (size: number, nice: number): Lane => {
    // Each thread says here when it has loaded and warmed up: piscina counts a first thread as
    // started before its module has even loaded.
    const loaded = new BroadcastChannel(`netty-oom-analysis-${process.pid}-${++lanes}-${Date.now()}`);
    const workerData: WorkerData = {
      root: options.root,
      generation: options.generation(),
      nice,
      loaded: String(loaded.name),
    };
    const pool = new Piscina<AnalysisJob, WorkerResult>({
      filename: WORKER,
      minThreads: size,
      maxThreads: size,
      workerData,
      execArgv: SOURCE ? ['--import', import.meta.resolve('tsx')] : [],
      // Closing waits for the analyses under way, which their deadline bounds.
      closeTimeout: options.deadlineMs + 1000,
    });
    const ready = new Promise<void>((resolve, reject) => {
      let started = 0;
      loaded.onmessage = () => {
        if (++started < size) return;
        loaded.close();
        resolve();
      };
      pool.on('error', (err: Error) => {
        loaded.close();
        reject(err);
        options.onError?.(err);
      });
    });
    // Awaited through ready(); an error after it is reported through onError alone.
    ready.catch(() => {});
    return { pool, ready, loaded };
  };
  const large = lane(Math.max(1, threads - 1), threads > 1 ? LARGE_NICE : 0);
  const quick = threads > 1 ? lane(1, 0) : large;
  return {
    analyse: (request) => {
      const whole = sizeOf(request.input) <= WHOLE_LIMIT;
      return run(whole ? quick : large, request, options);
    },
    ready: async () => {
      await Promise.all([quick.ready, large.ready]);
    },
    close: async () => {
      for (const l of new Set([quick, large])) l.loaded.close();
      await Promise.all([...new Set([quick, large])].map((l) => l.pool.close({ force: true })));
    },
  };
}

/** Bytes in an input, as far as they are known before it is read (a file by the size Slack gives). */
function sizeOf(input: Piece[]): number {
  let bytes = 0;
  for (const p of input)
    bytes +=
      typeof p === 'string'
        ? Buffer.byteLength(p)
        : p instanceof Uint8Array
          ? p.byteLength
          : (p.size ?? Number.POSITIVE_INFINITY);
  return bytes;
}

async function run(lane: Lane, request: AnalysisRequest, o: PoolOptions): Promise<Analysed> {
  const { pool } = lane;
  const input = request.input.map(owned);
  const { port1: started, port2 } = new MessageChannel();
  const stop = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let language: Language = 'en';
  started.once('message', (lang: Language) => {
    language = lang;
    timer = setTimeout(() => stop.abort(), o.deadlineMs);
  });
  const job: AnalysisJob = {
    input,
    generation: o.generation(),
    started: port2,
    ...(request.language ? { language: request.language } : {}),
  };
  try {
    const bytes = input.filter((p) => p instanceof Uint8Array);
    const { answer, unread } = await pool.run(job, {
      transferList: [port2, ...new Set(bytes.map((b) => b.buffer as ArrayBuffer))],
      signal: stop.signal,
    });
    return { status: 'answered', answer, unread };
  } catch (err) {
    if (stop.signal.aborted) return { status: 'too-slow', deadlineMs: o.deadlineMs, language };
    throw err;
  } finally {
    clearTimeout(timer);
    started.close();
  }
}

/**
 * Bytes whose memory can move to the worker (transferred, not copied): text is encoded into a buffer
 * of its own, and a view on a shared buffer (Node's small-buffer pool) is copied out of it first.
 * A file still to download goes as it is: the worker downloads it.
 */
function owned(piece: Piece): Piece {
  if (typeof piece === 'string') return new TextEncoder().encode(piece);
  if (!(piece instanceof Uint8Array)) return piece;
  const whole = piece.byteOffset === 0 && piece.byteLength === piece.buffer.byteLength;
  return whole && piece.buffer instanceof ArrayBuffer ? piece : new Uint8Array(piece);
}
