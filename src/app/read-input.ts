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
  const stream = path === null || path === '-' ? process.stdin : readChunks(path);
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
 * A file's bytes in chunks read into two reused buffers: the next chunk is read while the caller
 * works on this one (a read waited on alone left the analysis idle a fifth of the time on 1 GiB).
 * The feeder copies only what it keeps.
 */
async function* readChunks(path: string): AsyncGenerator<Buffer> {
  const file = await open(path, 'r');
  let current = Buffer.allocUnsafe(CHUNK);
  let spare = Buffer.allocUnsafe(CHUNK);
  let next = file.read(current, 0, CHUNK, null);
  try {
    for (;;) {
      const { bytesRead } = await next;
      if (bytesRead === 0) return;
      next = file.read(spare, 0, CHUNK, null);
      yield current.subarray(0, bytesRead);
      [current, spare] = [spare, current];
    }
  } finally {
    // A read still in flight must finish before its file is closed.
    await next.catch(() => {});
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
