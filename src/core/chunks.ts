/** Pooled chunk sizes by Netty version and allocator, and comparing Netty versions. */
import type { MessageKey } from '../i18n/messages.ts';
import { SIZES } from './units.ts';

/** Compare dotted versions (`4.1.75.Final`) by their first three numbers. */
export function versionCompare(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface Chunk {
  size: number;
  rule: MessageKey;
}

const CHUNKS = {
  grpc: { size: 2 * SIZES.MiB, rule: 'chunkRule.grpc' },
  old: { size: 16 * SIZES.MiB, rule: 'chunkRule.old' },
  new: { size: 4 * SIZES.MiB, rule: 'chunkRule.new' },
} satisfies Record<string, Chunk>;

/** The chunk size a `newChunk` request of this Netty version (or gRPC's allocator) asks for. */
export function chunkFor(version: string | null, requested: number | null, grpc: boolean): Chunk {
  if (grpc && requested === CHUNKS.grpc.size) return CHUNKS.grpc;
  if (version) return versionCompare(version, '4.1.75') < 0 ? CHUNKS.old : CHUNKS.new;
  if (requested === CHUNKS.new.size) return CHUNKS.new;
  return CHUNKS.old;
}
