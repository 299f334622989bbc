/**
 * The Discord emulator (tests/emulator) proven against a real discord.js 14
 * Client in-process, plus raw-protocol checks of the rules discord.js itself
 * would never let a bot break (deadlines, double acknowledgement, rate limits).
 */
import { once } from 'node:events';
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  type ChatInputApplicationCommandData,
  type Interaction,
  type TextChannel,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { ErrorCode, startEmulator, type Emulator } from './emulator/index.js';
import { emulatorApi } from './support/emulator-api.js';

const COMMANDS: ChatInputApplicationCommandData[] = [
  {
    name: 'ping',
    description: 'Ping',
    options: [{ type: ApplicationCommandOptionType.Channel, name: 'where', description: 'Where' }],
  },
  {
    name: 'search',
    description: 'Search',
    options: [{ type: ApplicationCommandOptionType.String, name: 'query', description: 'Query', autocomplete: true }],
  },
  { name: 'slow', description: 'Deferred reply' },
  { name: 'long', description: 'Over-long reply' },
];

describe('emulator with a real discord.js client', () => {
  let emu: Emulator;
  let client: Client;
  /** Errors the bot's handlers caught, by interaction id. */
  const handlerErrors = new Map<string, unknown>();

  async function answer(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) {
      const typed = interaction.options.getFocused();
      const names = ['alpha', 'beta', 'gamma'].filter((name) => name.startsWith(typed));
      await interaction.respond(names.map((name) => ({ name, value: name })));
    } else if (interaction.isButton()) {
      await interaction.update({ content: `pressed ${interaction.customId}`, components: [] });
    } else if (interaction.isChatInputCommand()) {
      if (interaction.commandName === 'ping') {
        const where = interaction.options.getChannel('where');
        await interaction.reply({ content: where ? `pong in ${where.name}` : 'pong', allowedMentions: { parse: [] } });
      } else if (interaction.commandName === 'slow') {
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        await interaction.editReply('done');
      } else if (interaction.commandName === 'long') {
        await interaction.reply('x'.repeat(2001));
      }
    }
  }

  function textChannel(name: string): TextChannel {
    return client.channels.cache.get(emu.channel(name).id) as TextChannel;
  }

  async function rejection(promise: Promise<unknown>): Promise<DiscordAPIError> {
    const error = await promise.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(DiscordAPIError);
    return error as DiscordAPIError;
  }

  beforeAll(async () => {
    emu = await startEmulator({
      guilds: [
        {
          name: 'Newsroom',
          channels: [
            { name: 'general' },
            { name: 'briefing' },
            { name: 'read-only', botDenied: PermissionFlagsBits.SendMessages },
            { name: 'hidden', botDenied: PermissionFlagsBits.ViewChannel },
            { name: 'fan-out' },
          ],
        },
      ],
      rateLimit: { perRoute: 5, windowMs: 400 },
    });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emu.restUrl } });
    client.on(Events.InteractionCreate, (interaction) => {
      answer(interaction).catch((error: unknown) => handlerErrors.set(interaction.id, error));
    });
    const ready = once(client, Events.ClientReady);
    await client.login(emu.token);
    await ready;
  });

  afterAll(async () => {
    await client?.destroy();
    await emu?.close();
  });

  it('logs in and caches the guild, its channels and the bot permissions', async () => {
    const guild = client.guilds.cache.get(emu.guilds[0]!.id)!;
    expect(guild.name).toBe('Newsroom');
    expect(guild.channels.cache.size).toBe(5);
    const me = guild.members.me!;
    expect(me.id).toBe(emu.botUserId);
    expect(textChannel('general').permissionsFor(me).has(PermissionFlagsBits.SendMessages)).toBe(true);
    expect(textChannel('read-only').permissionsFor(me).has(PermissionFlagsBits.ViewChannel)).toBe(true);
    expect(textChannel('read-only').permissionsFor(me).has(PermissionFlagsBits.SendMessages)).toBe(false);
    expect(textChannel('hidden').permissionsFor(me).has(PermissionFlagsBits.ViewChannel)).toBe(false);
    expect(client.application?.id).toBe(emu.applicationId);
    await emu.waitForReady();
    expect(emu.identifyCount).toBe(1);
  });

  it('stores bulk-overwritten commands with stable ids and rejects invalid ones', async () => {
    const first = await client.application!.commands.set(COMMANDS);
    expect(emu.commands.global.map((command) => command.name)).toEqual(['ping', 'search', 'slow', 'long']);
    const second = await client.application!.commands.set(COMMANDS);
    expect([...second.keys()]).toEqual([...first.keys()]);
    expect(emu.commands.putCount.global).toBe(2);

    const guildId = emu.guilds[0]!.id;
    await client.application!.commands.set([{ name: 'local', description: 'Guild only' }], guildId);
    expect(emu.commands.byGuild.get(guildId)?.[0]).toMatchObject({ name: 'local', guild_id: guildId });

    const invalid = await rejection(client.application!.commands.set([{ name: 'Ping', description: 'Upper case' }]));
    expect(invalid.code).toBe(ErrorCode.InvalidFormBody);
  });

  it('records a chat-input reply with its resolved channel option and allowed mentions', async () => {
    const briefing = emu.channel('briefing');
    const interaction = emu.injectCommand({ name: 'ping', options: { where: briefing.id } });
    expect(interaction.payload.data).toMatchObject({
      id: emu.commands.global[0]!.id,
      options: [{ name: 'where', type: 7 }],
    });

    const reply = await interaction.waitForReply();
    expect(reply).toMatchObject({ via: 'callback', callbackType: 4, content: 'pong in briefing', ephemeral: false });
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    expect(interaction.responses[0]).toMatchObject({ kind: 'callback', status: 204 });
    expect(interaction.original?.content).toBe('pong in briefing');
  });

  it('records a deferred ephemeral reply completed by editReply', async () => {
    const interaction = emu.injectCommand({ name: 'slow' });
    const reply = await interaction.waitForReply();
    expect(reply).toMatchObject({ via: 'edit', callbackType: 5, content: 'done', ephemeral: true });
    expect(interaction.responses.map((entry) => `${entry.kind}:${entry.status}`)).toEqual(['callback:204', 'edit:200']);
  });

  it('records autocomplete choices', async () => {
    const interaction = emu.injectAutocomplete({ name: 'search', options: { query: 'b' }, focused: 'query' });
    const reply = await interaction.waitForReply();
    expect(reply).toMatchObject({ callbackType: 8, choices: [{ name: 'beta', value: 'beta' }] });
  });

  it('stores channel.send() and updates that message from a button press', async () => {
    const general = emu.channel('general');
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('refresh').setLabel('Refresh').setStyle(ButtonStyle.Primary),
    );
    const sent = await textChannel('general').send({
      content: 'Briefing <@123>',
      components: [row],
      allowedMentions: { parse: [] },
    });
    const [stored] = emu.messages(general.id);
    expect(stored).toMatchObject({ id: sent.id, content: 'Briefing <@123>', allowed_mentions: { parse: [] } });

    const press = emu.injectButton({ customId: 'refresh', messageId: sent.id });
    const reply = await press.waitForReply();
    expect(reply).toMatchObject({ via: 'callback', callbackType: 7, content: 'pressed refresh' });
    expect(emu.message(sent.id)).toMatchObject({ content: 'pressed refresh', components: [] });
  });

  it('parses multipart uploads: payload_json becomes the body, files become attachments', async () => {
    const general = emu.channel('general');
    const files = [{ attachment: Buffer.from('abc'), name: 'notes.txt' }];
    const sent = await textChannel('general').send({ content: 'with file', files });
    expect(emu.message(sent.id)?.attachments).toMatchObject([{ filename: 'notes.txt', size: 3 }]);
    const request = emu.requests.findLast((entry) => entry.path === `/channels/${general.id}/messages`);
    expect(request?.body).toMatchObject({ content: 'with file' });
  });

  it('throttles a channel with the optional limiter, and discord.js waits instead of hitting 429', async () => {
    const fanOut = emu.channel('fan-out');
    const started = Date.now();
    await Promise.all(Array.from({ length: 8 }, (_, i) => textChannel('fan-out').send(`item ${i}`)));
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    const contents = emu.messages(fanOut.id).map((message) => message.content);
    expect(contents).toEqual(Array.from({ length: 8 }, (_, i) => `item ${i}`));
    const path = `/channels/${fanOut.id}/messages`;
    expect(emu.requests.filter((entry) => entry.path === path && entry.status === 429)).toEqual([]);
  });

  it('lets discord.js retry a 429 and a 500 so each message lands exactly once', async () => {
    const briefing = emu.channel('briefing');
    const before = emu.messages(briefing.id).length;
    emu.failNext({ method: 'POST', path: '/channels/:id/messages', status: 429, retryAfter: 0.2 });
    await textChannel('briefing').send('after a rate limit');
    emu.failNext({ method: 'POST', path: `/channels/${briefing.id}/messages`, status: 500 });
    await textChannel('briefing').send('after a server error');

    expect(emu.messages(briefing.id).slice(before).map((message) => message.content)).toEqual([
      'after a rate limit',
      'after a server error',
    ]);
    const statuses = emu.requests
      .filter((request) => request.method === 'POST' && request.path === `/channels/${briefing.id}/messages`)
      .map((request) => request.status);
    expect(statuses.slice(-4)).toEqual([429, 200, 500, 200]);
  });

  it('surfaces permission and missing-channel errors as DiscordAPIError codes', async () => {
    expect((await rejection(textChannel('read-only').send('nope'))).code).toBe(ErrorCode.MissingPermissions);
    expect((await rejection(textChannel('hidden').send('nope'))).code).toBe(ErrorCode.MissingAccess);
    emu.failNext({ path: /^\/channels\/\d+\/messages$/, status: 404 });
    expect((await rejection(textChannel('general').send('gone'))).code).toBe(ErrorCode.UnknownChannel);
  });

  it('answers 50035 to a reply over 2000 characters', async () => {
    const interaction = emu.injectCommand({ name: 'long' });
    await interaction.waitForResponse();
    expect(interaction.responses[0]).toMatchObject({ kind: 'callback', status: 400 });
    await vi.waitFor(() => expect(handlerErrors.get(interaction.id)).toBeInstanceOf(DiscordAPIError));
    const error = handlerErrors.get(interaction.id) as DiscordAPIError;
    expect(error.code).toBe(ErrorCode.InvalidFormBody);
    // Checked against Discord's spec, the error sits where Discord puts it: under the callback's `data`.
    expect(error.rawError).toMatchObject({ errors: { data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } } } });
  });

  it('replays an interaction injected while the gateway was down once the client resumes', async () => {
    emu.dropGateway();
    const interaction = emu.injectCommand({ name: 'ping' });
    await emu.waitForResume();
    expect((await interaction.waitForReply()).content).toBe('pong');
    expect(emu.identifyCount).toBe(1);
    expect(emu.resumeCount).toBe(1);
  });

  it('records unknown routes', async () => {
    const path = `/guilds/${emu.guilds[0]!.id}/bans`;
    expect((await rejection(client.rest.get(path as `/${string}`))).status).toBe(404);
    expect(emu.unmatched.at(-1)).toMatchObject({ method: 'GET', path, status: 404 });
  });
});

