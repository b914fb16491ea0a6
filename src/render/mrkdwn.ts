/** Slack mrkdwn: escape only `&`, `<`, `>` (so `DirectByteBuffer.<init>` survives), and back again. */

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
export { clip } from '../core/clip.ts';
