/** Java stack frames, with or without the `at ` of a stack trace (LEAK records print them bare). */

// `(PoolArena.java:769)`, `(Native Method)`, `(Unknown Source)`, `(<generated>)`
const LOCATION =
  /^(?:[\w$.-]{1,200}\.(?:java|kt|scala|groovy|clj|aj)(?::\d{1,7})?|Native Method|Unknown Source|<generated>|[\w$.-]{1,200}\.java)$/;
// `io.netty.buffer.PoolArena$DirectArena.newChunk`, `java.nio.DirectByteBuffer.<init>`
const NAME = /^[\w$.<>-]{3,400}$/;
// `$$Lambda$1/2093631819`, `$$Lambda$1/0x0000000800c00a08`
const LAMBDA_NUMBER = /(\$\$Lambda\$\d{1,10})\/(?:0x)?[\da-f]{1,20}/;

/**
 * `\tat io.netty.buffer.PoolArena.allocate(PoolArena.java:214) ~[netty-buffer-4.1.33.Final.jar!/:4.1.33.Final]`
 * → `io.netty.buffer.PoolArena.allocate(PoolArena.java:214)`; `null` when the line is not a frame.
 */
export function parseFrame(line: string): string | null {
  let t = line.trim();
  if (t.length < 5) return null;
  let bare = true;
  if (t.startsWith('at ')) {
    t = t.slice(3).trimStart();
    bare = false;
  }
  const open = t.indexOf('(');
  if (open < 3) return null;
  const close = t.indexOf(')', open);
  if (close < 0) return null;
  let name = t.slice(0, open);
  // `java.base/java.nio.Bits.reserveMemory`, `app//com.acme.Handler.read`: drop the module. A slash after a
  // `$` is a lambda's (`Handler$$Lambda$1/2093631819.run`, JDK 8): its number changes each run, so it goes.
  const dollar = name.indexOf('$');
  const slash = name.lastIndexOf('/', dollar < 0 ? name.length : dollar);
  if (slash >= 0) name = name.slice(slash + 1);
  name = name.replace(LAMBDA_NUMBER, '$1');
  if (!NAME.test(name)) return null;
  const dots = countDots(name);
  if (dots < 1 || (bare && dots < 2)) return null;
  // `(PooledByteBufAllocator.java:385  )`: spaces a scraped copy left before the parenthesis.
  const location = t.slice(open + 1, close).trimEnd();
  if (!LOCATION.test(location)) return null;
  return `${name}(${location})`;
}

/** The `Class.method` part of a parsed frame. */
export function frameName(frame: string): string {
  const open = frame.indexOf('(');
  return open < 0 ? frame : frame.slice(0, open);
}

function countDots(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 46) n++;
  return n;
}

/** `io.grpc.netty.shaded.io.netty.buffer.PoolArena…` → `io.netty.buffer.PoolArena…`. */
export function unshade(frame: string): string {
  const at = frame.indexOf('.io.netty.');
  return at > 0 ? frame.slice(at + 1) : frame;
}
