/** Read a file or standard input into a report: whole when small, streamed in windows when large. */
import { open, stat } from 'node:fs/promises';
import { type Analysis, analyze, createAnalysis } from '../core/analyze.ts';
import type { AnalyzerKnowledge, Language, Report } from '../core/types.ts';
import { ProseMarkers } from './prose.ts';
import { WindowedFeeder } from './windowed.ts';

/** Inputs up to this size are read whole, exactly as a pasted message is. */
export const WHOLE_LIMIT = 1024 * 1024;
/**
 * Larger inputs are read in windows around their error signatures, and in their first 32 MiB (all
 * of what people paste or attach) the lines of prose and evidence besides (prose.ts).
 */
export const PROSE_LIMIT = 32 * 1024 * 1024;
const CHUNK = 4 * 1024 * 1024;

export class InputError extends Error {
  override name = 'InputError';
}

export interface ReadOptions {
  language?: Language;
  onProgress?: (bytes: number, total: number | null) => void;
}

/** `path` null or `-`: standard input. */
export async function analyzeInput(
  path: string | null,
  kb: AnalyzerKnowledge,
  options: ReadOptions = {},
): Promise<Report> {
  const opts = options.language ? { language: options.language } : {};
  let total: number | null = null;
  if (path !== null && path !== '-') {
    try {
      const st = await stat(path);
      if (st.isDirectory()) throw new InputError(`${path} is a directory, not a log file`);
      total = st.isFile() ? st.size : null;
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw new InputError(describe(path, err));
    }
  }
  const stream = path === null || path === '-' ? process.stdin : readChunks(path, total !== null);
  return analyzeChunks(
    stream as AsyncIterable<Buffer>,
    kb,
    opts,
    options.onProgress,
    total,
    path ?? 'standard input',
  );
}

/**
 * Analyze a stream of chunks: read whole (like a paste) up to WHOLE_LIMIT, in windows beyond.
 * Chunks may be reused by the caller after each step: what is kept is copied.
 */
export async function analyzeChunks(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  kb: AnalyzerKnowledge,
  opts: { language?: Language },
  onProgress?: (bytes: number, total: number | null) => void,
  total: number | null = null,
  name = 'input',
): Promise<Report> {
  const held: Buffer[] = [];
  let heldBytes = 0;
  let large: LargeInput | null = null;
  try {
    for await (const chunk of chunks) {
      if (!large && heldBytes + chunk.length > WHOLE_LIMIT) {
        large = new LargeInput(kb, opts);
        for (const b of held) large.push(b);
        held.length = 0;
      }
      if (large) large.push(chunk);
      else {
        held.push(Buffer.from(chunk));
        heldBytes += chunk.length;
      }
      onProgress?.(large ? large.bytes : heldBytes, total);
    }
  } catch (err) {
    // Read errors become one clear line; anything else (a refused body, a bug) goes up as it is.
    if (err instanceof InputError || !(err as NodeJS.ErrnoException).code) throw err;
    throw new InputError(describe(name, err));
  }
  if (large) return large.finish();
  return analyze(Buffer.concat(held, heldBytes).toString('utf8'), kb, opts);
}

/** An input past WHOLE_LIMIT: its windows and prose lines, masked line by line as a whole paste is. */
class LargeInput {
  private readonly analysis: Analysis;
  private readonly feeder: WindowedFeeder;

  constructor(kb: AnalyzerKnowledge, opts: { language?: Language }) {
    this.analysis = createAnalysis(kb, opts);
    this.feeder = new WindowedFeeder(this.analysis, new ProseMarkers(kb, PROSE_LIMIT));
  }

  get bytes(): number {
    return this.feeder.bytes;
  }

  push(chunk: Uint8Array): void {
    this.feeder.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }

  finish(): Report {
    const lines = this.feeder.end();
    return this.analysis.finish({ bytes: this.feeder.bytes, lines, windowed: true });
  }
}

/**
 * A file's bytes in chunks read into reused buffers, the next ones read while the caller works on
 * this one: with one read ahead, the analysis of 1 GiB waited on reads 70 ms, as a light chunk
 * finishes before the next read; two ahead absorb that. A regular file is read at explicit offsets
 * (the reads in flight overlap); anything else (a pipe) one read at a time, in order. The feeder
 * copies only what it keeps.
 */
async function* readChunks(path: string, regular: boolean): AsyncGenerator<Buffer> {
  const file = await open(path, 'r');
  const ahead = regular ? 2 : 1;
  const reads: { buffer: Buffer; at: number; read: Promise<{ bytesRead: number }> }[] = [];
  let offset = 0;
  const readInto = (buffer: Buffer) => {
    reads.push({ buffer, at: offset, read: file.read(buffer, 0, CHUNK, regular ? offset : null) });
    offset += CHUNK;
  };
  const spares: Buffer[] = Array.from({ length: ahead + 1 }, () => Buffer.allocUnsafe(CHUNK));
  try {
    for (let k = 0; k < ahead; k++) readInto(spares.pop() as Buffer);
    for (;;) {
      const { buffer, at, read } = reads.shift() as (typeof reads)[number];
      const { bytesRead } = await read;
      if (bytesRead === 0) return;
      if (bytesRead < CHUNK && regular) {
        // The end, or a file still growing: what was read beyond it is read again, in order.
        for (const r of reads.splice(0)) {
          await r.read;
          spares.push(r.buffer);
        }
        offset = at + bytesRead;
      }
      readInto(spares.pop() as Buffer);
      yield buffer.subarray(0, bytesRead);
      spares.push(buffer);
    }
  } finally {
    // Reads still in flight must finish before their file is closed.
    await Promise.allSettled(reads.map((r) => r.read));
    await file.close();
  }
}

function describe(path: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${path}: no such file`;
  if (code === 'EACCES') return `${path}: permission denied`;
  if (code === 'EISDIR') return `${path} is a directory, not a log file`;
  return `${path}: cannot read (${code ?? (err as Error).message})`;
}
