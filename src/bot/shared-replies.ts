/** Ephemeral replies kept for a while so their "Share in channel" button can post them. */
import { randomUUID } from 'node:crypto';
import type { Block } from '../render/blocks.ts';

interface Kept {
  blocks: Block[];
  text: string;
  at: number;
}

export class SharedReplies {
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly max = 2000,
    private readonly ttlMs = 30 * 60 * 1000,
  ) {}

  keep(blocks: Block[], text: string): string {
    const id = randomUUID();
    this.kept.set(id, { blocks, text, at: Date.now() });
    while (this.kept.size > this.max) {
      const oldest = this.kept.keys().next().value;
      if (oldest === undefined) break;
      this.kept.delete(oldest);
    }
    return id;
  }

  take(id: string): { blocks: Block[]; text: string } | null {
    const k = this.kept.get(id);
    if (!k || Date.now() - k.at > this.ttlMs) return null;
    this.kept.delete(id);
    return { blocks: k.blocks, text: k.text };
  }
}
