// End to end, INTERACTIONS=http: the real bot process serves an interactions endpoint, with no gateway
// connection, and the emulator POSTs interactions to it signed as Discord signs them. The same commands
// answer in the HTTP response; a deferred one follows up over REST; anything unsigned or badly signed is
// refused with 401 and never processed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Permission } from '../emulator/permissions.js';
import { startAgainstEmulator, type Harness } from './bot-process.js';

const MANAGE_GUILD = 1n << 5n;
type Button = { custom_id?: string; label?: string };
const firstEmbed = (reply: { embeds: unknown[] }) => reply.embeds[0] as { title?: string; footer?: { text?: string } };

describe('HTTP interactions mode', () => {
  let run: Harness;
  beforeAll(async () => {
    run = await startAgainstEmulator({
      http: true,
      emulator: { guilds: [{ name: 'Newsroom', channels: [{ name: 'general' }, { name: 'talks' }] }] },
    });
  }, 30_000);
  afterAll(async () => {
    await run?.close();
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
    expect(firstEmbed(german).footer?.text).toMatch(/^Ausgabe vom 3\. Dez\. 2025 · Quellen: /);

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
    await run.bot.waitForLog((line) => line.msg === 'interaction' && line.command === 'recap' && (line.options as { subcommand?: string }).subcommand === 'now');
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
});
