/**
 * Answering an input, as the edges ask for it: in a worker pool in the running bot and console
 * (analysis-pool.ts), in process where there is none. Either way the same work: attached files
 * downloaded, then the input read as a file of its bytes would be (read-input.ts), then completed
 * with its playbook and reply.
 */
import { cjkIn, detectLanguage } from '../core/language.ts';
import type { Language } from '../core/types.ts';
import type { KnowledgeBase } from '../knowledge/load.ts';
import { type Answer, complete } from './answer.ts';
import { download, type RemoteFile, type Unread } from './download.ts';
import { analyzeChunks } from './read-input.ts';

/** Text, bytes of UTF-8 text, or a file still to download: one part of an input. */
export type Piece = string | Uint8Array | RemoteFile;

export interface AnalysisRequest {
  /** The parts of one input, read joined by newlines (a message's text, then its files). */
  input: Piece[];
  /** Reply language; by default, the language of the input. */
  language?: Language;
}

/**
 * The answer, with the files that could not be downloaded; or, for an input whose analysis ran
 * past its deadline, how long it was given.
 */
export type Analysed =
  | { status: 'answered'; answer: Answer; unread: Unread[] }
  | { status: 'too-slow'; deadlineMs: number; language: Language };

export interface Analyzer {
  /** The input's bytes may move to another thread: the caller does not use them afterwards. */
  analyse(request: AnalysisRequest): Promise<Analysed>;
  /** Resolves once the first answer will not wait for a thread to start. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** Largest piece handed to the reader at once: a 20 MiB file is read in pieces, not as one string. */
const PIECE = 4 * 1024 * 1024;
const NEWLINE = new Uint8Array([10]);
const HEAD = 64 * 1024;

/** The input's files downloaded: its parts as text or bytes, and the files that could not be read. */
export async function downloaded(
  input: Piece[],
): Promise<{ parts: (string | Uint8Array)[]; unread: Unread[] }> {
  const parts: (string | Uint8Array)[] = [];
  const unread: Unread[] = [];
  for (const piece of input) {
    if (typeof piece === 'string' || piece instanceof Uint8Array) parts.push(piece);
    else {
      const got = await download(piece);
      if (got instanceof Uint8Array) parts.push(got);
      else unread.push(got);
    }
  }
  return { parts, unread };
}

/** The language an input's first 64 KiB are written in: all there is to go by when its analysis is stopped. */
export function languageOfHead(parts: (string | Uint8Array)[]): Language {
  const first = parts[0] ?? '';
  const head =
    typeof first === 'string' ? first.slice(0, HEAD) : Buffer.from(first).toString('utf8', 0, HEAD);
  return detectLanguage(cjkIn(head));
}

/** The full answer for the parts of an input. */
export async function answerParts(
  parts: (string | Uint8Array)[],
  kb: KnowledgeBase,
  language?: Language,
): Promise<Answer> {
  const report = await analyzeChunks(bytesOf(parts), kb.analyzer, language ? { language } : {});
  return complete(report, kb);
}

function* bytesOf(parts: (string | Uint8Array)[]): Generator<Uint8Array> {
  for (const [i, part] of parts.entries()) {
    if (i > 0) yield NEWLINE;
    const bytes = typeof part === 'string' ? Buffer.from(part) : part;
    for (let at = 0; at < bytes.length; at += PIECE) yield bytes.subarray(at, at + PIECE);
  }
}

/** Analysis on the caller's own thread: for tests and tools that build a bot or console without a pool. */
export function inProcessAnalyzer(kb: () => KnowledgeBase): Analyzer {
  return {
    analyse: async ({ input, language }) => {
      const { parts, unread } = await downloaded(input);
      return { status: 'answered', answer: await answerParts(parts, kb(), language), unread };
    },
    ready: async () => {},
    close: async () => {},
  };
}
