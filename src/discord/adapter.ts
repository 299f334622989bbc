// The gateway side of answering: each INTERACTION_CREATE packet, as Discord's JSON, goes to the same
// answerInteraction as the HTTP endpoint's, and the response is posted to the interaction's callback
// endpoint. The raw packet is answered before discord.js builds its own objects for it, and no reply goes
// through discord.js's message builders (which re-case every key of every embed on every reply).
import { GatewayDispatchEvents, Routes, type APIInteraction, type Client } from 'discord.js';
import type { Command } from '../command/command.js';
import type { Logger } from '../log.js';
import { answerInteraction, commandsByName } from './answer-interaction.js';

export function answerInteractions<Context>(client: Client, commands: readonly Command<Context>[], contextNow: () => Context, log: Logger): void {
  const byName = commandsByName(commands);
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (interaction: APIInteraction) => {
    void answerInteraction(interaction, {
      commands: byName,
      context: contextNow(),
      // The interaction's own token authorises the callback, not the bot's.
      send: (response) => client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: response, auth: false }).then(() => undefined),
      rest: client.rest,
      log,
    });
  });
}
