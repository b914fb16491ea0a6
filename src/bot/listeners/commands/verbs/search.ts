/** `/netty-oom search QUERY`: the knowledge base's best hits, in the language of the query. */
import type { Reply } from '../../../../render/blocks.ts';
import type { BotDeps } from '../../../deps.ts';
import { helpReply, languageOf, searchAnswer } from '../../../replies.ts';

export function searchVerb(deps: BotDeps, query: string): Reply {
  const lang = languageOf(query);
  if (query === '') return helpReply(lang);
  return searchAnswer(query, deps.kb, lang, 8);
}
