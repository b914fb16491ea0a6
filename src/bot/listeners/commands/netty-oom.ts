/**
 * `/netty-oom TEXT | search QUERY | help`: acknowledged at once, answered through `response_url`,
 * only to the person who asked, with a button to share the answer.
 */
import type { App } from '@slack/bolt';
import { handoffFrom } from '../../../app/handoff.ts';
import { parseDuration } from '../../../core/units.ts';
import { t } from '../../../i18n/messages.ts';
import { handoffBlocks, handoffToText } from '../../../render/handoff.ts';
import type { BotDeps } from '../../deps.ts';
import { handleTrace } from '../../incident-reply.ts';
import { errorRef } from '../../post.ts';
import {
  helpReply,
  languageOf,
  searchReply,
  sorryReply,
  textReply,
  withShareButton,
} from '../../slack-blocks.ts';

const DAY = 86_400_000;

export function nettyOomCommand(deps: BotDeps): Parameters<App['command']>[1] {
  return async ({ command, ack, respond, client }) => {
    await ack();
    // Let every pending acknowledgement go out before this answer's work starts.
    await new Promise((resolve) => setImmediate(resolve));
    const started = performance.now();
    deps.metrics.events.inc({ type: 'command' });
    const text = command.text.trim();
    const lang = languageOf(text);
    try {
      const [verb = '', ...rest] = text.split(/\s+/);
      let reply: ReturnType<typeof helpReply>;
      if (text === '' || verb.toLowerCase() === 'help') reply = helpReply(lang);
      else if (verb.toLowerCase() === 'search') {
        const query = rest.join(' ');
        reply =
          query === ''
            ? helpReply(lang)
            : searchReply(query, deps.kb.search.search(query, { limit: 8 }), deps.kb, languageOf(query));
      } else if (verb.toLowerCase() === 'handoff') {
        const span = rest[0] ? parseDuration(rest[0]) : DAY;
        // In the command's language: `/netty-oom handoff 24h 交接` answers in Chinese.
        if (span === null) reply = textReply(t('bot.handoffUsage', lang, { text: rest[0] ?? '' }));
        else {
          const h = await handoffFrom(deps.store, span, deps.now());
          reply = handoffBlocks(h, lang);
          await deps.store.saveHandoff(deps.now(), handoffToText(h, lang));
        }
      } else {
        // A trace typed after the command is recorded like a pasted one; the answer stays private.
        const handled = await handleTrace(
          client,
          deps,
          {
            text,
            channel: command.channel_id,
            threadTs: null,
            messageTs: null,
            userId: command.user_id,
            surface: 'command',
            startedAt: started,
          },
          false,
        );
        const done = handled.answer;
        // Nothing detected: the words may be a question, so add what the knowledge base says.
        reply = done.report.detected
          ? handled.reply
          : {
              blocks: [
                ...done.reply.blocks,
                ...searchReply(text, deps.kb.search.search(text, { limit: 5 }), deps.kb, lang).blocks,
              ],
              text: done.reply.text,
            };
      }
      const shared = withShareButton(reply, deps.shared.keep(reply.blocks, reply.text), lang);
      try {
        await respond({ response_type: 'ephemeral', blocks: shared.blocks as never, text: shared.text });
      } catch (err) {
        // An expired or refused response_url: the answer still reaches the person who asked.
        deps.log.warn(
          { err, channel: command.channel_id },
          'response_url refused the answer; sending it as an ephemeral message',
        );
        await client.chat.postEphemeral({
          channel: command.channel_id,
          user: command.user_id,
          blocks: shared.blocks as never,
          text: shared.text,
        });
      }
      deps.metrics.replies.inc({ surface: 'command' });
      deps.metrics.latency.observe({ surface: 'command' }, (performance.now() - started) / 1000);
    } catch (err) {
      const ref = errorRef();
      deps.metrics.errors.inc({ surface: 'command' });
      deps.log.error(
        { err, ref, command: command.command, channel: command.channel_id },
        'slash command failed',
      );
      const sorry = sorryReply(ref, lang);
      await respond({ response_type: 'ephemeral', blocks: sorry.blocks as never, text: sorry.text }).catch(
        (e: unknown) => deps.log.warn({ err: e, ref }, 'could not deliver the apology'),
      );
    }
  };
}
