/**
 * Answers kept for a while so their buttons can use them: "Share in channel" posts a private one,
 * *Full playbook* shows the steps of one no incident record keeps. Kept as JSON
 * text within a size budget: a busy incident channel must not grow the bot's memory.
 */
import { randomUUID } from 'node:crypto';
import type { MessageParts } from '../render/message.ts';

interface Kept {
  json: string;
  at: number;
}

export class SharedReplies {
  private readonly kept = new Map<string, Kept>();
  private chars = 0;

  constructor(
    private readonly maxChars = 4 * 1024 * 1024,
    private readonly ttlMs = 30 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Keep the parts of a private answer; the id its Share button carries. */
  keep(parts: MessageParts): string {
    const id = randomUUID();
    const json = JSON.stringify(parts);
    this.kept.set(id, { json, at: this.now() });
    this.chars += json.length;
    // Oldest first (a Map keeps insertion order): expired ones, then as many as the budget needs.
    for (const [key, k] of this.kept) {
      if (this.chars <= this.maxChars && this.now() - k.at <= this.ttlMs) break;
      if (key === id) break;
      this.drop(key, k);
    }
    return id;
  }

  /** The parts kept under `id`, once; null when unknown or expired. */
  take(id: string): MessageParts | null {
    const k = this.kept.get(id);
    if (!k) return null;
    this.drop(id, k);
    if (this.now() - k.at > this.ttlMs) return null;
    return JSON.parse(k.json) as MessageParts;
  }

  /** The parts kept under `id`, left kept (a *Full playbook* button may be clicked again); null when unknown or expired. */
  peek(id: string): MessageParts | null {
    const k = this.kept.get(id);
    if (!k || this.now() - k.at > this.ttlMs) return null;
    return JSON.parse(k.json) as MessageParts;
  }

  /** How many replies are kept, and their length in characters. */
  get size(): { count: number; chars: number } {
    return { count: this.kept.size, chars: this.chars };
  }

  private drop(id: string, k: Kept): void {
    this.kept.delete(id);
    this.chars -= k.json.length;
  }
}
