// Where interactions come from, as the emulator delivers them: a server that added the bot, a DM with the bot,
// a DM between users (private channel) and a server that never added it (user install), each with the
// context, authorizing_integration_owners, locales and app_permissions Discord sends, and only where the
// registered command is offered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallbackType, ErrorCode, Permission, startEmulator, type Emulator, type InjectedInteraction } from './emulator/index.js';
import { BOT_DM_APP_PERMISSIONS, EVERYONE_PERMISSIONS, PRIVATE_CHANNEL_APP_PERMISSIONS } from './emulator/permissions.js';
import { emulatorApi } from './support/emulator-api.js';

let emu: Emulator;
const api = emulatorApi(() => emu);
let member: string;
let elsewhere: string;

beforeAll(async () => {
  emu = await startEmulator({
    guilds: [
      { name: 'Newsroom', channels: [{ name: 'general' }] },
      { name: 'Elsewhere', channels: [{ name: 'lounge' }], botIsMember: false, preferredLocale: 'de' },
    ],
  });
  [member, elsewhere] = emu.guilds.map((guild) => guild.id) as [string, string];
  // Delivered to an endpoint that is not there: these tests read the payloads and answer over REST themselves.
  emu.setInteractionsUrl('http://127.0.0.1:9/');
  const commands = [
    { name: 'everywhere', description: 'Anywhere', integration_types: [0, 1], contexts: [0, 1, 2] },
    { name: 'servers', description: 'Installed servers only', integration_types: [0], contexts: [0] },
  ];
  expect((await api(`/applications/${emu.applicationId}/commands`, { method: 'PUT', body: commands })).status).toBe(200);
});
afterAll(() => emu?.close());

const payload = (interaction: InjectedInteraction) => interaction.payload as Record<string, unknown>;

describe('interaction contexts', () => {
  it('in a server that added the bot: context 0, the server as installer, member and guild_locale', () => {
    const interaction = emu.injectCommand({ name: 'everywhere', guildId: member, locale: 'fr' });
    expect(payload(interaction)).toMatchObject({ context: 0, authorizing_integration_owners: { 0: member }, guild_id: member, locale: 'fr', guild_locale: 'en-US', app_permissions: String(EVERYONE_PERMISSIONS) });
    expect(payload(interaction).member).toBeDefined();
    expect(payload(interaction).user).toBeUndefined();
  });

  it('with the user\'s own install too, both installations authorize it', () => {
    const interaction = emu.injectCommand({ name: 'everywhere', guildId: member, userInstalled: true });
    expect(payload(interaction).authorizing_integration_owners).toEqual({ 0: member, 1: interaction.user.id });
    // A command for server installs alone comes through the server's install only.
    expect(payload(emu.injectCommand({ name: 'servers', guildId: member, userInstalled: true })).authorizing_integration_owners).toEqual({ 0: member });
  });

  it('in a DM with the bot: context 1, `user` instead of `member`, no guild, the DM permissions', () => {
    const interaction = emu.injectCommand({ name: 'everywhere', guildId: null });
    expect(payload(interaction)).toMatchObject({ context: 1, authorizing_integration_owners: { 0: '0' }, channel: { type: 1 }, user: { id: interaction.user.id }, app_permissions: String(BOT_DM_APP_PERMISSIONS) });
    expect(payload(interaction).member).toBeUndefined();
    expect(payload(interaction).guild_id).toBeUndefined();
    expect(payload(interaction).guild_locale).toBeUndefined();
  });

  it('in a DM between users: context 2, through the user install alone', () => {
    const interaction = emu.injectCommand({ name: 'everywhere', guildId: null, privateChannel: true });
    expect(payload(interaction)).toMatchObject({ context: 2, authorizing_integration_owners: { 1: interaction.user.id }, app_permissions: String(PRIVATE_CHANNEL_APP_PERMISSIONS) });
  });

  it('in a server that never added the bot: the user install, the member\'s permissions, limited app permissions', () => {
    const interaction = emu.injectCommand({ name: 'everywhere', guildId: elsewhere });
    expect(payload(interaction)).toMatchObject({
      context: 0,
      guild_id: elsewhere,
      guild_locale: 'de',
      authorizing_integration_owners: { 1: interaction.user.id },
      member: { permissions: String(EVERYONE_PERMISSIONS) },
      app_permissions: String(BOT_DM_APP_PERMISSIONS),
    });
  });

  it('refuses to deliver a command where it is not registered, as Discord would not offer it', () => {
    expect(() => emu.injectCommand({ name: 'servers', guildId: null })).toThrow('not registered for interaction context 1');
    expect(() => emu.injectCommand({ name: 'servers', guildId: elsewhere })).toThrow('not registered for the installation here');
    expect(() => emu.injectCommand({ name: 'everywhere', guildId: null, privateChannel: true, userInstalled: false })).toThrow('nobody installed the app');
  });

  it('answers a button with the installation its message was sent with', async () => {
    const interaction = emu.injectCommand({ name: 'everywhere', guildId: null, privateChannel: true });
    const button = { type: 1, components: [{ type: 2, style: 1, label: 'Next', custom_id: 'next' }] };
    const callback = `/interactions/${interaction.id}/${interaction.token}/callback`;
    expect((await api(callback, { method: 'POST', auth: null, body: { type: CallbackType.ChannelMessageWithSource, data: { content: 'page 1', components: [button] } } })).status).toBe(204);
    const press = emu.injectButton({ customId: 'next', messageId: interaction.original!.id });
    expect(payload(press)).toMatchObject({ context: 2, authorizing_integration_owners: { 1: interaction.user.id }, message: { id: interaction.original!.id } });
  });
});

