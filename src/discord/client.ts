// The discord.js client (INTERACTIONS=gateway only; REST alone is ./rest.ts): only the Guilds intent, and
// caches trimmed to what the bot reads (guilds, channels, roles and its own member, for permission checks).
import { Client, GatewayIntentBits, Options, type ClientOptions } from 'discord.js';
import type { Config } from '../config.js';

export function createClient(config: Pick<Config, 'DISCORD_API_URL'>): Client {
  const options: ClientOptions = {
    intents: [GatewayIntentBits.Guilds],
    makeCache: Options.cacheWithLimits({
      ApplicationCommandManager: 0,
      ApplicationEmojiManager: 0,
      AutoModerationRuleManager: 0,
      BaseGuildEmojiManager: 0,
      DMMessageManager: 0,
      EntitlementManager: 0,
      GuildBanManager: 0,
      GuildEmojiManager: 0,
      GuildForumThreadManager: 0,
      GuildInviteManager: 0,
      GuildMessageManager: 0,
      GuildScheduledEventManager: 0,
      GuildStickerManager: 0,
      GuildTextThreadManager: 0,
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      StageInstanceManager: 0,
      ThreadManager: 0,
      ThreadMemberManager: 0,
      UserManager: 0,
      VoiceStateManager: 0,
      // Keep only the bot's own member: it is what channel permission checks need.
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
    }),
    // Nothing the bot sends may ping anyone, whatever a payload says.
    allowedMentions: { parse: [] },
  };
  // discord.js spreads `rest` over its defaults: an explicit `api: undefined` would erase the real URL.
  if (config.DISCORD_API_URL) options.rest = { api: config.DISCORD_API_URL };
  return new Client(options);
}
