// Preconditions as named pieces, declared by commands and run before their handlers, each with its own
// message. A check that proves something of the caller hands it on: after `guildOnly`, a guild id.
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { UserError, type Check } from './command.js';
import type { NamedPermission } from './context.js';
import { messagesFor } from '../i18n/messages.js';

/** What `guildOnly` proves: the caller is in a server that added the bot. */
export interface InGuild {
  guildId: string;
}

/** For commands that only make sense in a server that added the bot (they post in its channels). */
export const guildOnly: Check<unknown, InGuild> = {
  name: 'guild only',
  run(_context, { caller }) {
    if (!caller.guildId) throw new UserError(messagesFor(caller.locale).admin.guildOnly);
    if (!caller.botInGuild) throw new UserError(messagesFor(caller.locale).admin.botNotInGuild);
    return { guildId: caller.guildId };
  },
};

export const manageServer: Check<unknown> = {
  name: 'Manage Server',
  run(_context, { caller }) {
    if (caller.permissions === null || (caller.permissions & PermissionFlagsBits.ManageGuild) === 0n) {
      throw new UserError(messagesFor(caller.locale).admin.manageServer);
    }
  },
};

/** What posting any message in a channel takes: seeing it, sending in it, and embeds. */
export const POSTING_PERMISSIONS: readonly NamedPermission[] = [
  { flag: PermissionFlagsBits.ViewChannel, name: 'View Channel' },
  { flag: PermissionFlagsBits.SendMessages, name: 'Send Messages' },
  { flag: PermissionFlagsBits.EmbedLinks, name: 'Embed Links' },
];
