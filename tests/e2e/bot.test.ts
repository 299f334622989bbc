// End to end: the real bot process, discord.js and all, against the Discord emulator on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommandDefinitions } from '../../commands/index.js';
import type { Emulator } from '../emulator/index.js';
import { contentCopy, EDITION_DIR } from '../support/content.js';
import { startAgainstEmulator, startProcess, type BotProcess, type Harness } from './bot-process.js';

type Embed = { title?: string; description?: string; footer?: { text: string }; fields?: { name: string; value: string }[] };
type Button = { custom_id?: string; label?: string; disabled?: boolean };

let harness: Harness;
let emulator: Emulator;
let bot: BotProcess;
let content: Awaited<ReturnType<typeof contentCopy>>;

beforeAll(async () => {
  content = await contentCopy();
  harness = await startAgainstEmulator({ env: { CONTENT_DIR: content.dir } });
  ({ emulator, bot } = harness);
}, 30_000);

afterAll(async () => {
  await harness?.close();
  await content?.cleanup();
});

const ask = (name: string, options: Record<string, string> = {}) => emulator.injectCommand({ name, options }).waitForReply();
const firstEmbed = (reply: { embeds: unknown[] }) => reply.embeds[0] as Embed;

describe('deploying commands', () => {
  it('registers every command from commands/ in one bulk overwrite, to the guild when set', async () => {
    const guildId = emulator.guilds[0]!.id;
    const deploy = startProcess('src/deploy-commands.ts', {
      DISCORD_TOKEN: emulator.token,
      DISCORD_API_URL: emulator.restUrl,
      DISCORD_CLIENT_ID: emulator.applicationId,
      DISCORD_GUILD_ID: guildId,
    });
    expect((await deploy.waitForExit()).code).toBe(0);
    expect(emulator.commands.putCount.byGuild.get(guildId)).toBe(1);
    const registered = emulator.commands.byGuild.get(guildId) as { name: string }[];
    const definitions = allCommandDefinitions();
    expect(registered.map((command) => command.name)).toEqual(expect.arrayContaining(['brief', 'position', 'quotes']));
    const put = emulator.requests.find((request) => request.method === 'PUT' && request.path.endsWith(`/guilds/${guildId}/commands`));
    expect(put?.body).toEqual(JSON.parse(JSON.stringify(definitions)));
    const brief = (put?.body as { name: string; name_localizations: Record<string, string> }[]).find((command) => command.name === 'brief');
    expect(brief?.name_localizations).toEqual({ de: 'lage', fr: 'synthèse' });
    expect(deploy.output).toContain(`Registered ${definitions.length} commands for guild ${guildId}`);
    expect(deploy.output).toContain('/position');
  });

  it('refuses to deploy without an application id, saying which variable is missing', async () => {
    const deploy = startProcess('src/deploy-commands.ts', { DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.restUrl });
    expect((await deploy.waitForExit()).code).toBe(1);
    expect(deploy.output).toContain('DISCORD_CLIENT_ID is required');
    expect(deploy.output).not.toContain(emulator.token);
  });
});

