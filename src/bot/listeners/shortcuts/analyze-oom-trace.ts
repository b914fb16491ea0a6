/** Message shortcut "Analyze OOM trace": analyze the chosen message (or its file), reply in its thread. */
import type { MessageShortcut, Middleware, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { t } from '../../../i18n/messages.ts';
import type { BotDeps } from '../../deps.ts';
import type { SlackFile } from '../../files.ts';
import { gather, problemText } from '../../gather.ts';
import { handleTrace } from '../../incident-reply.ts';
import { languageOf } from '../../replies.ts';

export function analyzeOomTraceShortcut(
  deps: BotDeps,
): Middleware<SlackShortcutMiddlewareArgs<MessageShortcut>> {
  return async ({ shortcut, client }) => {
    const started = performance.now();
    const { message } = shortcut;
    const channel = shortcut.channel.id;
    const user = shortcut.user.id;
    const files: SlackFile[] | undefined = message.files;
    const threadTs: string | undefined = message.thread_ts;
    const got = await gather(message.text ?? '', files, deps.files);
    const handled = await handleTrace(client, deps, {
      input: got.input,
      channel,
      threadTs: threadTs ?? message.ts,
      messageTs: message.ts,
      userId: user,
      surface: 'shortcut',
      startedAt: started,
    });
    if (handled.status === 'too-slow' || handled.answer.report.detected) return;
    const lang = languageOf(message.text ?? '');
    const problem = [...got.problems, ...handled.unread][0];
    const text = problem ? problemText(problem, lang) : t('bot.nothingInMessage', lang);
    await client.chat.postEphemeral({ channel, user, text });
  };
}
