// End to end, through the real bot process and the emulator: editors publish a new edition, with a
// correction of the one before, while the bot runs. Channels that asked for it get one post with what
// changed, leading with the corrections; a recap posted earlier that showed a corrected item is edited
// once to say so; a restart repeats neither. The edition reaches nobody until it is published.
import { mkdtemp, rename, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { Permission } from '../emulator/permissions.js';
import { copyShippedContent } from '../support/content.js';
import { publish } from '../support/run-script.js';
import { startProcess, type BotProcess } from './bot-process.js';

const MANAGE_GUILD = 1n << 5n;
const NEW_EDITION = 'editions/2025-12-03';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The shipped content as it stood before the 3 Dec edition, and that edition kept aside to publish later. */
async function contentBeforeTheNewEdition(): Promise<{ dir: string; draft(): Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'new-edition-'));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const dir = path.join(root, 'content');
  await copyShippedContent(dir, { upTo: '2025-12-03' });
  const aside = path.join(root, '2025-12-03');
  await rename(path.join(dir, NEW_EDITION), aside);
  // The new edition also corrects the 26 Nov summary, which the first recap showed.
  const corrections = path.join(aside, 'corrections.yaml');
  await writeFile(
    corrections,
    `${await readFile(corrections, 'utf8')}
  - id: summary-attribution
    date: 2025-12-03
    items:
      - { kind: summary, id: 2025-11-26 }
    wrong: The summary said the revised text awaited Russia's answer in its own voice.
    right: It is the White House and Kyiv who say Moscow would then have to respond.
`,
  );
  return { dir, draft: () => rename(aside, path.join(dir, NEW_EDITION)) };
}

async function start(emulator: Emulator, env: Record<string, string>): Promise<BotProcess> {
  const bot = startProcess('src/main.ts', { DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.restUrl, ...env });
  cleanups.push(() => bot.stop('SIGKILL'));
  await bot.waitForLog((line) => line.msg === 'recap scheduler started', 20_000);
  return bot;
}

describe('a new edition while the bot runs', () => {
  it('is announced once where asked, corrects the recap that showed the wrong version once, and neither repeats after a restart', async () => {
    const emulator = await startEmulator({ guilds: [{ name: 'Newsroom', channels: [{ name: 'daily' }, { name: 'breaking' }] }] });
    cleanups.push(() => emulator.close());
    const content = await contentBeforeTheNewEdition();
    const databasePath = path.join(path.dirname(content.dir), 'bot.sqlite');
    const env = { CONTENT_DIR: content.dir, DATABASE_PATH: databasePath };
    const recap = (subcommand: string, options: Record<string, string | number>) =>
      emulator.injectCommand({ name: 'recap', subcommand, options, memberPermissions: MANAGE_GUILD | Permission.ViewChannel }).waitForReply({ timeoutMs: 10_000 });
    const daily = emulator.channel('daily').id;
    const breaking = emulator.channel('breaking').id;

    const bot = await start(emulator, env);
    expect((await recap('subscribe', { channel: daily, schedule: 'daily 08:00', timezone: 'Europe/Zurich' })).content).toContain('Recap **#1** set up');
    const onNewEdition = await recap('subscribe', { channel: breaking, schedule: 'on new edition', timezone: 'Europe/Zurich' });
    expect(onNewEdition.content).toContain('It posts once each time editors publish a new edition');
    expect((await recap('now', { subscription: 1 })).content).toMatch(/^Posted in/);
    const [first] = emulator.messages(daily);
    expect(first!.content).toBe('');
    expect(JSON.stringify(first!.embeds)).toContain('Edition of 26 Nov 2025');
    // Setting up an on-new-edition recap posts nothing for the edition already out.
    expect(emulator.messages(breaking)).toHaveLength(0);

    // Written into the drafts, the edition reaches no reader and no channel.
    await content.draft();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(emulator.messages(breaking)).toHaveLength(0);
    expect(JSON.stringify((await emulator.injectCommand({ name: 'brief' }).waitForReply()).embeds)).toContain('26 Nov 2025');

    const published = await publish(env, '--message', 'Edition of 3 Dec', '--by', 'editor');
    expect(published.stdout).toContain('Published: #2 current');
    const [announced] = await emulator.waitForMessages(breaking, 1, 15_000);
    // The edition and its correction reach readers together, in the one release.
    expect(JSON.stringify((await emulator.injectCommand({ name: 'brief' }).waitForReply()).embeds)).toContain('3 Dec 2025');
    expect(JSON.stringify((await emulator.injectCommand({ name: 'corrections' }).waitForReply()).embeds)).toContain("The summary said the revised text awaited Russia's answer");
    const embed = announced!.embeds[0] as { title: string; fields: { name: string; value: string }[]; footer: { text: string } };
    expect(embed.title).toBe("US-led Ukraine peace talks: what's new");
    expect(embed.fields[0]!.name).toBe('Corrections');
    expect(embed.fields[0]!.value).toContain("The summary said the revised text awaited Russia's answer");
    expect(JSON.stringify(embed)).toContain('Since 26 Nov 2025');
    expect(JSON.stringify(embed)).toContain('Putin receives Witkoff and Kushner');
    expect(embed.footer.text).toMatch(/^Recap · edition of 3 Dec 2025/);
    // Only what is new: the tl;dr is not repeated; and the sources are a press away.
    expect(JSON.stringify(embed)).not.toContain('TL;DR');
    const buttons = (announced!.components[0] as { components: { label: string; custom_id: string }[] }).components;
    const sources = buttons.find((button) => button.label === 'Sources')!;
    const shown = await emulator.injectButton({ customId: sources.custom_id, messageId: announced!.id }).waitForReply();
    expect(shown.ephemeral).toBe(true);
    expect(JSON.stringify(shown.embeds)).toContain('The Moscow Times');

    // The first recap showed the 26 Nov summary, which the new edition corrects: it is edited, once.
    const edits = () => emulator.requests.filter((request) => request.method === 'PATCH' && request.path === `/channels/${daily}/messages/${first!.id}`);
    await bot.waitForLog((line) => line.msg === 'corrections added to recaps already posted', 10_000);
    expect(edits()).toHaveLength(1);
    const edited = emulator.message(first!.id)!;
    expect(edited.content).toMatch(/^✏️ Correction \(3 Dec 2025\): The summary said/);
    expect(edited.allowed_mentions).toEqual({ parse: [] });
    expect(edited.embeds).toEqual(first!.embeds);

    // The daily channel's next recap leads with the correction and tells what changed, not the old summary.
    await recap('now', { subscription: 1 });
    const next = emulator.messages(daily)[1]!;
    const nextEmbed = next.embeds[0] as { fields: { name: string }[] };
    expect(nextEmbed.fields[0]!.name).toBe('Corrections');
    expect(JSON.stringify(next.embeds)).not.toContain('Edition of 26 Nov 2025');

    await bot.stop('SIGTERM');
    const restarted = await start(emulator, env);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(emulator.messages(breaking)).toHaveLength(1);
    expect(edits()).toHaveLength(1);
    expect(restarted.logs.some((line) => line.msg === 'announcing a new edition')).toBe(false);
  });
});
