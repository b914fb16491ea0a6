/** `/netty-oom search QUERY`: the knowledge base's best hits, in the language of the query. */
import type { Reply } from '../../../../render/blocks.ts';
import type { BotDeps } from '../../../deps.ts';
import { helpReply, languageOf, searchReply } from '../../../replies.ts';

export function searchVerb(deps: BotDeps, query: string): Reply {
  const lang = languageOf(query);
  if (query === '') return helpReply(lang);
  return searchReply(query, deps.kb.search.search(query, { limit: 8 }), deps.kb, lang);
}
