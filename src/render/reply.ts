// The message every reply builder returns: Discord's own JSON shape, so it can go to any Discord route,
// be printed by the preview CLI, or be checked in a test. Mentions are switched off in one place,
// messageBody(), which everything the bot sends passes through.
import {
  MessageFlags,
  type APIActionRowComponent,
  type APIAllowedMentions,
  type APIApplicationCommandOptionChoice,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIModalInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { LIMITS } from './limits.js';
import { truncate } from './text.js';

export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Ephemeral: only the person who asked sees it. */
  flags?: MessageFlags.Ephemeral;
}

/** A reply as sent: nothing the bot posts may ping anyone. */
export type MessageBody = Reply & { allowed_mentions: APIAllowedMentions };

/** A form a button opens (a modal): what the person fills in comes back as its submission. */
export type Modal = APIModalInteractionResponseCallbackData;

export type Choice = APIApplicationCommandOptionChoice<string>;
export type NumberChoice = APIApplicationCommandOptionChoice<number>;

export function messageBody(reply: Reply): MessageBody {
  return { ...reply, allowed_mentions: { parse: [] } };
}

/** A short message only the person who asked sees: for mistakes they can fix. */
export function notice(content: string): Reply {
  return { content: truncate(content, LIMITS.content), flags: MessageFlags.Ephemeral };
}

/** The same reply, seen only by the person who asked. */
export function privately(reply: Reply): Reply {
  return { ...reply, flags: MessageFlags.Ephemeral };
}

export function isPrivate(reply: Reply): boolean {
  return reply.flags === MessageFlags.Ephemeral;
}
