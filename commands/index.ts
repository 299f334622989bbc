// Every slash command the bot has, in one list: deployment, the adapter and the preview CLI read it.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { localizeDefinition } from '../src/i18n/commands.js';
import { brief } from './brief.js';
import { corrections } from './corrections.js';
import { position } from './position.js';
import { quotes } from './quotes.js';
import { recap, type RecapContext } from './recap.js';
import { sources } from './sources.js';
import { timeline } from './timeline.js';

/** What any command may be given: the briefing and the time, and recaps' state. */
export type AppContext = RecapContext;

/** Commands answered from the briefing alone, by pure reply builders. */
export const briefingCommands = [brief, position, quotes, timeline, sources, corrections] as const;

export const commands = [...briefingCommands, recap] as const;

/** The JSON Discord registers, for every command, with its German and French names and descriptions. */
export function allCommandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((command) => localizeDefinition(command.data.toJSON()));
}
