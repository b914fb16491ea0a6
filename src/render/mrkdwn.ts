/** Slack mrkdwn: escape only `&`, `<`, `>` (so `DirectByteBuffer.<init>` survives), and back again. */
import { clip } from '../core/clip.ts';
import { mask } from '../core/mask/index.ts';

// `<!here>`, `<!channel>`, `<!subteam^S0123|@oncall>`, `<@U0123>`, `<@U0123|bob>`, `<#C0123|ops>`
const SPECIAL = /<([!@#])([^<>|\s]{1,200})(?:\|([^<>]{0,200}))?>/g;
// `<https://example.com|label>`, `<mailto:bob@example.com>`
const LINK = /<([^<>|]{1,2000})(?:\|([^<>]{0,2000}))?>/g;

/**
 * Slack's markup made plain, so text shown back notifies no one and links nowhere: `<!here>` →
 * `@here`, `<@U0123|bob>` → `@bob`, `<#C0123|ops>` → `#ops`, `<https://x|label>` → `label`.
 */
export function neutralizeMentions(text: string): string {
  if (!text.includes('<')) return text;
  return text
    .replace(SPECIAL, (_, sigil: string, id: string, label: string | undefined) => {
      if (label)
        return label.startsWith('@') || label.startsWith('#')
          ? label
          : `${sigil === '#' ? '#' : '@'}${label}`;
      return `${sigil === '#' ? '#' : '@'}${id.replace(/^subteam\^/, '')}`;
    })
    .replace(LINK, (_, target: string, label: string | undefined) => label ?? target);
}

/** Words a person typed, fit to be shown back to a channel: masked, notifying no one, and short. */
export function echoed(text: string, max = 200): string {
  return clip(neutralizeMentions(mask(text)), max);
}

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text for a code span: backticks inside would end it early. */
export function code(text: string): string {
  return `\`${escapeMrkdwn(text.replace(/`/g, "'"))}\``;
}

/** mrkdwn to plain terminal text: links spelled out, entities undone, emphasis marks kept minimal. */
export function mrkdwnToPlain(text: string): string {
  return text
    .replace(
      /\n?```([\s\S]*?)```/g,
      (_, body: string) =>
        `\n${body
          .split('\n')
          .map((l) => `    ${l}`)
          .join('\n')}`,
    )
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s).,:;!?]|$)/g, '$1$2')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

// Clipping is plain text work, so layers below the renderers (the store's notes) can use it too.
export { clip };
