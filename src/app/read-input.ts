/** Read a file or standard input into a report: whole when small, streamed in windows when large. */
import { open, stat } from 'node:fs/promises';
import { analyze, createAnalysis } from '../core/analyze.ts';
import type { AnalyzerKnowledge, Language, Report } from '../core/types.ts';
import { WindowedFeeder } from './windowed.ts';

/** Inputs up to this size are read whole, exactly as a pasted message is. */
export const WHOLE_LIMIT = 32 * 1024 * 1024;
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
  chunks: AsyncIterable<Buffer>,
  kb: AnalyzerKnowledge,
  opts: { language?: Language },
  onProgress?: (bytes: number, total: number | null) => void,
  total: number | null = null,
  name = 'input',
): Promise<Report> {
  const held: Buffer[] = [];
  let heldBytes = 0;
  let feeder: WindowedFeeder | null = null;
  const analysis = createAnalysis(kb, opts);
  try {
    for await (const chunk of chunks) {
      if (feeder) feeder.push(chunk);
      else {
        held.push(Buffer.from(chunk));
        heldBytes += chunk.length;
        if (heldBytes > WHOLE_LIMIT) {
          feeder = new WindowedFeeder(analysis);
          for (const b of held) feeder.push(b);
          held.length = 0;
        }
      }
      onProgress?.(feeder ? feeder.bytes : heldBytes, total);
    }
  } catch (err) {
    // Read errors become one clear line; anything else (a refused body, a bug) goes up as it is.
    if (err instanceof InputError || !(err as NodeJS.ErrnoException).code) throw err;
    throw new InputError(describe(name, err));
  }
  if (feeder) {
    const lines = feeder.end();
    return analysis.finish({ bytes: feeder.bytes, lines, windowed: true });
  }
  return analyze(Buffer.concat(held, heldBytes).toString('utf8'), kb, opts);
}

/** A file's bytes in chunks read into one reused buffer: the feeder copies only what it keeps. */
async function* readChunks(path: string): AsyncGenerator<Buffer> {
  const file = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const { bytesRead } = await file.read(buf, 0, CHUNK, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
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
