// INTERACTIONS=gateway: the discord.js client's gateway connection brings the interactions, its cache what
// the bot knows of servers, its REST client the rest. src/main.ts imports this only in this mode.
import { Events } from 'discord.js';
import type { Config } from '../config.js';
import { answerInteractions } from './adapter.js';
import { createClient } from './client.js';
import { guildDirectory } from './guilds.js';
import type { Transport } from './transport.js';

export function gatewayMode(config: Pick<Config, 'DISCORD_API_URL' | 'DISCORD_TOKEN'>): Transport {
  const client = createClient(config);
  return {
    rest: client.rest,
    guilds: guildDirectory(client),
    async start({ commands, contextNow, log, ready }) {
      answerInteractions(client, commands, contextNow, log);
      client.once(Events.ClientReady, (connected) => ready({ mode: 'gateway', user: connected.user.tag, guilds: connected.guilds.cache.size }));
      client.on(Events.Error, (error) => log.error({ err: error }, 'client error'));
      client.on(Events.Warn, (message) => log.warn(message));
      client.on(Events.ShardDisconnect, (event, shard) => log.warn({ shard, code: event.code }, 'gateway disconnected'));
      client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'gateway resumed'));
      await client.login(config.DISCORD_TOKEN);
    },
    stop: () => client.destroy(),
  };
}
