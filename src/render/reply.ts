// The message payload every reply builder returns: Discord's own JSON shape, so it can go to any
// Discord route unchanged, be printed by the preview CLI, or be checked in a test.
import {
  MessageFlags,
  type APIActionRowComponent,
  type APIAllowedMentions,
  type APIApplicationCommandOptionChoice,
  type APIComponentInMessageActionRow,
  type APIEmbed,
} from 'discord-api-types/v10';
import { LIMITS } from './limits.js';
import { truncate } from './text.js';

export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Always `{ parse: [] }`: nothing the bot posts may ping anyone. */
  allowed_mentions: APIAllowedMentions;
  flags?: MessageFlags.Ephemeral;
}

export type Choice = APIApplicationCommandOptionChoice<string>;

export const NO_MENTIONS: APIAllowedMentions = Object.freeze({ parse: [] }) as APIAllowedMentions;

/** A short message only the person who asked sees: for mistakes they can fix. */
export function notice(content: string): Reply {
  return { content: truncate(content, LIMITS.content), allowed_mentions: NO_MENTIONS, flags: MessageFlags.Ephemeral };
}
