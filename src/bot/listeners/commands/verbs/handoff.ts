/** `/netty-oom handoff [24h]`: the period's incidents the asker may see, in the command's language. */
import type { Language } from '../../../../core/types.ts';
import { parseDuration } from '../../../../core/units.ts';
import { t } from '../../../../i18n/messages.ts';
import type { Reply } from '../../../../render/blocks.ts';
import { handoffBlocks } from '../../../../render/handoff.ts';
import { echoed } from '../../../../render/mrkdwn.ts';
import type { BotDeps } from '../../../deps.ts';
import { handoffFor } from '../../../handoff.ts';
import { textReply } from '../../../replies.ts';

const DAY = 86_400_000;

export async function handoffVerb(
  deps: BotDeps,
  span: string | undefined,
  lang: Language,
  from: { channel: string; user: string },
): Promise<{ reply: Reply; shareable: boolean }> {
  const ms = span ? parseDuration(span) : DAY;
  if (ms === null)
    return { reply: textReply(t('bot.handoffUsage', lang, { text: echoed(span ?? '') })), shareable: true };
  const { handoff, shareable } = await handoffFor(deps, ms, from, lang);
  return { reply: handoffBlocks(handoff, lang), shareable };
}
