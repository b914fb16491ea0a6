/**
 * `/netty-oom TEXT | search QUERY | help`: acknowledged at once, answered through `response_url`,
 * only to the person who asked, with a button to share the answer.
 */
import type { App } from '@slack/bolt';
import { answer } from '../../../answer.ts';
import type { BotDeps } from '../../deps.ts';
import { errorRef } from '../../post.ts';
import { helpReply, languageOf, searchReply, sorryReply, withShareButton } from '../../slack-blocks.ts';

export function nettyOomCommand(deps: BotDeps): Parameters<App['command']>[1] {
  return async ({ command, ack, respond }) => {
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
      } else {
        const done = answer(text, deps.kb);
        if (done.report.detected) deps.metrics.detected.inc({ surface: 'command' });
        // Nothing detected: the words may be a question, so add what the knowledge base says.
        reply = done.report.detected
          ? done.reply
          : {
              blocks: [
                ...done.reply.blocks,
                ...searchReply(text, deps.kb.search.search(text, { limit: 5 }), deps.kb, lang).blocks,
              ],
              text: done.reply.text,
            };
      }
      const shared = withShareButton(reply, deps.shared.keep(reply.blocks, reply.text), lang);
      await respond({ response_type: 'ephemeral', blocks: shared.blocks as never, text: shared.text });
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
