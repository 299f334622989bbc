// The gateway side of answering: each INTERACTION_CREATE packet, as Discord's JSON, goes to the same
// answerInteraction as the HTTP endpoint's, and the response is posted to the interaction's callback
// endpoint. The raw packet is answered before discord.js builds its own objects for it, and no reply goes
// through discord.js's message builders (which re-case every key of every embed on every reply).
import { GatewayDispatchEvents, Routes, type APIInteraction } from 'discord-api-types/v10';
import type { Client } from 'discord.js';
import type { Command } from '../command/command.js';
import type { Logger } from '../log.js';
import { answerInteraction, commandsByName } from './answer-interaction.js';

export function answerInteractions<Context>(client: Client, commands: readonly Command<Context>[], contextNow: () => Context, log: Logger): void {
  const byName = commandsByName(commands);
  if (!skipInteractionObjects(client)) log.warn('discord.js changed its internals: it builds an Interaction for every packet again (slower answers, nothing wrong)');
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

/**
 * discord.js turns every INTERACTION_CREATE into an Interaction (its user, member, channel, option resolver)
 * right after the raw packet's listeners return, so before any answer can go out: `npm run bench -- end-to-end`
 * measured it at about 0.25 ms of each answer's latency. The bot answers from the raw packet and never reads
 * those objects, so that step is switched off. `actions` is typed private in discord.js: if a release renames
 * it, this returns false and the objects are simply built again (tests/discord-internals.test.ts fails first).
 */
export function skipInteractionObjects(client: Client): boolean {
  const action = (client as unknown as { actions?: { InteractionCreate?: { handle?: unknown } } }).actions?.InteractionCreate;
  if (typeof action?.handle !== 'function') return false;
  action.handle = () => undefined;
  return true;
}
