/** The analysis reply: headline, facts, verdict, playbook heads, and the labels of the report's enums. */
import type { Bilingual } from './bilingual.ts';

export const REPLY = {
  headlineOodm: {
    en: 'Direct memory exhausted: {used} of {max} used, {requested} refused',
    zh: '堆外内存耗尽：已用 {used} / 上限 {max}，申请 {requested} 失败',
  },
  headlineOodmChunk: {
    en: 'Direct memory exhausted: {used} of {max} used, a {requested} chunk refused',
    zh: '堆外内存耗尽：已用 {used} / 上限 {max}，申请 {requested} 的 chunk 失败',
  },
  headlineNoNumbers: { en: 'Direct memory exhausted ({kind})', zh: '堆外内存耗尽（{kind}）' },
  headlineLeak: {
    en: 'Netty LEAK report: buffers garbage-collected without release()',
    zh: 'Netty LEAK 报告：ByteBuf 未 release() 就被 GC 回收',
  },
  headlineNothing: {
    en: 'No direct-memory OOM or Netty LEAK report found',
    zh: '没有发现堆外内存溢出或 Netty LEAK 报告',
  },
  headlineTail: { en: ' — {what}', zh: ' — {what}' },
  fromPackage: { en: '{name} (named from its package)', zh: '{name}（按包名推断）' },
  kindOodm: { en: "Netty's OutOfDirectMemoryError", zh: 'Netty OutOfDirectMemoryError' },
  // The JDK's own messages, as it prints them: quoted, not translated.
  kindDirect: { en: 'JDK: Direct buffer memory', zh: 'JDK：Direct buffer memory' },
  kindReserve: {
    en: 'JDK: Cannot reserve direct buffer memory',
    zh: 'JDK：Cannot reserve direct buffer memory',
  },
  kindLeak: { en: 'Netty LEAK report', zh: 'Netty LEAK 报告' },
  shaded: { en: 'relocated under {prefix}', zh: '重定位到 {prefix}' },
  'facts.limit': { en: 'limit: {origin}', zh: '上限来源：{origin}' },
  'facts.events': { en: '{n} errors in the paste', zh: '日志中共 {n} 次报错' },
  mostLikely: { en: 'Most likely: {title}', zh: '最可能：{title}' },
  unknownCause: { en: 'Cause not clear from the paste', zh: '从日志中看不出明确原因' },
  confidence: { en: '{percent} confidence', zh: '置信度 {percent}' },
  'verdict.undecided': { en: 'Not decided yet: most likely {options}', zh: '尚无定论：最可能是{options}' },
  'verdict.or': { en: ' or ', zh: '或' },
  'verdict.toDecide': { en: 'What would decide it:', zh: '以下信息可以确定原因：' },
  'verdict.against': { en: 'Less likely: {title} — {reason}', zh: '可能性较小：{title} — {reason}' },
  otherError: {
    en: 'I see {error}: that is not a direct-memory problem.',
    zh: '这里是 {error}：不是堆外内存问题。',
  },
  nothingHint: {
    en: 'Paste the whole stack trace (with the `failed to allocate … (used: …, max: …)` line), or ask a question with `/netty-oom search`.',
    zh: '请粘贴完整堆栈（包含 `failed to allocate … (used: …, max: …)` 这一行），或用 `/netty-oom search` 提问。',
  },
  notes: { en: 'Note', zh: '注意' },
  playbook: { en: 'What to do: {title}', zh: '处理步骤：{title}' },
  fullPlaybook: { en: 'Full playbook', zh: '完整处理步骤' },
  close: { en: 'Close', zh: '关闭' },
  'step.check': { en: 'Check', zh: '检查' },
  'step.act': { en: 'Do', zh: '处理' },
  'step.verify': { en: 'Verify', zh: '验证' },
  // 升级 reads as "upgrade": escalating is reporting up, 上报.
  'step.escalate': { en: 'Escalate', zh: '上报' },
  readMore: { en: 'Read more', zh: '延伸阅读' },
  'allocationPath.pooled-chunk': { en: 'new pooled chunk', zh: '新的池化 chunk' },
  'allocationPath.pooled-huge': { en: 'huge (unpooled) allocation', zh: '超大（非池化）分配' },
  'allocationPath.pooled-other': { en: 'pooled allocator', zh: '池化分配器' },
  'allocationPath.unpooled-nocleaner': { en: 'unpooled, no cleaner', zh: '非池化、无 Cleaner' },
  'allocationPath.unpooled-cleaner': { en: 'unpooled, JDK cleaner', zh: '非池化、JDK Cleaner' },
  'allocationPath.nio-bits': { en: 'ByteBuffer.allocateDirect', zh: 'ByteBuffer.allocateDirect' },
  'allocationPath.unknown': { en: 'not in the trace', zh: '堆栈中看不出' },
  'limitGuess.explicit-max-direct-memory-size': {
    en: '-XX:MaxDirectMemorySize',
    zh: '-XX:MaxDirectMemorySize',
  },
  'limitGuess.defaults-to-heap-max': { en: 'heap size (flag not set)', zh: '跟随堆大小（未设置）' },
  'limitGuess.io-netty-max-direct-memory': { en: 'io.netty.maxDirectMemory', zh: 'io.netty.maxDirectMemory' },
  'limitGuess.unknown': { en: 'unknown', zh: '未知' },
  'ioDirection.inbound-read': { en: 'reading (inbound)', zh: '读取（入站）' },
  'ioDirection.outbound-write': { en: 'writing (outbound)', zh: '写出（出站）' },
  'ioDirection.user-code': { en: 'application code', zh: '业务代码' },
  'ioDirection.unknown': { en: 'unknown', zh: '未知' },
  'trend.perDay': { en: '{rate}/day', zh: '{rate}/天' },
  'trend.head': {
    en: 'Trend {rate}{eta} (readings: {readings})',
    zh: '趋势 {rate}{eta}（读数：{readings}）',
  },
  'trend.atLimit': { en: ': at the {limit} limit already', zh: '，已到达 {limit} 上限' },
  'trend.eta': {
    en: ': ~{duration} from the last reading to the {limit} limit',
    zh: '：按此速度，距最后一个读数约 {duration} 后到达 {limit} 上限',
  },
  'trend.flat': { en: ': not growing', zh: '：没有在增长' },
} satisfies Record<string, Bilingual>;
