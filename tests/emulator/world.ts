/**
 * The emulated Discord world: the bot user, guilds and channels resolved from
 * specs, users seen in interactions, permission maths, and the gateway/REST
 * shapes of those objects that discord.js 14 needs to cache them.
 */
import { apiError, ErrorCode } from './errors.js';
import type { Json } from './http.js';
import { EVERYONE_PERMISSIONS, Permission } from './permissions.js';
import { snowflake } from './snowflake.js';

export const ChannelType = { GuildText: 0, DM: 1, GuildAnnouncement: 5, AnnouncementThread: 10, PublicThread: 11, GuildForum: 15 } as const;
/** Discord's auto-archive durations, in minutes. */
export const AUTO_ARCHIVE_DURATIONS = [60, 1440, 4320, 10080] as const;
const MEMBER_OVERWRITE = 1;

export interface ChannelSpec {
  id?: string;
  name: string;
  /** Discord channel type (default 0, text). */
  type?: number;
  /** Permission bits denied to the bot in this channel through a member permission overwrite. */
  botDenied?: bigint;
  /** A forum's tags (type 15). */
  availableTags?: { id?: string; name: string }[];
}

export interface ForumTag {
  id: string;
  name: string;
  moderated: boolean;
  emoji_id: null;
  emoji_name: null;
}

/** A thread's own state (Discord's `thread_metadata`, its tags and starter). */
export interface ThreadState {
  archived: boolean;
  locked: boolean;
  autoArchiveDuration: number;
  archiveTimestamp: string;
  createTimestamp: string;
  appliedTags: string[];
  ownerId: string;
}

export interface GuildSpec {
  id?: string;
  name?: string;
  channels?: ChannelSpec[];
  /**
   * False for a server that never added the bot: it gets no GUILD_CREATE, REST on it is 403 Missing Access,
   * and interactions there come only through a member's own install of the app (user install). Default true.
   */
  botIsMember?: boolean;
  /** The server's preferred locale (`guild_locale` of its interactions); default en-US. */
  preferredLocale?: string;
}

export interface ResolvedChannel {
  id: string;
  name: string;
  type: number;
  /** null for DM channels. */
  guildId: string | null;
  botDenied: bigint;
  position: number;
  availableTags: ForumTag[];
  /** A thread's parent channel. */
  parentId: string | null;
  /** Set for threads (types 10, 11). */
  thread?: ThreadState;
}

export interface ResolvedGuild {
  id: string;
  name: string;
  channels: ResolvedChannel[];
  botIsMember: boolean;
  preferredLocale: string;
}

export interface UserPayload {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: '0';
  avatar: null;
  bot?: true;
}

const DEFAULT_GUILD: GuildSpec = {
  name: 'Emulated Guild',
  channels: [{ name: 'general' }, { name: 'bot-commands' }, { name: 'announcements' }],
};

function plainUser(id: string, username: string, globalName: string | null): UserPayload {
  return { id, username, global_name: globalName, discriminator: '0', avatar: null };
}

export class World {
  readonly guilds: ResolvedGuild[];
  readonly botUser: UserPayload;
  /** Owner of every guild: a user that is neither the bot nor a tester, so permissions are computed, not implied. */
  readonly ownerId = snowflake();
  readonly joinedAt = new Date().toISOString();
  readonly #guilds = new Map<string, ResolvedGuild>();
  readonly #channels = new Map<string, ResolvedChannel>();
  readonly #dmChannels = new Map<string, ResolvedChannel>();
  /** DMs between a user and someone other than the bot, by channel id: the bot is no recipient there. */
  readonly #privateChannels = new Map<string, ResolvedChannel>();
  readonly #privateChannelOf = new Map<string, ResolvedChannel>();
  readonly #users = new Map<string, UserPayload>();

  constructor(botUserId: string, specs: GuildSpec[] = [DEFAULT_GUILD]) {
    this.botUser = { ...plainUser(botUserId, 'emulated-bot', null), bot: true };
    this.#users.set(botUserId, this.botUser);
    this.guilds = specs.map((spec, i) => this.#resolveGuild(spec, i));
  }

  #resolveGuild(spec: GuildSpec, index: number): ResolvedGuild {
    const id = spec.id ?? snowflake();
    const channels = (spec.channels ?? DEFAULT_GUILD.channels ?? []).map((channel, position) => ({
      id: channel.id ?? snowflake(),
      name: channel.name,
      type: channel.type ?? ChannelType.GuildText,
      guildId: id,
      botDenied: channel.botDenied ?? 0n,
      position,
      availableTags: (channel.availableTags ?? []).map((tag) => ({ id: tag.id ?? snowflake(), name: tag.name, moderated: false, emoji_id: null, emoji_name: null })),
      parentId: null,
    }));
    const guild = {
      id,
      name: spec.name ?? `Emulated Guild ${index + 1}`,
      channels,
      botIsMember: spec.botIsMember ?? true,
      preferredLocale: spec.preferredLocale ?? 'en-US',
    };
    this.#guilds.set(id, guild);
    for (const channel of channels) this.#channels.set(channel.id, channel);
    return guild;
  }

