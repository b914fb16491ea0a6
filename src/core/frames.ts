/** What the frames of a trace say: allocation path, read or write, transport, user call sites. */
import { frameName, unshade } from './parse/frame.ts';
import type { AllocationPath, IoDirection, Transport } from './types.ts';

const JDK = ['java.', 'javax.', 'jdk.', 'sun.', 'com.sun.'];
const INFRA = ['io.netty.', ...JDK, 'reactor.core.', 'kotlin.', 'scala.'];

// Frames that show a socket read feeding the allocation (seed 000: epollInReady; seed 001/004: NioByteUnsafe.read).
const READ_MARKERS = [
  'RecvByteBufAllocator',
  'Cumulator',
  '.cumulate(',
  'RecvByteAllocatorHandle',
  'epollInReady',
  'NioByteUnsafe.read',
  'StreamUnsafe.readReady',
  'doReadBytes',
  'ByteToMessageDecoder',
  'IOUringStreamUnsafe',
];
// Frames that show data being written out: encoders, the outbound buffer, SSL wrap.
const WRITE_MARKERS = [
  'MessageToByteEncoder',
  'ChannelOutboundBuffer',
  'AbstractUnsafe.write',
  'AbstractUnsafe.flush',
  'invokeWrite',
  'writeAndFlush',
  'SslHandler.wrap',
  'allocateOutNetBuf',
  'Http2ConnectionEncoder',
  'Http2FrameWriter',
  'filterOutboundMessage',
];
// Buffer operations in user code that make a new buffer the caller must release.
const COPY_CALLS = ['.copy(', '.retainedSlice(', '.retainedDuplicate(', '.readRetainedSlice(', '.retain('];

export function isJdkFrame(frame: string): boolean {
  return JDK.some((p) => frame.startsWith(p));
}

/** A frame outside Netty, the JDK and Reactor's operators: where application (or framework) code runs. */
export function isOutsideNetty(frame: string): boolean {
  const f = unshade(frame);
  return !INFRA.some((p) => f.startsWith(p));
}

export function allocationPathOf(frames: string[]): { path: AllocationPath; frame: string | null } {
  const f = frames.map(unshade);
  const find = (needle: string) => f.find((x) => x.includes(needle)) ?? null;
  const huge = find('PoolArena.allocateHuge');
  if (huge) return { path: 'pooled-huge', frame: frameName(huge) };
  const chunk = find('.newChunk(');
  if (chunk && find('io.netty.buffer.')) return { path: 'pooled-chunk', frame: frameName(chunk) };
  const adaptive = find('AdaptivePoolingAllocator') ?? find('PoolArena');
  if (adaptive) return { path: 'pooled-other', frame: frameName(adaptive) };
  const noCleaner = find('NoCleanerDirectByteBuf') ?? find('allocateDirectNoCleaner');
  if (noCleaner) return { path: 'unpooled-nocleaner', frame: frameName(noCleaner) };
  const bits = find('java.nio.Bits.reserveMemory') ?? find('java.nio.DirectByteBuffer.<init>');
  if (bits) {
    const unpooled = find('io.netty.buffer.Unpooled');
    return unpooled
      ? { path: 'unpooled-cleaner', frame: frameName(unpooled) }
      : { path: 'nio-bits', frame: frameName(bits) };
  }
  return { path: 'unknown', frame: null };
}

/**
 * Walk from the allocation outwards: the first frame that tells who asked for the memory. Frames of
 * catalogued products (their `packages` in knowledge/products/) are passed over: they are not the user's code.
 */
export function ioDirectionOf(
  frames: string[],
  frameworkPackages: string[] = [],
): { direction: IoDirection; frame: string | null } {
  let framework: string | null = null;
  for (const raw of frames) {
    const f = unshade(raw);
    if (READ_MARKERS.some((m) => f.includes(m))) return { direction: 'inbound-read', frame: frameName(f) };
    if (WRITE_MARKERS.some((m) => f.includes(m))) return { direction: 'outbound-write', frame: frameName(f) };
    if (!isOutsideNetty(f)) continue;
    if (frameworkPackages.some((p) => raw.startsWith(p) || f.startsWith(p))) {
      framework ??= frameName(raw);
      continue;
    }
    return { direction: 'user-code', frame: frameName(raw) };
  }
  return framework ? { direction: 'user-code', frame: framework } : { direction: 'unknown', frame: null };
}

