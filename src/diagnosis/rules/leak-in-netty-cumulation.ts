import { defineRule } from '../rule.ts';

/**
 * A leaked buffer created by a decoder's cumulation (`ByteToMessageDecoder.expandCumulation` /
 * `cumulate`) never reaches application code: the decoder owns it and must free it, so the leak is
 * Netty's. Netty 4.1.44 fixed the one that leaked when writing into the new cumulation failed.
 */
export default defineRule({
  id: 'leak-in-netty-cumulation',
  scenario: 'jdk-or-netty-bug',
  supports: 'strong',
  when: (f) => {
    if (f.summary.kind !== 'leak_report' && !f.signal('leak-report')) return null;
    const leak = f.report.events.find((e) => e.kind === 'leak_report');
    const frames = leak?.frames ?? [];
    const cumulation = frames.find((x) => x.includes('ByteToMessageDecoder.expandCumulation'));
    const handedOn = frames.some(
      (x) => /\.decode\(|\.channelRead0\(/.test(x) && !x.includes('ByteToMessageDecoder'),
    );
    return cumulation && !handedOn ? { frame: cumulation.replace(/\(.*$/, '') } : null;
  },
  evidence: {
    en: "The leaked buffer is a decoder's cumulation ({frame}): Netty owns it, not your handlers — a Netty bug (fixed in 4.1.44, netty#9822)",
    zh: '泄漏的缓冲区是解码器的累积缓冲区（{frame}）：它归 Netty 所有，而不是你的 handler——这是 Netty 的缺陷（4.1.44 修复，netty#9822）',
  },
  source: 'https://github.com/netty/netty/pull/9822',
});
