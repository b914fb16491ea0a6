/**
 * When the evidence does not decide, ask for the one to three facts that would: each question
 * separates some causes from the others, and is asked only while it is unknown.
 */
import type { Cause, Language } from '../core/types.ts';
import { type MessageKey, t } from '../i18n/messages.ts';
import type { Facts } from './facts.ts';

export interface Question {
  id: string;
  text: string;
  /** The command that answers it, ready to copy. */
  command: string | null;
}

interface Ask {
  id: string;
  text: MessageKey;
  /** The causes its answer tells apart from the rest. */
  separates: Cause[];
  command(f: Facts): string | null;
  /** Already answered by the paste. */
  known?(f: Facts): boolean;
  /** Asked only when the paste raises it. */
  when?(f: Facts): boolean;
}

const ASKS: Ask[] = [
  {
    id: 'test-limit',
    text: 'ask.testLimit',
    separates: ['undersized-limit', 'leak-unreleased-bytebuf'],
    command: () => 'jcmd <pid> VM.flags | tr " " "\\n" | grep -i MaxDirectMemorySize',
    when: (f) => f.max !== null && f.max < f.chunk,
  },
  {
    id: 'second-reading',
    text: 'ask.secondReading',
    separates: ['leak-unreleased-bytebuf', 'load-burst', 'undersized-limit'],
    // Needs -XX:NativeMemoryTracking=summary from start-up; Netty's unpooled no-cleaner memory shows under Other (Internal on JDK 8).
    command: () => 'jcmd <pid> VM.native_memory summary',
    known: (f) => f.summary.samples.length >= 2,
  },
  {
    id: 'limit-source',
    text: 'ask.limitSource',
    separates: ['undersized-limit'],
    command: () =>
      'jcmd <pid> VM.flags | tr " " "\\n" | grep -i -E "MaxDirectMemorySize|Xmx|MaxRAMPercentage"',
    known: (f) => f.summary.limitOrigin.guess !== 'unknown',
  },
  {
    id: 'leak-records',
    text: 'ask.leakRecords',
    separates: ['leak-unreleased-bytebuf', 'jdk-or-netty-bug'],
    command: (f) => `-D${f.summary.nettyPropertyPrefix}leakDetection.level=advanced`,
    known: (f) => f.summary.leakSites.length > 0,
  },
  {
    id: 'traffic',
    text: 'ask.traffic',
    separates: ['load-burst', 'slow-consumer-backpressure'],
    command: () => null,
  },
  {
    id: 'message-size',
    text: 'ask.messageSize',
    separates: ['large-message'],
    command: () => null,
  },
  {
    id: 'versions',
    text: 'ask.versions',
    separates: ['jdk-or-netty-bug', 'allocator-config'],
    command: () =>
      'jcmd <pid> VM.system_properties | grep -i -E "java.class.path" | tr ":" "\\n" | grep -E "netty|reactor|grpc"',
    known: (f) => f.nettyVersion !== null,
  },
];

/** Up to three questions that separate the leading causes, the most useful first. */
export function questionsFor(leading: Cause[], facts: Facts, lang: Language): Question[] {
  const scored = ASKS.filter((a) => !a.known?.(facts) && (a.when?.(facts) ?? true))
    .map((a) => ({ a, score: leading.filter((c) => a.separates.includes(c)).length }))
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score);
  return scored.slice(0, 3).map(({ a }) => ({ id: a.id, text: t(a.text, lang), command: a.command(facts) }));
}
