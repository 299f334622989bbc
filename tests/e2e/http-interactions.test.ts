// End to end, INTERACTIONS=http: the real bot process serves an interactions endpoint, with no gateway
// connection, and the emulator POSTs interactions to it signed as Discord signs them. The same commands
// answer in the HTTP response; a deferred one follows up over REST; anything unsigned or badly signed is
// refused with 401 and never processed, and so is one signed too long ago; an interaction already answered,
// sent again to the same replica or another on the same database, is refused with 409 and never run twice;
// a signed request whose fields hold what Discord never sends is still answered at once.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Permission } from '../emulator/permissions.js';
import { snowflake } from '../emulator/snowflake.js';
import { endpointUrl, httpModeEnv, startAgainstEmulator, startProcess, type BotProcess, type Harness } from './bot-process.js';

const MANAGE_GUILD = 1n << 5n;
type Button = { custom_id?: string; label?: string };
const firstEmbed = (reply: { embeds: unknown[] }) => reply.embeds[0] as { title?: string; footer?: { text?: string } };

/** The same interaction with a new id, as another one Discord sent. */
const another = (payload: Record<string, unknown>, changes: Record<string, unknown> = {}) => ({ ...payload, id: snowflake(), ...changes });

describe('HTTP interactions mode', () => {
  let run: Harness;
  let dataDir: string;
  let databasePath: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'bot-http-'));
    databasePath = path.join(dataDir, 'bot.sqlite');
    run = await startAgainstEmulator({
      http: true,
      env: { DATABASE_PATH: databasePath },
      emulator: { guilds: [{ name: 'Newsroom', channels: [{ name: 'general' }, { name: 'talks' }] }] },
    });
  }, 30_000);
  afterAll(async () => {
    await run?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers PING with PONG and opens no gateway connection', async () => {
    expect(await run.emulator.ping()).toEqual({ status: 200, body: { type: 1 } });
    expect(run.emulator.identifyCount).toBe(0);
  });

  it('answers /brief, autocomplete and a page button in the HTTP response', async () => {
    const brief = await run.emulator.injectCommand({ name: 'brief' }).waitForReply();
    expect(brief.via).toBe('callback');
    expect(brief.callbackType).toBe(4);
    expect(firstEmbed(brief).title).toBe('US-led Ukraine peace talks');
    const german = await run.emulator.injectCommand({ name: 'brief', locale: 'de' }).waitForReply();
    expect(firstEmbed(german).footer?.text).toMatch(/^Ausgabe vom 13\. Mai 2026 · Quellen: /);

    const completed = await run.emulator.injectAutocomplete({ name: 'position', options: { actor: 'selen' }, focused: 'actor' }).waitForReply();
    expect(completed.callbackType).toBe(8);
    expect((completed.choices as { value: string }[])[0]!.value).toBe('zelensky');

    const asked = run.emulator.injectCommand({ name: 'quotes' });
    const quotes = await asked.waitForReply();
    const next = (quotes.components[0] as { components: Button[] }).components.find((button) => button.label === 'Next ▶')!;
    // The asker turns the page of their own reply: it is replaced in place.
    const turned = await run.emulator.injectButton({ customId: next.custom_id!, messageId: asked.original!.id }).waitForReply();
    expect(turned.callbackType).toBe(7);
    expect(firstEmbed(turned).footer?.text).toMatch(/Page 2\/\d+$/);
  });

  it('defers /recap now (type 5) and edits @original over REST with the result', async () => {
    const talks = run.emulator.channel('talks').id;
    const subscribed = await run.emulator
      .injectCommand({ name: 'recap', subcommand: 'subscribe', options: { channel: talks, schedule: 'daily 08:00', timezone: 'UTC' }, memberPermissions: MANAGE_GUILD | Permission.ViewChannel })
      .waitForReply({ timeoutMs: 10_000 });
    expect(subscribed.content).toContain('<#' + talks + '>');
    const posted = await run.emulator
      .injectCommand({ name: 'recap', subcommand: 'now', options: { subscription: 1 }, memberPermissions: MANAGE_GUILD | Permission.ViewChannel })
      .waitForReply({ timeoutMs: 10_000 });
    expect(posted.callbackType).toBe(5);
    expect(posted.via).toBe('edit');
    expect(posted.content).toMatch(/^Posted in <#\d+>/);
    expect(run.emulator.messages(talks)).toHaveLength(1);
    // The follow-up went to the interaction's webhook, and no log line carries a token.
    expect(run.emulator.requests.some((request) => request.method === 'PATCH' && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(request.path))).toBe(true);
    expect(run.bot.output).not.toMatch(/emu\.[A-Za-z0-9_-]{8,}/);
  });

  it('refuses an unsigned or badly signed request with 401 and does not process it', async () => {
    // The deferred command before this one logs once its follow-up is done.
    await run.bot.waitForLog((line) => line.msg === 'interaction' && line.command === 'recap' && line.subcommand === 'now');
    const before = run.bot.logs.filter((line) => line.msg === 'interaction').length;
    const requests = run.emulator.requests.length;
    const payload = { id: '1'.repeat(18), application_id: run.emulator.applicationId, type: 2, token: 'forged', version: 1, data: { id: '1', name: 'brief', type: 1 }, user: { id: '2'.repeat(18), username: 'mallory' } };
    expect((await run.emulator.sendToEndpoint(payload, { signature: 'none' })).status).toBe(401);
    expect((await run.emulator.sendToEndpoint(payload, { signature: 'bad' })).status).toBe(401);
    expect((await run.emulator.sendToEndpoint({ type: 1 }, { signature: 'bad' })).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(run.bot.logs.filter((line) => line.msg === 'interaction')).toHaveLength(before);
    expect(run.emulator.requests).toHaveLength(requests);
    expect(run.bot.logs.filter((line) => line.msg === 'refused an interaction request without a valid signature').length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a request signed more than 5 minutes ago with 401, and does not process it', async () => {
    const brief = run.emulator.injectCommand({ name: 'brief' });
    await run.bot.waitForLog((line) => line.msg === 'interaction' && line.interactionId === brief.id);
    const logged = run.bot.logs.filter((line) => line.msg === 'interaction').length;
    const sixMinutesAgo = Date.now() - 6 * 60_000;
    expect((await run.emulator.sendToEndpoint(another(brief.payload), { signedAt: sixMinutesAgo })).status).toBe(401);
    expect((await run.emulator.sendToEndpoint(another(brief.payload), { signedAt: Date.now() + 6 * 60_000 })).status).toBe(401);
    await run.bot.waitForLog((line) => line.msg.startsWith('refused an interaction request signed too long ago'));
    expect(run.bot.logs.filter((line) => line.msg === 'interaction')).toHaveLength(logged);
  });

  describe('a replayed request', () => {
    let replica: BotProcess;
    let replicaUrl: string;
    beforeAll(async () => {
      // A second replica on the same database, as behind a load balancer.
      replica = startProcess('src/main.ts', { DISCORD_TOKEN: run.emulator.token, DISCORD_API_URL: run.emulator.restUrl, DATABASE_PATH: databasePath, ...httpModeEnv(run.emulator) });
      replicaUrl = endpointUrl(await replica.waitForLog((line) => line.msg === 'ready', 20_000));
    }, 30_000);
    afterAll(async () => {
      await replica?.stop();
    });

    it('a /recap subscribe sent again after the recap was removed is refused with 409, by either replica, and sets nothing up', async () => {
      const general = run.emulator.channel('general').id;
      const admin = { memberPermissions: MANAGE_GUILD | Permission.ViewChannel };
      const subscribe = run.emulator.injectCommand({ name: 'recap', subcommand: 'subscribe', options: { channel: general, schedule: 'daily 09:00', timezone: 'UTC' }, ...admin });
      const id = Number(/Recap \*\*#(\d+)\*\* set up/.exec((await subscribe.waitForReply({ timeoutMs: 10_000 })).content ?? '')?.[1]);
      expect(id).toBeGreaterThan(0);
      const removed = await run.emulator.injectCommand({ name: 'recap', subcommand: 'remove', options: { subscription: id }, ...admin }).waitForReply();
      expect(removed.content).toContain('removed');

      expect(await run.emulator.sendToEndpoint(subscribe.payload)).toMatchObject({ status: 409 });
      expect(await run.emulator.sendToEndpoint(subscribe.payload, { url: replicaUrl })).toMatchObject({ status: 409 });
      const listed = await run.emulator.injectCommand({ name: 'recap', subcommand: 'list', ...admin }).waitForReply();
      expect(listed.embeds.map((embed) => JSON.stringify(embed)).join('')).not.toContain(`<#${general}>`);
      expect(run.bot.logs.some((line) => line.msg === 'refused an interaction already answered (a replayed request)')).toBe(true);
    });

    it('one interaction sent to two replicas at once is answered by exactly one of them', async () => {
      const brief = run.emulator.injectCommand({ name: 'brief' });
      await brief.waitForReply();
      const twice = another(brief.payload);
      const statuses = (await Promise.all([run.emulator.sendToEndpoint(twice), run.emulator.sendToEndpoint(twice, { url: replicaUrl })])).map((response) => response.status);
      expect(statuses.sort()).toEqual([200, 409]);
    });
  });

  it('answers at once what Discord never sends: a locale that is not text, permissions that are not bits, a button with no message', async () => {
    const brief = run.emulator.injectCommand({ name: 'brief' });
    await brief.waitForReply();
    const withObjectLocale = await run.emulator.sendToEndpoint(another(brief.payload, { locale: {} }));
    expect(withObjectLocale).toMatchObject({ status: 200, body: { type: 4, data: { embeds: [{ title: 'US-led Ukraine peace talks' }] } } });

    const list = run.emulator.injectCommand({ name: 'recap', subcommand: 'list', memberPermissions: MANAGE_GUILD | Permission.ViewChannel });
    await list.waitForReply();
    const member = list.payload.member as Record<string, unknown>;
    const withBadPermissions = await run.emulator.sendToEndpoint(another(list.payload, { member: { ...member, permissions: 'abc' } }));
    expect(withBadPermissions).toMatchObject({ status: 200, body: { type: 4, data: { flags: 64, content: expect.stringContaining('Manage Server') } } });

    const quotes = run.emulator.injectCommand({ name: 'quotes' });
    const next = ((await quotes.waitForReply()).components[0] as { components: Button[] }).components.find((button) => button.label === 'Next ▶')!;
    const pressed = run.emulator.injectButton({ customId: next.custom_id!, messageId: quotes.original!.id });
    await pressed.waitForReply();
    const { message: _message, ...withoutMessage } = pressed.payload;
    const noMessage = await run.emulator.sendToEndpoint(another(withoutMessage));
    expect(noMessage).toMatchObject({ status: 200, body: { type: 4, data: { flags: 64, embeds: [{ footer: { text: expect.stringMatching(/Page 2\/\d+$/) } }] } } });
    expect(run.bot.logs.filter((line) => line.msg === 'interaction handler failed')).toEqual([]);
  });
});
