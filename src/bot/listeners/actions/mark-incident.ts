/** Mitigated / Resolved / Helpful / Not helpful: recorded with who and when, shown on the reply. */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { Language } from '../../../core/types.ts';
import { t } from '../../../i18n/messages.ts';
import type { Mark } from '../../../store/store.ts';
import type { BotDeps } from '../../deps.ts';
import { MARK_ACTIONS, STATUS_BLOCK } from '../../incident-reply.ts';
import { languageOf } from '../../slack-blocks.ts';

/** `Mitigated by @a · Resolved by @b · 👍 2 · 👎 1` */
export function statusLine(marks: Mark[], lang: Language): string {
  const parts: string[] = [];
  for (const action of ['mitigated', 'resolved'] as const) {
    const m = marks.filter((x) => x.action === action).at(-1);
    if (m) {
      const time = `<!date^${Math.floor(m.at / 1000)}^{time}|${new Date(m.at).toISOString().slice(11, 16)} UTC>`;
      parts.push(t(`status.${action}`, lang, { user: m.userId, time }));
    }
  }
  const up = marks.filter((m) => m.action === 'helpful').length;
  const down = marks.filter((m) => m.action === 'not-helpful').length;
  if (up || down) parts.push(t('status.feedback', lang, { up, down }));
  return parts.join(' · ');
}

export function markIncidentAction(deps: BotDeps): Parameters<App['action']>[1] {
  return async ({ ack, body, action, client, respond }) => {
    await ack();
    deps.metrics.events.inc({ type: 'action' });
    const a = action as ButtonAction;
    const b = body as BlockAction;
    const [idText = '', playbookId = ''] = (a.value ?? '').split('|');
    const markAction = MARK_ACTIONS[a.action_id as keyof typeof MARK_ACTIONS];
    // The reply's language: its fallback text is the headline, Chinese in a Chinese reply.
    const replyText = (b.message as { text?: string } | undefined)?.text ?? '';
    const lang = languageOf(replyText);
    const incident = await deps.store.mark({
      incidentId: Number(idText),
      action: markAction,
      userId: b.user.id,
      at: deps.now(),
      playbookId: playbookId || null,
    });
    if (!incident) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: t('mark.gone', lang),
      });
      return;
    }
    deps.log.info({ incident: incident.id, action: markAction, user: b.user.id }, 'incident marked');
    const line = statusLine(await deps.store.marksOf([incident.id]), lang);
    const message = b.message as
      | { ts: string; text?: string; blocks?: { type: string; block_id?: string }[] }
      | undefined;
    const channel = b.channel?.id;
    if (message?.blocks && channel && !b.container?.is_ephemeral) {
      const blocks = message.blocks.filter((x) => x.block_id !== STATUS_BLOCK);
      const at = blocks.findLastIndex((x) => x.type === 'actions');
      const status = { type: 'context', block_id: STATUS_BLOCK, elements: [{ type: 'mrkdwn', text: line }] };
      blocks.splice(at < 0 ? blocks.length : at, 0, status);
      await client.chat.update({
        channel,
        ts: message.ts,
        blocks: blocks as never,
        text: message.text ?? '',
      });
      return;
    }
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: t('mark.recorded', lang, { action: t(`mark.done.${markAction}`, lang), line }),
    });
  };
}
