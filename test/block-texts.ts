/** Every text of a set of blocks as a person reads it: headers, sections, fields, context, buttons. */
import type { Block } from '../src/render/blocks.ts';

export function blockTexts(blocks: Block[]): string[] {
  return blocks.flatMap((b) => {
    switch (b.type) {
      case 'header':
        return [b.text.text];
      case 'section':
        return [...(b.text ? [b.text.text] : []), ...(b.fields ?? []).map((f) => f.text)];
      case 'context':
        return b.elements.map((e) => e.text);
      case 'actions':
        return b.elements.map((e) => e.text.text);
      default:
        return [];
    }
  });
}
