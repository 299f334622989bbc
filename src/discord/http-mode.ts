// INTERACTIONS=http: no gateway connection; Discord POSTs interactions to our endpoint, and @discordjs/rest
// does the rest. src/main.ts imports this only in this mode, and nothing here loads discord.js.
import { Routes, type APIUser } from 'discord-api-types/v10';
import type { Config } from '../config.js';
import { serveInteractions, type InteractionsEndpoint } from './http-interactions.js';
import { createRest } from './rest.js';
import { restGuildDirectory, withInteractionPermissions } from './rest-guilds.js';
import { importPublicKey } from './signature.js';
import type { Transport } from './transport.js';

export function httpMode(config: Pick<Config, 'DISCORD_API_URL' | 'DISCORD_TOKEN' | 'DISCORD_PUBLIC_KEY' | 'PORT'>): Transport {
  const rest = createRest(config);
  const botUserId = once(async () => ((await rest.get(Routes.user('@me'))) as APIUser).id);
  const guilds = restGuildDirectory(rest, botUserId);
  let endpoint: InteractionsEndpoint | undefined;
  return {
    rest,
    guilds,
    async start({ commands, contextNow, log, firstAnswer, ready }) {
      // The token is checked (and the bot's id learnt) before Discord is told to send us anything.
      await botUserId();
      endpoint = await serveInteractions({
        port: config.PORT,
        publicKey: importPublicKey(config.DISCORD_PUBLIC_KEY!),
        commands,
        // Discord tells the bot its permissions in the interaction's channel: no request needed to check those.
        contextFor: (interaction) => ({ ...contextNow(), guilds: withInteractionPermissions(guilds, interaction.channel?.id ?? null, interaction.app_permissions) }),
        rest,
        log,
        firstAnswer,
      });
      ready({ mode: 'http', port: endpoint.port });
    },
    stop: async () => endpoint?.close(),
  };
}

/** `work`, run on first call only; later calls share its result (a failure is retried). */
function once<T>(work: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= work().catch((error: unknown) => {
    result = undefined;
    throw error;
  }));
}
