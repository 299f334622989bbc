// Registers the slash commands with Discord in one bulk overwrite: to one guild while developing
// (instant), else globally.
import { Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody, type RESTPutAPIApplicationCommandsResult } from 'discord-api-types/v10';
import { createRest } from './rest.js';
import type { Config } from '../config.js';

export interface Deployment {
  scope: string;
  registered: RESTPutAPIApplicationCommandsResult;
}

export async function deployCommands(config: Config, definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[]): Promise<Deployment> {
  const rest = createRest(config);
  const applicationId = config.DISCORD_CLIENT_ID!;
  const route = config.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(applicationId, config.DISCORD_GUILD_ID)
    : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, { body: definitions })) as RESTPutAPIApplicationCommandsResult;
  return { scope: config.DISCORD_GUILD_ID ? `guild ${config.DISCORD_GUILD_ID}` : 'all guilds (global; may take up to an hour to appear)', registered };
}