describe('what a bot can do where it is not a member', () => {
  it('cannot read the server or post in its channels, nor in a DM between users; it can post in its own DM', async () => {
    const lounge = emu.channel('lounge').id;
    expect(await (await api(`/guilds/${elsewhere}`)).json()).toMatchObject({ code: ErrorCode.MissingAccess });
    expect((await api(`/channels/${lounge}/messages`, { method: 'POST', body: { content: 'hi' } })).status).toBe(403);
    const privateChannel = emu.injectCommand({ name: 'everywhere', guildId: null, privateChannel: true }).channel.id;
    expect((await api(`/channels/${privateChannel}/messages`, { method: 'POST', body: { content: 'hi' } })).status).toBe(403);
    const botDm = emu.injectCommand({ name: 'everywhere', guildId: null }).channel.id;
    expect((await api(`/channels/${botDm}/messages`, { method: 'POST', body: { content: 'hi' } })).status).toBe(200);
  });

  it('gets at most 5 follow-ups per interaction, as Discord allows a user-installed app', async () => {
    const interaction = emu.injectCommand({ name: 'everywhere', guildId: elsewhere });
    await api(`/interactions/${interaction.id}/${interaction.token}/callback`, { method: 'POST', auth: null, body: { type: CallbackType.DeferredChannelMessageWithSource } });
    const followUp = () => api(`/webhooks/${emu.applicationId}/${interaction.token}`, { method: 'POST', auth: null, body: { content: 'more' } });
    for (let i = 0; i < 5; i++) expect((await followUp()).status).toBe(200);
    expect(await (await followUp()).json()).toMatchObject({ code: ErrorCode.MaxFollowUpMessages });
  });

  it('answers only privately to a member who may not use external apps there', async () => {
    const interaction = emu.injectCommand({ name: 'everywhere', guildId: elsewhere, memberPermissions: EVERYONE_PERMISSIONS & ~Permission.UseExternalApps });
    await api(`/interactions/${interaction.id}/${interaction.token}/callback`, { method: 'POST', auth: null, body: { type: CallbackType.ChannelMessageWithSource, data: { content: 'public?' } } });
    expect((await interaction.waitForReply()).ephemeral).toBe(true);
  });
});