// `io.grpc.netty.shaded.io.netty.buffer.PoolArena.allocate(…)` (a relocated Netty 4)
const RELOCATED = /^((?:[a-z_][\w$]{0,60}\.){1,12}io\.netty\.)[a-z]/;
// `org.elasticsearch.common.netty.channel.socket.nio.NioWorker.read(…)`: Netty 3, whose root is `org.jboss.netty.`,
// relocated; told by classes only Netty 3 has, as other projects name packages `….netty.channel` too.
const NETTY3 =
  /^((?:[a-z_][\w$]{0,60}\.){1,12}netty\.)(?:channel\.socket\.nio\.(?:NioWorker|AbstractNioWorker|AbstractNioSelector|SocketReceiveBufferAllocator|SocketSendBufferPool)|util\.ThreadRenamingRunnable|buffer\.(?:ChannelBuffers|[A-Z]\w{0,40}ChannelBuffer)\b)/;

/** Netty's package root as the frames print it, when it is not `io.netty.` (a relocation, or Netty 3). */
export function nettyRootOfFrames(frames: string[]): string | null {
  for (const f of frames) {
    if (!f.includes('netty.')) continue;
    const root = RELOCATED.exec(f)?.[1] ?? NETTY3.exec(f)?.[1];
    if (root && root !== 'org.jboss.netty.') return root;
  }
  return null;
}

/**
 * The prefix a relocation put before Netty's root: `io.grpc.netty.shaded.io.netty.` →
 * `io.grpc.netty.shaded.`, Netty 3's `org.elasticsearch.common.netty.` → `org.elasticsearch.common.`.
 */
export function relocationOf(root: string): string | null {
  if (root === 'io.netty.' || root === 'org.jboss.netty.') return null;
  if (root.endsWith('.io.netty.')) return root.slice(0, -'io.netty.'.length);
  if (root.endsWith('.netty.')) return root.slice(0, -'netty.'.length);
  return root;
}

export function transportOf(frames: string[], threads: string[]): Transport | null {
  for (const raw of frames) {
    const f = unshade(raw);
    if (f.includes('.channel.epoll.')) return 'epoll';
    if (f.includes('.channel.kqueue.')) return 'kqueue';
    if (f.includes('.uring.')) return 'io_uring';
    if (f.includes('.channel.nio.') || f.includes('.channel.socket.nio.')) return 'nio';
  }
  for (const t of threads) {
    // Tomcat's connector threads (`http-nio-8080-exec-9`) name its own NIO, not Netty's transport.
    if (/-exec-\d/.test(t)) continue;
    // `reactor-http-epoll-4`, `epollEventLoopGroup-3-2`, `kQueueEventLoopGroup-2-1`, `iOUringEventLoopGroup-2-1`
    if (/-epoll-|epollEventLoop/i.test(t)) return 'epoll';
    if (/-kqueue-|kqueueEventLoop/i.test(t)) return 'kqueue';
    if (/-(?:io_)?uring-|uringEventLoop/i.test(t)) return 'io_uring';
    if (/-nio-|nioEventLoop/i.test(t)) return 'nio';
  }
  return null;
}

/** A user frame that called copy()/retain…: it made a buffer it has to release. */
export function userCopySite(frames: string[]): { call: string; frame: string } | null {
  for (let i = 0; i + 1 < frames.length; i++) {
    const f = frames[i] as string;
    const call = COPY_CALLS.find((c) => f.includes(c));
    if (!call) continue;
    const caller = frames.slice(i + 1).find(isOutsideNetty);
    if (caller) return { call: `ByteBuf${call}${')'}`, frame: caller };
  }
  return null;
}

/** Leak sites: the first frame outside Netty and the JDK in each `Created at:` record. */
export function leakSiteOf(records: { created: boolean; frames: string[] }[]): string[] {
  const sites: string[] = [];
  for (const r of records) {
    if (!r.created) continue;
    const site =
      r.frames.find(isOutsideNetty) ??
      r.frames.find((f) => !isJdkFrame(unshade(f)) && !unshade(f).startsWith('io.netty.'));
    if (site) sites.push(site);
  }
  return sites;
}

/** First frame (unshaded) that contains any of the needles. */
export function frameWith(frames: string[], needles: string[]): string | null {
  for (const raw of frames) {
    const f = unshade(raw);
    if (needles.some((n) => f.includes(n))) return frameName(f);
  }
  return null;
}
