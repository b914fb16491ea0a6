/** Message shortcut "Analyze OOM trace": analyze the chosen message (or its file), reply in its thread. */
import type { App, MessageShortcut } from '@slack/bolt';
import { answer } from '../../../answer.ts';
import type { BotDeps } from '../../deps.ts';
import type { SlackFile } from '../../files.ts';
import { gather } from '../../gather.ts';
import { errorRef, postReply } from '../../post.ts';
import { languageOf, say, sorryReply } from '../../slack-blocks.ts';

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
      const { report, reply } = answer(got.text, deps.kb);
      if (report.detected) {
        deps.metrics.detected.inc({ surface: 'shortcut' });
        await postReply(
          client,
          deps,
          { channel, threadTs: message.thread_ts ?? message.ts },
          reply,
          'shortcut',
          started,
        );
        return;
      }
      const lang = languageOf(message.text ?? '');
      const problem = got.problems[0];
      const text = problem
        ? say('unreadable', lang, { name: problem.name, detail: problem.detail })
        : say('nothingInMessage', lang);
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
