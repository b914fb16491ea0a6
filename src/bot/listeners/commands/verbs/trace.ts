/**
 * `/netty-oom TRACE`: a trace typed after the command is recorded like a pasted one, and the
 * answer stays private; words with no trace in them are answered from the knowledge base.
 */
import type { WebClient } from '@slack/web-api';
import type { Language } from '../../../../core/types.ts';
import type { MessageParts } from '../../../../render/message.ts';
import type { BotDeps } from '../../../deps.ts';
import { handleTrace } from '../../../incident-reply.ts';
import { searchAnswer } from '../../../replies.ts';

export interface CommandSource {
  channel: string;
  user: string;
  startedAt: number;
}

export async function traceVerb(
  client: WebClient,
  deps: BotDeps,
  text: string,
  lang: Language,
  from: CommandSource,
): Promise<MessageParts> {
  const handled = await handleTrace(
    client,
    deps,
    {
      input: [text],
      channel: from.channel,
      threadTs: null,
      messageTs: null,
      userId: from.user,
      surface: 'command',
      startedAt: from.startedAt,
    },
    false,
  );
  if (handled.status === 'too-slow' || handled.answer.report.detected) return handled.parts;
  const done = handled.answer;
  const hits = searchAnswer(text, deps.kb, lang, 5);
  return {
    ...handled.parts,
    base: { blocks: [...done.reply.blocks, ...hits.blocks], text: done.reply.text },
  };
}
