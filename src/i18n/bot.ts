/** What the Slack bot says besides the analysis: help, search, buttons, notes and apologies. */
import type { Bilingual } from './bilingual.ts';

export const BOT = {
  'bot.share': { en: 'Share in channel', zh: '分享到频道' },
  'bot.sharedBy': { en: 'Shared by <@{user}>', zh: '由 <@{user}> 分享' },
  'followUp.decided': {
    en: 'Read again with the facts added in this thread: {verdict}. The answer above is updated.',
    zh: '已结合本线程补充的信息重新分析：{verdict}。上面的回答已更新。',
  },
  'followUp.undecided': {
    en: 'Read again with the facts added in this thread; still not decided (most likely: {verdict}). The answer above is updated.',
    zh: '已结合本线程补充的信息重新分析，仍无法确定（最可能：{verdict}）。上面的回答已更新。',
  },
  'bot.expired': {
    en: 'That answer has expired: ask again with `/netty-oom`.',
    zh: '这条回复已过期：请用 `/netty-oom` 重新提问。',
  },
  'bot.playbookGone': {
    en: 'That playbook is no longer kept: paste the trace again, or run `netty-oom analyze` on it.',
    zh: '这份处理步骤已不再保留：请重新粘贴堆栈，或对它运行 `netty-oom analyze`。',
  },
  'bot.playbookOtherChannel': {
    en: 'That button belongs to an incident of another channel: its playbook is shown only there.',
    zh: '这个按钮属于另一个频道的事件：它的处理步骤只在那个频道显示。',
  },
  'bot.help': {
    en: "*netty-oom* reads Netty `OutOfDirectMemoryError`, JDK `Direct buffer memory` and Netty `LEAK:` traces.\n• Paste a trace in a channel I am in: I answer in its thread.\n• `/netty-oom TEXT`: analyze TEXT (only you see the answer; share it with the button).\n• `/netty-oom search QUERY`: search the knowledge base (English or 中文).\n• `/netty-oom handoff 24h`: the on-call handoff of the last 24 hours.\n• `/netty-oom help`: this message.\n• Message menu → *Analyze OOM trace*: analyze any message, or its attached log.\n• Mention me in a thread: I analyze the thread's first message.",
    zh: '*netty-oom* 读取 Netty `OutOfDirectMemoryError`、JDK `Direct buffer memory` 和 Netty `LEAK:` 日志。\n• 在我所在的频道粘贴堆栈：我会在该消息的线程里回复。\n• `/netty-oom 文本`：分析这段文本（只有你能看到，可以用按钮分享）。\n• `/netty-oom search 关键词`：搜索知识库（中英文均可）。\n• `/netty-oom handoff 24h 交接`：最近 24 小时的值班交接（命令里带中文则用中文回复）。\n• `/netty-oom help`：显示本帮助。\n• 消息菜单 → *Analyze OOM trace*：分析任意一条消息或其附带的日志文件。\n• 在线程中 @ 我：我会分析该线程的第一条消息。',
  },
  'bot.helpFallback': { en: 'netty-oom help', zh: 'netty-oom 帮助' },
  'bot.hits': { en: 'Knowledge base: {n} result(s) for “{q}”', zh: '知识库：“{q}” 共 {n} 条结果' },
  'bot.noHits': { en: 'Nothing in the knowledge base matches “{q}”.', zh: '知识库中没有与“{q}”匹配的内容。' },
  'bot.sorry': {
    en: 'Sorry: something went wrong while answering (reference {ref}). The error is logged; please try again.',
    zh: '抱歉：回复时出错了（编号 {ref}），错误已记录，请重试。',
  },
  'bot.tooLarge': {
    en: '`{name}` is {size}: I read files up to {max}. Run `netty-oom analyze {name}` on a machine that has it, or paste the part around the error.',
    zh: '`{name}` 有 {size}，我只能读取 {max} 以内的文件。请在有该文件的机器上运行 `netty-oom analyze {name}`，或只粘贴报错附近的内容。',
  },
  'bot.tooSlow': {
    en: 'This paste is too large or too slow to analyse here: I stopped after {seconds} s. Run `netty-oom analyze FILE` on the machine that has the log, or paste the part around the error.',
    zh: '这段内容太大或太慢，无法在这里分析：已在 {seconds} 秒后停止。请在有该日志的机器上运行 `netty-oom analyze 文件`，或只粘贴报错附近的内容。',
  },
  'bot.unreadable': { en: 'I could not read `{name}` ({detail}).', zh: '无法读取 `{name}`（{detail}）。' },
  'bot.nothingInMessage': {
    en: 'I found no direct-memory OOM or Netty LEAK report in that message.',
    zh: '这条消息里没有堆外内存溢出或 Netty LEAK 报告。',
  },
  'bot.handoffUsage': {
    en: '"{text}" is not a duration: try `/netty-oom handoff 24h` (or 90m, 7d).',
    zh: '“{text}”不是时长：试试 `/netty-oom handoff 24h`（或 90m、7d）。',
  },
  'file.size': { en: '{size}', zh: '{size}' },
  'file.moreThan': { en: 'more than {size}', zh: '超过 {size}' },
  'file.grew': {
    en: 'more than {read}, though Slack said {declared}',
    zh: '超过 {read}（Slack 声明的大小是 {declared}）',
  },
  'file.noUrl': { en: 'no download URL', zh: '没有下载地址' },
  'file.refused': {
    en: 'its address {origin} is not Slack’s file host, so the bot token was not sent there',
    zh: '它的地址 {origin} 不是 Slack 的文件服务器，所以没有把机器人令牌发过去',
  },
  'file.http': { en: 'HTTP {status}', zh: 'HTTP {status}' },
  'file.error': { en: '{message}', zh: '{message}' },
  'file.webPage': {
    en: 'Slack returned a web page (is files:read granted?)',
    zh: 'Slack 返回了一个网页（是否授予了 files:read 权限？）',
  },
  'mark.incident_mitigated': { en: 'Mitigated', zh: '已缓解' },
  'mark.incident_resolved': { en: 'Resolved', zh: '已解决' },
  'mark.feedback_helpful': { en: '👍 Helpful', zh: '👍 有用' },
  'mark.feedback_not_helpful': { en: '👎 Not helpful', zh: '👎 没用' },
  'mark.done.mitigated': { en: 'mitigated', zh: '已缓解' },
  'mark.done.resolved': { en: 'resolved', zh: '已解决' },
  'mark.done.helpful': { en: 'helpful', zh: '有用' },
  'mark.done.not-helpful': { en: 'not helpful', zh: '没用' },
  'mark.recorded': { en: 'Recorded: {action}. {line}', zh: '已记录：{action}。{line}' },
  'mark.takenBack': { en: 'Taken back: {action}. {line}', zh: '已撤回：{action}。{line}' },
  'mark.otherChannel': {
    en: 'That button belongs to an incident of another channel: nothing was recorded.',
    zh: '这个按钮属于另一个频道的事件：没有记录任何内容。',
  },
  'mark.gone': {
    en: 'That incident is no longer in the store (past retention?).',
    zh: '事件存储里已经没有这个事件了（可能已超过保留期）。',
  },
  'status.mitigated': { en: '🟡 Mitigated by <@{user}> {time}', zh: '🟡 <@{user}> 于 {time} 标记为已缓解' },
  'status.resolved': { en: '🟢 Resolved by <@{user}> {time}', zh: '🟢 <@{user}> 于 {time} 标记为已解决' },
  'status.feedback': { en: '👍 {up} · 👎 {down}', zh: '👍 {up} · 👎 {down}' },
  'incident.seen': { en: '🔁 Seen {n} times since {since}', zh: '🔁 自 {since} 起已出现 {n} 次' },
  'incident.alsoSeen': {
    en: 'Also seen in <#{channel}>: <{link}|first thread>',
    zh: '<#{channel}> 里也出现过：<{link}|第一次的讨论>',
  },
  'store.note': {
    en: '⚠️ I could not record this incident: the incident store is {why}. The answer is complete; the handoff will miss it.',
    zh: '⚠️ 无法记录这次事件：事件存储{why}。回复是完整的，但交接里不会出现它。',
  },
  'store.full': { en: 'full (disk or quota)', zh: '已满（磁盘或配额）' },
  'store.readOnly': { en: 'read-only', zh: '只读' },
  'store.failing': { en: 'failing ({message})', zh: '出错（{message}）' },
} satisfies Record<string, Bilingual>;