describe('answering', () => {
  it('/brief with the summary, sources and no mentions', async () => {
    const reply = await ask('brief');
    expect(reply.ephemeral).toBe(false);
    expect(firstEmbed(reply).title).toBe('US-led Ukraine peace talks');
    expect(firstEmbed(reply).footer?.text).toContain('Edition of 13 May 2026 · Sources: PRM (prm.ua);');
    expect((reply.data as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
  });

  it('/position by name and by alias; an unknown name privately, with a suggestion', async () => {
    expect(firstEmbed(await ask('position', { actor: 'Rutte' })).description).toContain('Secretary General of NATO');
    expect(firstEmbed(await ask('position', { actor: 'Selensky' })).title).toBe('Volodymyr Zelensky');
    const unknown = await ask('position', { actor: 'Rutt' });
    expect(unknown.ephemeral).toBe(true);
    expect(unknown.content).toContain('Did you mean Mark Rutte?');
  });

  it('/quotes, then the next page by button: for the asker in place, for anyone else privately', async () => {
    const asked = emulator.injectCommand({ name: 'quotes' });
    const first = await asked.waitForReply();
    expect(firstEmbed(first).footer?.text).toMatch(/Page 1\/\d+$/);
    const next = (first.components[0] as { components: Button[] }).components.find((button) => button.label === 'Next ▶')!;
    const messageId = asked.original!.id;
    const byOther = await emulator.injectButton({ customId: next.custom_id!, messageId, userId: '400000000000000099' }).waitForReply();
    expect(byOther.callbackType).toBe(4);
    expect(byOther.ephemeral).toBe(true);
    expect(firstEmbed(byOther).footer?.text).toMatch(/Page 2\/\d+$/);
    expect((emulator.message(messageId)!.embeds[0] as Embed).footer?.text).toMatch(/Page 1\/\d+$/);
    const byAsker = await emulator.injectButton({ customId: next.custom_id!, messageId }).waitForReply();
    expect(byAsker.callbackType).toBe(7);
    expect(firstEmbed(byAsker).footer?.text).toMatch(/Page 2\/\d+$/);
  });

  it('answers in the asker\'s Discord language, and a page button in the presser\'s', async () => {
    const asked = emulator.injectCommand({ name: 'quotes', locale: 'de' });
    const german = await asked.waitForReply();
    expect(firstEmbed(german).title).toBe('Wichtige Zitate');
    expect(firstEmbed(german).footer?.text).toMatch(/Seite 1\/\d+$/);
    const next = (german.components[0] as { components: Button[] }).components.find((button) => button.label === 'Weiter ▶')!;
    const french = await emulator.injectButton({ customId: next.custom_id!, messageId: asked.original!.id, userId: '400000000000000099', locale: 'fr' }).waitForReply();
    expect(french.ephemeral).toBe(true);
    expect(firstEmbed(french).title).toBe('Citations clés');
    expect(firstEmbed(french).footer?.text).toMatch(/Page 2\/\d+$/);
    expect((await emulator.injectCommand({ name: 'weather', locale: 'fr' }).waitForReply()).content).toContain('Je ne connais plus cette commande');
  });

  it('shows the sources behind a reply privately, leaving the reply as it was', async () => {
    const reply = await ask('position', { actor: 'Leavitt' });
    const sources = (reply.components[0] as { components: Button[] }).components.find((button) => button.label === 'Sources')!;
    const shown = await emulator.injectButton({ customId: sources.custom_id! }).waitForReply();
    expect(shown.callbackType).toBe(4);
    expect(shown.ephemeral).toBe(true);
    expect(JSON.stringify(shown.embeds)).toContain('Post by @PressSec on progress towards a peace deal');
  });

  it('autocompletes names, at most 25, best first', async () => {
    const reply = await emulator.injectAutocomplete({ name: 'position', options: { actor: 'selen' }, focused: 'actor' }).waitForReply();
    const choices = reply.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]!.value).toBe('zelensky');
  });

  it('answers once through a 500 and a 429 on the reply', async () => {
    emulator.failNext({ path: /\/interactions\/\d+\/[^/]+\/callback$/, status: 500 });
    const afterServerError = emulator.injectCommand({ name: 'brief' });
    expect(firstEmbed(await afterServerError.waitForReply()).title).toBe('US-led Ukraine peace talks');
    emulator.failNext({ path: /\/interactions\/\d+\/[^/]+\/callback$/, status: 429, retryAfter: 0.2 });
    const afterRateLimit = emulator.injectCommand({ name: 'position', options: { actor: 'Leavitt' } });
    expect(firstEmbed(await afterRateLimit.waitForReply()).title).toBe('Karoline Leavitt');
    for (const interaction of [afterServerError, afterRateLimit]) {
      const accepted = interaction.responses.filter((response) => response.kind === 'callback' && response.status < 300);
      expect(accepted).toHaveLength(1);
    }
  });

  it('apologises with a reference id when answering fails, and keeps running', async () => {
    emulator.failNext({ path: /\/interactions\/\d+\/[^/]+\/callback$/, status: 403, code: 50013 });
    const reply = await emulator.injectCommand({ name: 'brief' }).waitForReply();
    expect(reply.ephemeral).toBe(true);
    const reference = /Reference: `([0-9A-F]{8})`/.exec(reply.content ?? '')?.[1];
    expect(reference).toBeDefined();
    const logged = await bot.waitForLog((line) => line.msg === 'interaction handler failed' && line.reference === reference);
    expect(logged.err).toBeDefined();
    expect(firstEmbed(await ask('brief')).title).toBe('US-led Ukraine peace talks');
  });

  it('logs an interaction Discord no longer accepts (10062) without retrying', async () => {
    emulator.failNext({ path: /\/interactions\/\d+\/[^/]+\/callback$/, status: 404, code: 10062 });
    const interaction = emulator.injectCommand({ name: 'brief' });
    await bot.waitForLog((line) => line.msg === 'interaction' && line.interactionId === interaction.id && line.outcome === 'expired');
    expect(emulator.requests.filter((request) => request.path.includes(`/interactions/${interaction.id}/`))).toHaveLength(1);
  });

  it('answers an unregistered command politely', async () => {
    const reply = await ask('weather');
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain("I don't know that command");
  });

  it('logs each interaction once with command, options, guild, latency and outcome', async () => {
    const interaction = emulator.injectCommand({ name: 'quotes', options: { actor: 'Trump' } });
    await interaction.waitForReply();
    const line = await bot.waitForLog((entry) => entry.msg === 'interaction' && entry.interactionId === interaction.id);
    expect(line).toMatchObject({ kind: 'command', command: 'quotes', options: { actor: 'Trump' }, guild: emulator.guilds[0]!.id, outcome: 'answered' });
    expect(typeof line.latencyMs).toBe('number');
    expect(bot.logs.filter((entry) => entry.interactionId === interaction.id)).toHaveLength(1);
  });
});

