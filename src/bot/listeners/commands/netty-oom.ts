/**
 * `/netty-oom TEXT | search QUERY | handoff [24h] | help`: answered through `response_url`, only to
 * the person who asked, with a button to share the answer. Acknowledging and apologising are the
 * command's middleware (see ../../middleware.ts).
 */
import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { composeMessage, type MessageParts } from '../../../render/message.ts';
import type { BotDeps } from '../../deps.ts';
import { helpReply, languageOf } from '../../replies.ts';
import { handoffVerb } from './verbs/handoff.ts';
import { searchVerb } from './verbs/search.ts';
import { traceVerb } from './verbs/trace.ts';

export function nettyOomCommand(deps: BotDeps): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, respond, client }) => {
    const started = performance.now();
    const text = command.text.trim();
    const lang = languageOf(text);
    const [verb = '', ...rest] = text.split(/\s+/);
    let parts: MessageParts;
    switch (verb.toLowerCase()) {
      case '':
      case 'help':
        parts = { base: helpReply(lang), context: { lang } };
        break;
      case 'search':
        parts = { base: searchVerb(deps, rest.join(' ')), context: { lang } };
        break;
      case 'handoff':
        parts = { base: await handoffVerb(deps, rest[0], lang), context: { lang } };
        break;
      default:
        parts = await traceVerb(client, deps, text, lang, {
          channel: command.channel_id,
          user: command.user_id,
          startedAt: started,
        });
    }
    const reply = composeMessage({
      ...parts,
      context: { ...parts.context, shareId: deps.shared.keep(parts) },
    });
    try {
      await respond({ response_type: 'ephemeral', blocks: reply.blocks, text: reply.text });
    } catch (err) {
      // An expired or refused response_url: the answer still reaches the person who asked.
      deps.log.warn(
        { err, channel: command.channel_id },
        'response_url refused the answer; sending it as an ephemeral message',
      );
      await client.chat.postEphemeral({
        channel: command.channel_id,
        user: command.user_id,
        blocks: reply.blocks,
        text: reply.text,
      });
    }
    deps.metrics.replies.inc({ surface: 'command' });
    deps.metrics.latency.observe({ surface: 'command' }, (performance.now() - started) / 1000);
  };
}
