// The two ways the bot hears from Discord, behind one shape, so that src/main.ts loads only the one
// configured: INTERACTIONS=gateway (./gateway-mode.ts, the discord.js client) or http (./http-mode.ts, an
// interactions endpoint and @discordjs/rest, none of discord.js).
import type { REST } from '@discordjs/rest';
import type { Command } from '../command/command.js';
import type { GuildDirectory } from '../command/context.js';
import type { Logger } from '../log.js';

export interface Serving<Context> {
  commands: readonly Command<Context>[];
  /** The context for the next interaction. */
  contextNow: () => Context;
  log: Logger;
  /** True the first time an interaction id is seen, by any replica (the HTTP endpoint refuses replays with it). */
  firstAnswer: (interactionId: string) => Promise<boolean>;
  /** Called once, when Discord can reach the bot, with what the mode has to say in the `ready` log line. */
  ready(fields: Record<string, unknown>): void;
}

export interface Transport {
  /** Discord's REST API, with the bot's token. */
  rest: Pick<REST, 'get' | 'post' | 'patch' | 'on'>;
  /** What the bot knows of the servers it is in. */
  guilds: GuildDirectory;
  /** Starts answering interactions; rejects when Discord refuses the token or the port cannot be listened on. */
  start<Context extends { guilds: GuildDirectory }>(serving: Serving<Context>): Promise<void>;
  /** Stops hearing from Discord (in-flight answers finish first over HTTP). */
  stop(): Promise<void>;
}
