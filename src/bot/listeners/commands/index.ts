import type { BotDeps, Registrar } from '../../deps.ts';
import { ackThenApologize, counted } from '../../middleware.ts';
import { COMMAND } from '../../surfaces.ts';
import { nettyOomCommand } from './netty-oom.ts';

export function registerCommands(r: Registrar, deps: BotDeps): void {
  r.command(COMMAND, ackThenApologize(deps), counted(deps, 'command'), nettyOomCommand(deps));
}