  guild(id: string): ResolvedGuild | undefined {
    return this.#guilds.get(id);
  }

  /** The guild, if the bot is a member: what the bot's REST calls and its gateway session can see. */
  memberGuild(id: string): ResolvedGuild | undefined {
    const guild = this.#guilds.get(id);
    return guild?.botIsMember ? guild : undefined;
  }

  /** The guilds that added the bot: READY lists them and each gets a GUILD_CREATE. */
  get memberGuilds(): ResolvedGuild[] {
    return this.guilds.filter((guild) => guild.botIsMember);
  }

  channel(id: string): ResolvedChannel | undefined {
    return this.#channels.get(id);
  }

  /** The user with this id, creating a plain stub the first time it is seen. */
  user(id: string): UserPayload {
    let user = this.#users.get(id);
    if (!user) {
      user = plainUser(id, `user-${id.slice(-6)}`, `User ${id.slice(-6)}`);
      this.#users.set(id, user);
    }
    return user;
  }

  /** The DM channel between the bot and a user, created on first use. */
  dmChannel(userId: string): ResolvedChannel {
    let channel = this.#dmChannels.get(userId);
    if (!channel) {
      channel = { id: snowflake(), name: '', type: ChannelType.DM, guildId: null, botDenied: 0n, position: 0, availableTags: [], parentId: null };
      this.#dmChannels.set(userId, channel);
      this.#channels.set(channel.id, channel);
    }
    return channel;
  }

  /** A DM between the user and another user (a private channel, context 2), created on first use. */
  privateChannel(userId: string): ResolvedChannel {
    let channel = this.#privateChannelOf.get(userId);
    if (!channel) {
      channel = { id: snowflake(), name: '', type: ChannelType.DM, guildId: null, botDenied: 0n, position: 0, availableTags: [], parentId: null };
      this.#privateChannelOf.set(userId, channel);
      this.#privateChannels.set(channel.id, channel);
      this.#channels.set(channel.id, channel);
    }
    return channel;
  }

  isPrivateChannel(channel: ResolvedChannel): boolean {
    return this.#privateChannels.get(channel.id) === channel;
  }

  /** Whether the bot can reach the channel at all: a channel of a guild it is in, or its own DM with a user. */
  botHasAccess(channel: ResolvedChannel): boolean {
    if (channel.guildId !== null) return this.memberGuild(channel.guildId) !== undefined;
    return !this.isPrivateChannel(channel);
  }

  /** A thread in `parent`, owned by the bot; `id` is its starter message's when started from one. */
  addThread(parent: ResolvedChannel, options: { id?: string; name: string; type: number; autoArchiveDuration: number; appliedTags?: string[] }): ResolvedChannel {
    const now = new Date().toISOString();
    const thread: ResolvedChannel = {
      id: options.id ?? snowflake(),
      name: options.name,
      type: options.type,
      guildId: parent.guildId,
      botDenied: 0n,
      position: 0,
      availableTags: [],
      parentId: parent.id,
      thread: { archived: false, locked: false, autoArchiveDuration: options.autoArchiveDuration, archiveTimestamp: now, createTimestamp: now, appliedTags: options.appliedTags ?? [], ownerId: this.botUser.id },
    };
    this.#channels.set(thread.id, thread);
    return thread;
  }

