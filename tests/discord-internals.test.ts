// The one place the bot reaches into discord.js's internals (src/discord/adapter.ts): switching off the
// Interaction objects discord.js builds for packets the bot answers raw. If a discord.js release moves
// that step, this fails before anyone notices slower answers.
import { Events, InteractionType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { skipInteractionObjects } from '../src/discord/adapter.js';
import { createClient } from '../src/discord/client.js';

/** A slash command as the gateway's INTERACTION_CREATE carries it, in a DM (no server needed in the cache). */
const packet = {
  id: '1300000000000000001',
  application_id: '1300000000000000002',
  type: InteractionType.ApplicationCommand,
  token: 'interaction-token',
  version: 1,
  channel_id: '1300000000000000003',
  user: { id: '1300000000000000004', username: 'reader', discriminator: '0', global_name: null, avatar: null },
  data: { id: '1300000000000000005', name: 'brief', type: 1 },
  locale: 'en-US',
  authorizing_integration_owners: { 1: '1300000000000000004' },
  entitlements: [],
  app_permissions: '0',
  attachment_size_limit: 8_388_608,
};

type WithActions = { actions: { InteractionCreate: { handle(data: unknown): void } } };
const built = (client: ReturnType<typeof createClient>) => {
  const emitted: unknown[] = [];
  client.on(Events.InteractionCreate, (interaction) => emitted.push(interaction));
  (client as unknown as WithActions).actions.InteractionCreate.handle(packet);
  return emitted;
};

describe('the Interaction objects discord.js builds for each packet', () => {
  it('are built by discord.js as installed, and no longer once the bot switches them off', () => {
    const untouched = createClient({});
    expect(built(untouched)).toHaveLength(1);
    const bot = createClient({});
    expect(skipInteractionObjects(bot)).toBe(true);
    expect(built(bot)).toHaveLength(0);
    void untouched.destroy();
    void bot.destroy();
  });
});
