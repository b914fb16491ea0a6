/** Message shortcut "Analyze OOM trace": analyze the chosen message (or its file), reply in its thread. */
import type { App, MessageShortcut } from '@slack/bolt';
import { say, t } from '../../../i18n/messages.ts';
import type { BotDeps } from '../../deps.ts';
import type { SlackFile } from '../../files.ts';
import { gather } from '../../gather.ts';
import { handleTrace } from '../../incident-reply.ts';
import { errorRef } from '../../post.ts';
import { languageOf, sorryReply } from '../../slack-blocks.ts';

export function analyzeOomTraceShortcut(deps: BotDeps): Parameters<App['shortcut']>[1] {
  return async ({ shortcut, ack, client }) => {
    await ack();
    // Let every pending acknowledgement go out before this answer's work starts.
    await new Promise((resolve) => setImmediate(resolve));
    const started = performance.now();
    deps.metrics.events.inc({ type: 'shortcut' });
    const s = shortcut as MessageShortcut;
    const message = s.message as { text?: string; ts: string; thread_ts?: string; files?: SlackFile[] };
    const channel = s.channel.id;
    const user = s.user.id;
    try {
      const got = await gather(message.text ?? '', message.files, deps.config.botToken ?? '');
      const handled = await handleTrace(client, deps, {
        text: got.text,
        channel,
        threadTs: message.thread_ts ?? message.ts,
        messageTs: message.ts,
        userId: user,
        surface: 'shortcut',
        startedAt: started,
      });
      if (handled.answer.report.detected) return;
      const lang = languageOf(message.text ?? '');
      const problem = got.problems[0];
      const text = problem
        ? t('bot.unreadable', lang, { name: problem.name, detail: say(problem.detail, lang) })
        : t('bot.nothingInMessage', lang);
      await client.chat.postEphemeral({ channel, user, text });
    } catch (err) {
      const ref = errorRef();
      deps.metrics.errors.inc({ surface: 'shortcut' });
      deps.log.error({ err, ref, channel }, 'message shortcut failed');
      const sorry = sorryReply(ref, languageOf(message.text ?? ''));
      await client.chat
        .postEphemeral({ channel, user, text: sorry.text })
        .catch((e: unknown) => deps.log.warn({ err: e, ref }, 'could not deliver the apology'));
    }
  };
}