describe('resilience', () => {
  it('answers the next interaction after the gateway connection drops', async () => {
    const resumes = emulator.resumeCount;
    emulator.dropGateway();
    await emulator.waitForResume({ count: resumes + 1 });
    expect(firstEmbed(await ask('position', { actor: 'Putin' })).title).toBe('Vladimir Putin');
  });

  it('never writes the token to its output', () => {
    expect(bot.output.length).toBeGreaterThan(0);
    expect(bot.output).not.toContain(emulator.token);
  });
});

describe('start-up and shutdown', () => {
  it('refuses to start with bad configuration, listing every problem', async () => {
    const broken = startProcess('src/main.ts', { DISCORD_API_URL: 'not a url', DISCORD_GUILD_ID: '12', CONTENT_DIR: content.dir });
    expect((await broken.waitForExit()).code).toBe(1);
    expect(broken.output).toContain('DISCORD_TOKEN is required');
    expect(broken.output).toContain('DISCORD_API_URL must be an http(s) URL');
    expect(broken.output).toContain('DISCORD_GUILD_ID must be a Discord id');
  });

  it('says in one sentence, with no stack, that Discord rejected the token, at start and when deploying', async () => {
    const wrongToken = { DISCORD_TOKEN: 'not-the-emulator-token.AAAAAA.BBBBBBBBBBBBBB', DISCORD_API_URL: emulator.restUrl, CONTENT_DIR: content.dir, DISCORD_CLIENT_ID: emulator.applicationId };
    for (const entry of ['src/main.ts', 'src/deploy-commands.ts']) {
      const refused = startProcess(entry, wrongToken);
      expect((await refused.waitForExit()).code, entry).toBe(1);
      expect(refused.output, entry).toContain('Discord rejected DISCORD_TOKEN (401 Unauthorized)');
      expect(refused.output, entry).not.toMatch(/\n\s+at |"stack"/);
      expect(refused.output, entry).not.toContain(wrongToken.DISCORD_TOKEN);
    }
  });

  it('refuses to start on invalid content, naming file, line and field', async () => {
    const invalid = await contentCopy();
    await invalid.edit(`${EDITION_DIR}/positions.yaml`, (text) => text.replace('topic: territory', 'topic: teritory'));
    const refused = startProcess('src/main.ts', { DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.restUrl, CONTENT_DIR: invalid.dir });
    expect((await refused.waitForExit()).code).toBe(1);
    expect(refused.output).toMatch(/positions\.yaml:\d+ positions\[2\]\.topic: unknown topic \\"teritory\\" \(did you mean \\"territory\\"\?\)/);
    await invalid.cleanup();
  });

  it('exits 0 within 5 seconds on SIGTERM', async () => {
    const { code, ms } = await bot.stop('SIGTERM');
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5000);
    expect(bot.logs.some((line) => line.msg === 'stopped')).toBe(true);
  });
});
