import type { BotDeps, Registrar } from '../../deps.ts';
import { COMMAND } from '../../slack-blocks.ts';
import { nettyOomCommand } from './netty-oom.ts';

export function registerCommands(r: Registrar, deps: BotDeps): void {
  r.command(COMMAND, nettyOomCommand(deps));
}
