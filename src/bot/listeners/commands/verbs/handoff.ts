/** `/netty-oom handoff [24h]`: the period's incidents, kept for App Home, in the command's language. */
import { handoffFrom } from '../../../../app/handoff.ts';
import type { Language } from '../../../../core/types.ts';
import { parseDuration } from '../../../../core/units.ts';
import { t } from '../../../../i18n/messages.ts';
import type { Reply } from '../../../../render/blocks.ts';
import { handoffBlocks, handoffToText } from '../../../../render/handoff.ts';
import { echoed } from '../../../../render/mrkdwn.ts';
import type { BotDeps } from '../../../deps.ts';
import { textReply } from '../../../replies.ts';

const DAY = 86_400_000;

export async function handoffVerb(deps: BotDeps, span: string | undefined, lang: Language): Promise<Reply> {
  const ms = span ? parseDuration(span) : DAY;
  if (ms === null) return textReply(t('bot.handoffUsage', lang, { text: echoed(span ?? '') }));
  const h = await handoffFrom(deps.store, ms, deps.now());
  await deps.store.saveHandoff(deps.now(), handoffToText(h, lang));
  return handoffBlocks(h, lang);
}
