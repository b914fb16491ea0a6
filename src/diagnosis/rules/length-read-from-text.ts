import { defineRule } from '../rule.ts';

/**
 * A requested size whose four bytes are printable text (2065842275 is `{"@c`) was not a length
 * anyone meant: a decoder read a length field out of text or of another codec's data. Make both
 * ends use the same codec, and cap the frame length the decoder accepts.
 */
export default defineRule({
  id: 'length-read-from-text',
  scenario: 'large-message',
  supports: 'strong',
  when: ({ requested }) => {
    if (requested === null || requested < 0x20202020 || requested > 0x7e7e7e7e) return null;
    const bytes = [24, 16, 8, 0].map((shift) => (requested >>> shift) & 0xff);
    if (!bytes.every((b) => b >= 0x20 && b <= 0x7e)) return null;
    return { requested, text: String.fromCharCode(...bytes) };
  },
  evidence: {
    en: 'The requested size {requested} is the text “{text}” read as a length: the two sides do not speak the same codec',
    zh: '申请的大小 {requested} 其实是文本“{text}”被当成了长度：两端使用的编解码器不一致',
  },
  source: 'https://github.com/redisson/redisson/issues/6574',
});