describe('emulator protocol rules, driven without discord.js', () => {
  let emu: Emulator;
  let socket: WebSocket;
  const frames: { op: number; t: string | null; s: number | null; d: Record<string, unknown> }[] = [];

  const api = emulatorApi(() => emu);

  async function connect(): Promise<WebSocket> {
    const ws = new WebSocket(`${emu.gatewayUrl}?v=10&encoding=json`);
    ws.on('message', (raw) => frames.push(JSON.parse(raw.toString()) as (typeof frames)[number]));
    await once(ws, 'open');
    return ws;
  }

  const dispatched = (t: string) => vi.waitFor(() => frames.find((frame) => frame.t === t) ?? expect.fail(`no ${t}`));

  beforeAll(async () => {
    emu = await startEmulator({ interactionDeadlineMs: 200, rateLimit: { perRoute: 5, windowMs: 1000 } });
    socket = await connect();
    socket.send(JSON.stringify({ op: 2, d: { token: emu.token, intents: 1, properties: {} } }));
    await emu.waitForReady();
  });

  afterAll(async () => {
    socket?.close();
    await emu?.close();
  });

  it('greets with HELLO, then READY and GUILD_CREATE with increasing sequence numbers', async () => {
    await dispatched('GUILD_CREATE');
    expect(frames[0]).toMatchObject({ op: 10, d: { heartbeat_interval: 41_250 } });
    const ready = frames.find((frame) => frame.t === 'READY')!;
    expect(ready).toMatchObject({
      s: 1,
      d: { application: { id: emu.applicationId }, resume_gateway_url: emu.gatewayUrl },
    });
    expect(frames.find((frame) => frame.t === 'GUILD_CREATE')).toMatchObject({ s: 2 });
  });

  it('serves /gateway/bot and rejects a wrong bot token with 401', async () => {
    expect(await (await api('/gateway/bot')).json()).toMatchObject({ url: emu.gatewayUrl, shards: 1 });
    const denied = await api('/users/@me', { auth: 'Bot wrong' });
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({ code: 0, message: '401: Unauthorized' });
  });

  it('enforces one acknowledgement, honours with_response and the callback deadline', async () => {
    const first = emu.injectCommand({ name: 'anything', options: { text: 'hi', count: 2 } });
    const payload = (await dispatched('INTERACTION_CREATE')).d;
    expect(payload).toMatchObject({
      id: first.id,
      token: first.token,
      entitlements: [],
      channel: { id: emu.guilds[0]!.channels[0]!.id },
    });
    expect(payload.data).toMatchObject({ options: [{ name: 'text', type: 3 }, { name: 'count', type: 4 }] });

    const callback = `/interactions/${first.id}/${first.token}/callback`;
    const body = { type: 4, data: { content: 'hello', flags: MessageFlags.Ephemeral } };
    const accepted = await api(`${callback}?with_response=true`, { method: 'POST', body, auth: null });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({
      interaction: { id: first.id, response_message_ephemeral: true },
      resource: { type: 4, message: { content: 'hello', flags: MessageFlags.Ephemeral } },
    });
    const again = await api(callback, { method: 'POST', body, auth: null });
    expect(await again.json()).toMatchObject({ code: ErrorCode.InteractionAlreadyAcknowledged });
    expect((await first.waitForReply()).ephemeral).toBe(true);

    const late = emu.injectCommand({ name: 'anything' });
    await new Promise((resolve) => setTimeout(resolve, 250));
    const expired = await api(`/interactions/${late.id}/${late.token}/callback`, { method: 'POST', body, auth: null });
    expect(expired.status).toBe(404);
    expect(await expired.json()).toMatchObject({ code: ErrorCode.UnknownInteraction });
  });

  it('rejects empty messages and oversized embeds', async () => {
    const channel = `/channels/${emu.guilds[0]!.channels[1]!.id}/messages`;
    expect(await (await api(channel, { method: 'POST', body: { content: ' ' } })).json()).toMatchObject({
      code: ErrorCode.CannotSendEmptyMessage,
    });
    const embeds = [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }];
    const tooBig = await api(channel, { method: 'POST', body: { embeds } });
    expect(tooBig.status).toBe(400);
    expect(await tooBig.json()).toMatchObject({
      code: ErrorCode.InvalidFormBody,
      errors: { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] } },
    });
  });

  it('really rate-limits channel messages with per-route 429 headers when asked to', async () => {
    const channel = `/channels/${emu.guilds[0]!.channels[2]!.id}/messages`;
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => api(channel, { method: 'POST', body: { content: `burst ${i}` } })),
    );
    const limited = responses.filter((response) => response.status === 429);
    expect(limited).toHaveLength(1);
    const [response] = limited;
    expect(response!.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(response!.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{32}$/);
    expect(response!.headers.has('x-ratelimit-global')).toBe(false);
    expect(Number(response!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await response!.json()).toMatchObject({ message: 'You are being rate limited.', global: false });
  });

  it('replays missed dispatches on RESUME', async () => {
    const sessionId = frames.find((frame) => frame.t === 'READY')!.d.session_id;
    const lastSeen = Math.max(...frames.map((frame) => frame.s ?? 0));
    socket.close();
    await once(socket, 'close');
    const missed = emu.injectCommand({ name: 'missed' });
    frames.length = 0;
    socket = await connect();
    socket.send(JSON.stringify({ op: 6, d: { token: emu.token, session_id: sessionId, seq: lastSeen } }));
    await dispatched('RESUMED');
    expect(frames.filter((frame) => frame.op === 0).map((frame) => [frame.t, frame.s])).toEqual([
      ['INTERACTION_CREATE', lastSeen + 1],
      ['RESUMED', null],
    ]);
    expect(frames[1]?.d.id).toBe(missed.id);
  });

  it('invalidates the session: op 9, no more dispatches, RESUME refused, IDENTIFY starts afresh', async () => {
    const sessionId = frames.find((frame) => frame.t === 'READY')?.d.session_id;
    frames.length = 0;
    emu.invalidateSession();
    await vi.waitFor(() => expect(frames).toContainEqual(expect.objectContaining({ op: 9, d: false })));
    expect(() => emu.injectCommand({ name: 'nobody-listening' })).toThrow(/no gateway session/);

    frames.length = 0;
    socket.send(JSON.stringify({ op: 6, d: { token: emu.token, session_id: sessionId, seq: 1 } }));
    await vi.waitFor(() => expect(frames).toContainEqual(expect.objectContaining({ op: 9, d: false })));

    socket.send(JSON.stringify({ op: 2, d: { token: emu.token, intents: 1, properties: {} } }));
    await emu.waitForReady({ count: 2 });
    expect((await dispatched('READY')).d.session_id).not.toBe(sessionId);
  });
});
