// A channel as the recap commands see it, from Discord's channel JSON or discord.js's cached channel alike.
import { ChannelType } from 'discord-api-types/v10';
import type { ChannelFacts, ForumTag } from '../command/context.js';

/** A Discord channel type as the kind of channel a recap posts in. */
export function kindOf(type: number): ChannelFacts['kind'] {
  if (type === ChannelType.GuildText) return 'text';
  if (type === ChannelType.GuildAnnouncement) return 'announcement';
  if (type === ChannelType.GuildForum) return 'forum';
  return 'other';
}

export const tagsOf = (tags: readonly ForumTag[] | undefined): ForumTag[] => (tags ?? []).map(({ id, name }) => ({ id, name }));
