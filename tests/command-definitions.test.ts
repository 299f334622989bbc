// Where Discord offers each command: the briefing commands wherever a user can ask (user install included),
// /recap only in servers that added the bot, since it posts in their channels.
import { ApplicationIntegrationType, InteractionContextType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { allCommandDefinitions, briefingCommands } from '../commands/index.js';

const definition = (name: string) => allCommandDefinitions().find((command) => command.name === name)!;

describe('command definitions', () => {
  it.each(briefingCommands.map((command) => command.data.name))('/%s is offered in servers, the bot DM and other DMs, through a server or a user install', (name) => {
    expect(definition(name).integration_types).toEqual([ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall]);
    expect(definition(name).contexts).toEqual([InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel]);
  });

  it('/recap is offered only in servers that installed the bot', () => {
    expect(definition('recap').integration_types).toEqual([ApplicationIntegrationType.GuildInstall]);
    expect(definition('recap').contexts).toEqual([InteractionContextType.Guild]);
  });
});
