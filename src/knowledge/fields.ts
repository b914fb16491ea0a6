/**
 * The facts a playbook step may name as `{{field}}`. `ALWAYS` fields have a value for every report;
 * the others may be missing, so a text that uses them needs a fallback that does not.
 */
export const ALWAYS_FIELDS = ['nettyProp', 'framework'] as const;

export const OPTIONAL_FIELDS = [
  'requested',
  'requestedBytes',
  'used',
  'usedBytes',
  'max',
  'maxBytes',
  'headroom',
  'utilization',
  'thread',
  'threadPattern',
  'nettyVersion',
  'transport',
  'leakSite',
  'suggestedMax',
  'suggestedMaxBytes',
  'heapMax',
  'chunk',
  'shadedPrefix',
  'limitEvidence',
] as const;

export type Field = (typeof ALWAYS_FIELDS)[number] | (typeof OPTIONAL_FIELDS)[number];
export const KNOWN_FIELDS: ReadonlySet<string> = new Set([...ALWAYS_FIELDS, ...OPTIONAL_FIELDS]);
export const ALWAYS: ReadonlySet<string> = new Set(ALWAYS_FIELDS);

/** What each field holds, for knowledge authors (printed by `netty-oom kb fields`). */
export const FIELD_HELP: Record<Field, string> = {
  nettyProp:
    'prefix for Netty system properties: io.netty. or its relocation (io.grpc.netty.shaded.io.netty.)',
  framework: 'display name of the most specific framework detected (Netty when none)',
  requested: 'requested size, human units (16 MiB)',
  requestedBytes: 'requested size in bytes (16777216)',
  used: 'used direct memory, human units',
  usedBytes: 'used direct memory in bytes',
  max: 'the limit, human units',
  maxBytes: 'the limit in bytes',
  headroom: 'max - used, human units',
  utilization: 'used / max as a percentage (99.9 %)',
  thread: 'the thread that failed (reactor-http-epoll-8)',
  threadPattern: 'the thread name without its trailing numbers, for grep (reactor-http-epoll-)',
  nettyVersion: 'Netty version from jar names (4.1.33.Final)',
  transport: 'epoll, nio, kqueue or io_uring',
  leakSite: 'first frame outside Netty where unreleased buffers were made',
  suggestedMax: 'a larger limit to try, as a JVM size (1g): the next power of two at or above twice max',
  suggestedMaxBytes: 'the same in bytes',
  heapMax: 'heap max from jmap or -Xmx, human units',
  chunk: 'pooled chunk size for this Netty version (16 MiB, 4 MiB, or 2 MiB for gRPC)',
  shadedPrefix: 'relocation prefix in front of io.netty. (io.grpc.netty.shaded.)',
  limitEvidence: 'why the limit looks explicit or defaulted',
};
