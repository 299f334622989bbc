// Every slash command the bot has, in one list: deployment, the router and the preview CLI read it.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { brief } from './brief.js';
import { position } from './position.js';
import { quotes } from './quotes.js';
import { recapDefinition } from './recap.js';
import { sources } from './sources.js';
import { timeline } from './timeline.js';

/** Commands answered from the briefing alone, by pure reply builders. */
export const briefingCommands = [brief, position, quotes, timeline, sources] as const;

/** The JSON Discord registers, for every command. */
export function allCommandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [...briefingCommands.map((command) => command.data.toJSON()), recapDefinition.toJSON()];
}
