import type { MessageShortcut } from '@slack/bolt';
import type { BotDeps, Registrar } from '../../deps.ts';
import { ackShortcutThenApologize, counted } from '../../middleware.ts';
import { SHORTCUT_ID } from '../../surfaces.ts';
import { analyzeOomTraceShortcut } from './analyze-oom-trace.ts';

export function registerShortcuts(r: Registrar, deps: BotDeps): void {
  r.shortcut<MessageShortcut>(
    SHORTCUT_ID,
    ackShortcutThenApologize(deps),
    counted(deps, 'shortcut'),
    analyzeOomTraceShortcut(deps),
  );
}
