import type { BotDeps, Registrar } from '../../deps.ts';
import { SHORTCUT_ID } from '../../slack-blocks.ts';
import { analyzeOomTraceShortcut } from './analyze-oom-trace.ts';

export function registerShortcuts(r: Registrar, deps: BotDeps): void {
  r.shortcut(SHORTCUT_ID, analyzeOomTraceShortcut(deps));
}