  /** Threads whose parent is `parentId`, oldest first. */
  threadsIn(parentId: string): ResolvedChannel[] {
    return [...this.#channels.values()].filter((channel) => channel.parentId === parentId);
  }

  /** The guild's threads that are not archived (GET /guilds/{id}/threads/active). */
  activeThreads(guildId: string): ResolvedChannel[] {
    return [...this.#channels.values()].filter((channel) => channel.guildId === guildId && channel.thread && !channel.thread.archived);
  }

  /** Deletes a channel or thread, as a moderator would. */
  deleteChannel(id: string): void {
    this.#channels.delete(id);
  }

  /** The bot's effective permissions in a channel: @everyone grants minus its member overwrite (a thread's parent's). */
  botPermissionsIn(channel: ResolvedChannel): bigint {
    const parent = channel.parentId === null ? undefined : this.#channels.get(channel.parentId);
    return EVERYONE_PERMISSIONS & ~(parent ?? channel).botDenied;
  }

  /** Throws Discord's 403 unless the bot can see `channel` and has every bit of `needed` there. */
  assertBotCan(channel: ResolvedChannel, needed: bigint): void {
    if (!this.botHasAccess(channel)) throw apiError(403, ErrorCode.MissingAccess);
    const granted = this.botPermissionsIn(channel);
    if ((granted & Permission.ViewChannel) === 0n) throw apiError(403, ErrorCode.MissingAccess);
    if ((granted & needed) !== needed) throw apiError(403, ErrorCode.MissingPermissions);
  }

  channelPayload(channel: ResolvedChannel, dmRecipient?: UserPayload): Json {
    if (channel.guildId === null) {
      const recipients = dmRecipient ? [dmRecipient] : [];
      return { id: channel.id, type: ChannelType.DM, flags: 0, last_message_id: null, recipients };
    }
    const overwrites =
      channel.botDenied === 0n
        ? []
        : [{ id: this.botUser.id, type: MEMBER_OVERWRITE, allow: '0', deny: String(channel.botDenied) }];
    if (channel.thread) return this.#threadPayload(channel, channel.thread);
    const forum =
      channel.type === ChannelType.GuildForum
        ? {
            available_tags: channel.availableTags,
            default_reaction_emoji: null,
            default_sort_order: null,
            default_forum_layout: 0,
            default_auto_archive_duration: null,
            default_thread_rate_limit_per_user: 0,
          }
        : {};
    return {
      ...forum,
      id: channel.id,
      type: channel.type,
      guild_id: channel.guildId,
      name: channel.name,
      position: channel.position,
      parent_id: null,
      topic: null,
      nsfw: false,
      flags: 0,
      last_message_id: null,
      rate_limit_per_user: 0,
      permission_overwrites: overwrites,
    };
  }

  #threadPayload(channel: ResolvedChannel, thread: ThreadState): Json {
    return {
      id: channel.id,
      type: channel.type,
      guild_id: channel.guildId,
      name: channel.name,
      parent_id: channel.parentId,
      owner_id: thread.ownerId,
      flags: 0,
      last_message_id: null,
      rate_limit_per_user: 0,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      applied_tags: thread.appliedTags,
      thread_metadata: {
        archived: thread.archived,
        locked: thread.locked,
        auto_archive_duration: thread.autoArchiveDuration,
        archive_timestamp: thread.archiveTimestamp,
        create_timestamp: thread.createTimestamp,
      },
    };
  }

  memberPayload(user: UserPayload): Json {
    return {
      user,
      nick: null,
      avatar: null,
      banner: null,
      roles: [],
      joined_at: this.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
    };
  }

  guildCreatePayload(guild: ResolvedGuild): Json {
    const everyone = {
      id: guild.id,
      name: '@everyone',
      color: 0,
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: 0,
      permissions: String(EVERYONE_PERMISSIONS),
      managed: false,
      mentionable: false,
      flags: 0,
    };
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: this.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      premium_subscription_count: 0,
      premium_progress_bar_enabled: false,
      preferred_locale: guild.preferredLocale,
      features: [],
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      vanity_url_code: null,
      max_members: 500_000,
      max_video_channel_users: 25,
      roles: [everyone],
      emojis: [],
      stickers: [],
      joined_at: this.joinedAt,
      large: false,
      unavailable: false,
      member_count: 2,
      members: [this.memberPayload(this.botUser)],
      channels: guild.channels.map((channel) => this.channelPayload(channel)),
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  readyPayload(sessionId: string, resumeGatewayUrl: string, applicationId: string): Json {
    return {
      v: 10,
      user: { ...this.botUser, verified: true, mfa_enabled: false, flags: 0, email: null },
      guilds: this.memberGuilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: sessionId,
      session_type: 'normal',
      resume_gateway_url: resumeGatewayUrl,
      application: { id: applicationId, flags: 0 },
      shard: [0, 1],
      private_channels: [],
      relationships: [],
      presences: [],
      user_settings: {},
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      _trace: ['emulator'],
    };
  }
}
