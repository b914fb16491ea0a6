/**
 * What the analysis says about the input and its own reasoning: notes on cut or absurd numbers,
 * how the limit was set, the pooled chunk rule, product evidence, and durations.
 */
import type { Bilingual } from './bilingual.ts';

export const NOTES = {
  'note.numberCut': {
    en: 'the {name} number ({digits}) is cut off in the paste and was ignored',
    zh: '{name} 数值（{digits}）在粘贴内容中被截断，已忽略',
  },
  'note.numberNegative': {
    en: 'the {name} number is negative ({digits}) and was ignored',
    zh: '{name} 数值为负（{digits}），已忽略',
  },
  'note.numberTooLarge': {
    en: 'the {name} number ({digits}) is too large to be real and was ignored',
    zh: '{name} 数值（{digits}）大得不合理，已忽略',
  },
  'note.usedOverMax': {
    en: 'used ({used}) is larger than max ({max}): the two numbers come from different counters',
    zh: 'used（{used}）大于 max（{max}）：这两个数来自不同的计数器',
  },
  'note.cutLines': {
    en: '{n} over-long line(s) were read only around their error signatures',
    zh: '{n} 行过长，只读取了其中报错特征附近的部分',
  },
  'note.eventsOmitted': {
    en: '{n} more event(s) were counted but not listed',
    zh: '另有 {n} 个事件已计数但未列出',
  },
  'note.nettyVersionsDisagree': {
    en: "the text says Netty {stated} ({evidence}), but the trace's line numbers are those of {lines} ({where}): is the trace from the build that fails?",
    zh: '文中写的是 Netty {stated}（{evidence}），但堆栈的行号属于 {lines}（{where}）：这份堆栈来自出问题的那个版本吗？',
  },
  'note.windowed': {
    en: 'a large input: only the regions around error signatures were parsed',
    zh: '输入很大：只解析了报错特征附近的区域',
  },
  'limit.noMax': { en: 'the trace shows no max', zh: '堆栈中没有 max 数值' },
  'limit.flag': { en: '{flag} in the paste', zh: '文中有 {flag}' },
  'limit.heap': {
    en: 'max {max} is just under the heap max {heap}: MaxDirectMemorySize is not set, so the limit followed the heap',
    zh: 'max {max} 略小于堆上限 {heap}：未设置 MaxDirectMemorySize，上限跟随堆大小',
  },
  'limit.round': {
    en: 'max {bytes} is exactly {max}, a round figure: set by -XX:MaxDirectMemorySize (or io.netty.maxDirectMemory)',
    zh: 'max {bytes} 正好是 {max}，是个整数值：由 -XX:MaxDirectMemorySize（或 io.netty.maxDirectMemory）设置',
  },
  'limit.underRound': {
    en: 'max {bytes} ≈ {max}, just under {round}: the limit followed the heap (-Xmx{xmx}); MaxDirectMemorySize is not set',
    zh: 'max {bytes} ≈ {max}，略小于 {round}：上限跟随堆大小（-Xmx{xmx}），未设置 MaxDirectMemorySize',
  },
  'limit.unknown': { en: 'max {max} matches no known default', zh: 'max {max} 不符合已知的默认值' },
  'chunkRule.grpc': { en: "gRPC's own allocator, maxOrder 8", zh: 'gRPC 自带的分配器，maxOrder 8' },
  'chunkRule.old': {
    en: 'Netty ≤ 4.1.74: 8 KiB pages, maxOrder 11',
    zh: 'Netty ≤ 4.1.74：8 KiB 页，maxOrder 11',
  },
  'chunkRule.new': { en: 'Netty ≥ 4.1.75: maxOrder 9', zh: 'Netty ≥ 4.1.75：maxOrder 9' },
  'finding.noSignal': {
    en: 'Nothing in the paste points to one cause: the trace alone does not tell a leak from a burst or a small limit',
    zh: '日志中没有指向单一原因的信号：仅凭堆栈无法区分泄漏、突发负载还是上限过小',
  },
  'framework.relocated': { en: 'Netty relocated under {prefix}', zh: 'Netty 重定位到 {prefix}' },
  'framework.frame': { en: 'frame {frame}', zh: '栈帧 {frame}' },
  'framework.exception': { en: '{class}', zh: '{class}' },
  'framework.thread': { en: 'thread {thread}', zh: '线程 {thread}' },
  'framework.logger': { en: 'logger {logger}', zh: '日志记录器 {logger}' },
  'framework.word': { en: 'the word "{word}"', zh: '文中出现“{word}”' },
  'framework.wordBeside': {
    en: 'the word "{word}" beside {parent}',
    zh: '文中出现“{word}”，且有 {parent} 的痕迹',
  },
  'duration.seconds': { en: '{n} s', zh: '{n} 秒' },
  'duration.minutes': { en: '{n} min', zh: '{n} 分钟' },
  'duration.hours': { en: '{n} h', zh: '{n} 小时' },
  'duration.days': { en: '{n} days', zh: '{n} 天' },
} satisfies Record<string, Bilingual>;
