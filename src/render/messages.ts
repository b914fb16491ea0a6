/** Every fixed string of the reply, in both languages: a missing translation fails to compile. */
import { placeholders } from '../core/template.ts';
import type { Language } from '../core/types.ts';

export const MESSAGES = {
  headlineOodm: {
    en: 'Direct memory exhausted: {used} of {max} used, {requested} refused',
    zh: '堆外内存耗尽：已用 {used} / 上限 {max}，申请 {requested} 失败',
  },
  headlineOodmChunk: {
    en: 'Direct memory exhausted: {used} of {max} used, a {requested} chunk refused',
    zh: '堆外内存耗尽：已用 {used} / 上限 {max}，申请 {requested} 的 chunk 失败',
  },
  headlineNoNumbers: {
    en: 'Direct memory exhausted ({kind})',
    zh: '堆外内存耗尽（{kind}）',
  },
  headlineLeak: {
    en: 'Netty LEAK report: buffers garbage-collected without release()',
    zh: 'Netty LEAK 报告：ByteBuf 未 release() 就被 GC 回收',
  },
  headlineNothing: {
    en: 'No direct-memory OOM or Netty LEAK report found',
    zh: '没有发现堆外内存溢出或 Netty LEAK 报告',
  },
  kindOodm: { en: "Netty's OutOfDirectMemoryError", zh: 'Netty OutOfDirectMemoryError' },
  kindDirect: { en: 'JDK: Direct buffer memory', zh: 'JDK：Direct buffer memory' },
  kindReserve: {
    en: 'JDK: Cannot reserve direct buffer memory',
    zh: 'JDK：Cannot reserve direct buffer memory',
  },
  kindLeak: { en: 'Netty LEAK report', zh: 'Netty LEAK 报告' },
  fieldRequested: { en: 'Requested', zh: '申请' },
  fieldUsed: { en: 'Used', zh: '已用' },
  fieldMax: { en: 'Limit (max)', zh: '上限 (max)' },
  fieldHeadroom: { en: 'Headroom', zh: '剩余' },
  fieldFramework: { en: 'Framework', zh: '框架' },
  fieldNetty: { en: 'Netty', zh: 'Netty' },
  fieldThread: { en: 'Thread', zh: '线程' },
  fieldPath: { en: 'Allocation', zh: '分配路径' },
  fieldLimit: { en: 'Limit set by', zh: '上限来源' },
  fieldDirection: { en: 'Path', zh: '读/写' },
  fieldLeakSite: { en: 'Leak site', zh: '泄漏位置' },
  fieldEvents: { en: 'Events', zh: '事件' },
  mostLikely: { en: 'Most likely: {title}', zh: '最可能：{title}' },
  alsoPossible: { en: 'Also possible', zh: '其他可能' },
  unknownCause: { en: 'Cause not clear from the paste', zh: '从日志中看不出明确原因' },
  confidence: { en: '{percent} confidence', zh: '置信度 {percent}' },
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
  step_check: { en: 'Check', zh: '检查' },
  step_act: { en: 'Do', zh: '处理' },
  step_verify: { en: 'Verify', zh: '验证' },
  step_escalate: { en: 'Escalate', zh: '升级' },
  readMore: { en: 'Read more', zh: '延伸阅读' },
  headlineTail: { en: ' — {what}', zh: ' — {what}' },
  fromPackage: { en: '{name} (named from its package)', zh: '{name}（按包名推断）' },
  percentUsed: { en: '{percent} used', zh: '已用 {percent}' },
  shaded: { en: 'relocated under {prefix}', zh: '重定位到 {prefix}' },
  times: { en: '{n} times', zh: '{n} 次' },
  evidenceFrom: { en: 'line {line}', zh: '第 {line} 行' },
} satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof MESSAGES;

export function t(key: MessageKey, lang: Language, values: Record<string, string> = {}): string {
  return placeholders(MESSAGES[key][lang], values);
}

export const LABELS = {
  allocationPath: {
    'pooled-chunk': { en: 'new pooled chunk', zh: '新的池化 chunk' },
    'pooled-huge': { en: 'huge (unpooled) allocation', zh: '超大（非池化）分配' },
    'pooled-other': { en: 'pooled allocator', zh: '池化分配器' },
    'unpooled-nocleaner': { en: 'unpooled, no cleaner', zh: '非池化、无 Cleaner' },
    'unpooled-cleaner': { en: 'unpooled, JDK cleaner', zh: '非池化、JDK Cleaner' },
    'nio-bits': { en: 'ByteBuffer.allocateDirect', zh: 'ByteBuffer.allocateDirect' },
    unknown: { en: 'not in the trace', zh: '堆栈中看不出' },
  },
  limitGuess: {
    'explicit-max-direct-memory-size': { en: '-XX:MaxDirectMemorySize', zh: '-XX:MaxDirectMemorySize' },
    'defaults-to-heap-max': { en: 'heap size (flag not set)', zh: '跟随堆大小（未设置）' },
    'io-netty-max-direct-memory': { en: 'io.netty.maxDirectMemory', zh: 'io.netty.maxDirectMemory' },
    unknown: { en: 'unknown', zh: '未知' },
  },
  ioDirection: {
    'inbound-read': { en: 'reading (inbound)', zh: '读取（入站）' },
    'outbound-write': { en: 'writing (outbound)', zh: '写出（出站）' },
    'user-code': { en: 'application code', zh: '业务代码' },
    unknown: { en: 'unknown', zh: '未知' },
  },
} as const satisfies Record<string, Record<string, Record<Language, string>>>;
