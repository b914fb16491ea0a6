/** Cut text to `max` characters at a line or word boundary, marking the cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const at = Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf(' '));
  return `${at > max * 0.6 ? cut.slice(0, at) : cut}…`;
}
