/** A one-line progress indicator on standard error, only when it is a terminal. */

export function progressReporter(stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY) return { update: (_b: number, _t: number | null) => {}, done: () => {} };
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(bytes: number, total: number | null) {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      shown = true;
      const mb = bytes / 1048576;
      const rate = mb / Math.max(0.001, (now - started) / 1000);
      const pct = total ? ` ${((bytes / total) * 100).toFixed(0).padStart(3)} %` : '';
      stream.write(`\r  reading${pct}  ${mb.toFixed(0)} MiB  ${rate.toFixed(0)} MiB/s `);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
