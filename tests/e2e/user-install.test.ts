// End to end, user install: the commands registered globally for guild and user install, then /brief asked in
// a DM with the bot and in a server that never added the bot (only the asker installed the app), over the
// gateway and over HTTP interactions. The bot answers through the interaction alone: no channel REST call,
// which it could not make there, and page buttons turn in a DM as in a server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommandDefinitions } from '../../commands/index.js';
import { Permission, type Emulator, type InteractionReply } from '../emulator/index.js';
import { startAgainstEmulator, startProcess, type Harness } from './bot-process.js';

type Embed = { title?: string; footer?: { text?: string } };
type Button = { custom_id?: string; label?: string };
const firstEmbed = (reply: InteractionReply) => reply.embeds[0] as Embed;
const nextButton = (reply: InteractionReply) => (reply.components[0] as { components: Button[] }).components.find((button) => button.label === 'Next ▶')!;

describe.each([
  { mode: 'gateway', http: false },
  { mode: 'HTTP interactions', http: true },
])('user install, $mode', ({ http }) => {
  let harness: Harness;
  let emulator: Emulator;
  let elsewhere: string;

  beforeAll(async () => {
    harness = await startAgainstEmulator({
      http,
      emulator: {
        guilds: [
          { name: 'Newsroom', channels: [{ name: 'general' }] },
          { name: 'Elsewhere', channels: [{ name: 'lounge' }], botIsMember: false },
        ],
      },
    });
    emulator = harness.emulator;
    elsewhere = emulator.guilds[1]!.id;
    const deploy = startProcess('src/deploy-commands.ts', { DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.restUrl, DISCORD_CLIENT_ID: emulator.applicationId });
    expect((await deploy.waitForExit()).code).toBe(0);
  }, 30_000);
  afterAll(() => harness?.close());

  /** REST calls the bot made on channels or servers (it may make none where it is not a member). */
  const channelCalls = () => emulator.requests.filter((request) => /^\/(channels|guilds)\//.test(request.path));

  it('registers the briefing commands for guild and user install in every context, /recap for installed servers only', () => {
    const registered = new Map(emulator.commands.global.map((command) => [command.name, command]));
    for (const name of ['brief', 'position', 'quotes', 'timeline', 'sources', 'corrections']) {
      expect(registered.get(name), name).toMatchObject({ integration_types: [0, 1], contexts: [0, 1, 2] });
    }
    expect(registered.get('recap')).toMatchObject({ integration_types: [0], contexts: [0] });
    // Discord would offer /recap neither in a DM nor where only the user installed the app.
    expect(() => emulator.injectCommand({ name: 'recap', subcommand: 'list', guildId: null })).toThrow('not registered');
    expect(() => emulator.injectCommand({ name: 'recap', subcommand: 'list', guildId: elsewhere })).toThrow('not registered');
  });

  it('answers /brief in a DM with the bot, in the interaction response', async () => {
    const asked = emulator.injectCommand({ name: 'brief', guildId: null, userInstalled: true });
    expect(asked.payload).toMatchObject({ context: 1, user: { id: asked.user.id } });
    const reply = await asked.waitForReply();
    expect(reply).toMatchObject({ via: 'callback', callbackType: 4, ephemeral: false });
    expect(firstEmbed(reply).title).toBe('US-led Ukraine peace talks');
    expect(channelCalls()).toEqual([]);
  });

  it('answers /brief in German in a DM, to a user whose Discord is in German', async () => {
    const reply = await emulator.injectCommand({ name: 'brief', guildId: null, userInstalled: true, locale: 'de' }).waitForReply();
    expect(reply).toMatchObject({ via: 'callback', callbackType: 4, ephemeral: false });
    const embed = reply.embeds[0] as Embed & { description?: string; fields?: { name: string }[] };
    expect(embed.description).toMatch(/\*\*Kurz gesagt:\*\* Trump brokered a three-day truce/);
    expect(embed.fields!.map((field) => field.name)).toContain('Das Wichtigste');
    expect(embed.footer?.text).toMatch(/^Ausgabe vom 13\. Mai 2026 · Quellen: /);
    expect(channelCalls()).toEqual([]);
  });

  it('answers /brief in a server that never added the bot, through the asker\'s own install', async () => {
    const asked = emulator.injectCommand({ name: 'brief', guildId: elsewhere });
    expect(asked.payload).toMatchObject({ context: 0, guild_id: elsewhere, authorizing_integration_owners: { 1: asked.user.id } });
    const reply = await asked.waitForReply();
    expect(reply).toMatchObject({ via: 'callback', callbackType: 4, ephemeral: false });
    expect(firstEmbed(reply).title).toBe('US-led Ukraine peace talks');
    // A mistake is still told privately there.
    const unknown = await emulator.injectCommand({ name: 'position', options: { actor: 'Rutt' }, guildId: elsewhere }).waitForReply();
    expect(unknown.ephemeral).toBe(true);
    expect(unknown.content).toContain('Did you mean Mark Rutte?');
    expect(channelCalls()).toEqual([]);
  });

  it('turns the page of /quotes in a DM: in place for the asker', async () => {
    const asked = emulator.injectCommand({ name: 'quotes', guildId: null });
    const first = await asked.waitForReply();
    expect(firstEmbed(first).footer?.text).toMatch(/Page 1\/\d+$/);
    const turned = await emulator.injectButton({ customId: nextButton(first).custom_id!, messageId: asked.original!.id }).waitForReply();
    expect(turned.callbackType).toBe(7);
    expect(firstEmbed(turned).footer?.text).toMatch(/Page 2\/\d+$/);
    expect((emulator.message(asked.original!.id)!.embeds[0] as Embed).footer?.text).toMatch(/Page 2\/\d+$/);
    expect(channelCalls()).toEqual([]);
  });

  it('turns the page of /quotes in a server without the bot: in place for the asker, privately for anyone else', async () => {
    const asked = emulator.injectCommand({ name: 'quotes', guildId: elsewhere });
    const first = await asked.waitForReply();
    const next = nextButton(first).custom_id!;
    const byOther = await emulator.injectButton({ customId: next, messageId: asked.original!.id, userId: '400000000000000099' }).waitForReply();
    expect(byOther).toMatchObject({ callbackType: 4, ephemeral: true });
    const byAsker = await emulator.injectButton({ customId: next, messageId: asked.original!.id }).waitForReply();
    expect(byAsker.callbackType).toBe(7);
    expect(firstEmbed(byAsker).footer?.text).toMatch(/Page 2\/\d+$/);
    expect(channelCalls()).toEqual([]);
  });

  it('refuses /recap politely where only the user installed the app, should it ever be offered there', async () => {
    // As if /recap had been registered for user installs by mistake: the bot itself still knows it cannot post there.
    emulator.commands.overwrite(null, allCommandDefinitions().map((command) => (command.name === 'recap' ? { ...command, integration_types: [0, 1] } : command)));
    const reply = await emulator.injectCommand({ name: 'recap', subcommand: 'list', guildId: elsewhere, memberPermissions: Permission.ManageGuild }).waitForReply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe('That works only in a server that has added the bot, and this one has not.');
    expect(channelCalls()).toEqual([]);
  });
});
