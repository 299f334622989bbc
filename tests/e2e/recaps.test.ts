// End to end: scheduled recaps through the real bot process, its SQLite database and the emulator.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MessageFlag, startEmulator, type ChannelSpec, type Emulator } from '../emulator/index.js';
import { Permission } from '../emulator/permissions.js';
import { cronAt, secondsFromNow } from '../support/schedule.js';
import { startProcess, type BotProcess } from './bot-process.js';

const MANAGE_GUILD = 1n << 5n;

interface Run {
  emulator: Emulator;
  databasePath: string;
  bots: BotProcess[];
}
const runs: Run[] = [];

afterEach(async () => {
  for (const run of runs.splice(0)) {
    await Promise.all(run.bots.map((bot) => bot.stop('SIGKILL')));
    await run.emulator.close();
    await rm(path.dirname(run.databasePath), { recursive: true, force: true });
  }
});

async function setUp(channels: ChannelSpec[]): Promise<Run> {
  const emulator = await startEmulator({ guilds: [{ name: 'Newsroom', channels }] });
  const databasePath = path.join(await mkdtemp(path.join(tmpdir(), 'recaps-')), 'bot.sqlite');
  const run = { emulator, databasePath, bots: [] };
  runs.push(run);
  return run;
}

/** Starts (or restarts) the bot on the run's emulator and database, and waits until it is ready. */
async function startBot(run: Run, env: Record<string, string> = {}): Promise<BotProcess> {
  const bot = startProcess('src/main.ts', {
    DISCORD_TOKEN: run.emulator.token,
    DISCORD_API_URL: run.emulator.restUrl,
    DISCORD_CLIENT_ID: run.emulator.applicationId,
    DATABASE_PATH: run.databasePath,
    ...env,
  });
  run.bots.push(bot);
  await bot.waitForLog((line) => line.msg === 'recap scheduler started', 20_000);
  return bot;
}

async function deployCommands(run: Run): Promise<void> {
  const deploy = startProcess('src/deploy-commands.ts', {
    DISCORD_TOKEN: run.emulator.token,
    DISCORD_API_URL: run.emulator.restUrl,
    DISCORD_CLIENT_ID: run.emulator.applicationId,
    DISCORD_GUILD_ID: run.emulator.guilds[0]!.id,
  });
  expect((await deploy.waitForExit()).code).toBe(0);
}

const recap = (run: Run, subcommand: string, options: Record<string, string | number | boolean> = {}, memberPermissions: bigint = MANAGE_GUILD | Permission.ViewChannel) =>
  run.emulator.injectCommand({ name: 'recap', subcommand, options, memberPermissions }).waitForReply({ timeoutMs: 10_000 });

/** What a reader sees of a text: zero-width characters show as nothing. */
const visible = (text: string) => text.replace(/[\u200b-\u200d\u2060]/g, '');

/** A cron expression that fires once, `seconds` from now. */
const onceIn = (seconds: number) => cronAt(secondsFromNow(seconds));

describe('/recap', () => {
  it('subscribes, reporting a missing permission first, and survives a restart with its database', async () => {
    const run = await setUp([{ name: 'general' }, { name: 'talks' }, { name: 'locked', botDenied: Permission.SendMessages | Permission.EmbedLinks }]);
    await deployCommands(run);
    const bot = await startBot(run);
    const talks = run.emulator.channel('talks');
    const locked = run.emulator.channel('locked');

    const refused = await recap(run, 'subscribe', { channel: locked.id, schedule: 'daily 08:00', timezone: 'Europe/Zurich' });
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain("I'm missing **Send Messages**, **Embed Links**");

    const notAllowed = await recap(run, 'subscribe', { channel: talks.id, schedule: 'daily 08:00', timezone: 'Europe/Zurich' }, Permission.ViewChannel);
    expect(notAllowed.content).toContain('Manage Server');

    const badZone = await recap(run, 'subscribe', { channel: talks.id, schedule: 'daily 08:00', timezone: 'Europe/Zurch' });
    expect(badZone.content).toContain('`Europe/Zurich`');

    const subscribed = await recap(run, 'subscribe', { channel: talks.id, schedule: 'daily 08:00', timezone: 'Europe/Zurich' });
    expect(subscribed.content).toMatch(/Recap \*\*#1\*\* set up: <#\d+>, `daily 08:00` in Europe\/Zurich/);
    expect(subscribed.content!.match(/, 08:00 \(<t:\d+:R>\)/g)).toHaveLength(3);

    const zones = await run.emulator.injectAutocomplete({ name: 'recap', subcommand: 'subscribe', options: { timezone: 'zur' }, focused: 'timezone', memberPermissions: MANAGE_GUILD }).waitForReply();
    expect((zones.choices as { value: string }[])[0]?.value).toBe('Europe/Zurich');

    await bot.stop('SIGTERM');
    await startBot(run);
    const listed = await recap(run, 'list');
    const text = JSON.stringify(listed.embeds);
    expect(text).toContain('Recap #1');
    expect(text).toContain('`daily 08:00` · Europe/Zurich');
  });

  it('posts now, previews privately, pauses and resumes', async () => {
    const run = await setUp([{ name: 'general' }, { name: 'talks' }]);
    await deployCommands(run);
    await startBot(run);
    const talks = run.emulator.channel('talks');
    await recap(run, 'subscribe', { channel: talks.id, schedule: 'weekdays 07:30', timezone: 'America/New_York', 'when-quiet': 'post' });

    const preview = await recap(run, 'preview', { subscription: 1 });
    expect(preview.ephemeral).toBe(true);
    expect(JSON.stringify(preview.embeds)).toContain('US-led Ukraine peace talks');
    expect(run.emulator.messages(talks.id)).toHaveLength(0);

    const posted = await recap(run, 'now', { subscription: 1 });
    expect(posted.content).toMatch(/^Posted in <#\d+>: https:\/\/discord\.com\/channels\//);
    const [summary] = run.emulator.messages(talks.id);
    expect(summary!.allowed_mentions).toEqual({ parse: [] });
    // The embed carries the title; no content line repeats it.
    expect(visible(summary!.content)).toBe('');
    expect((summary!.embeds[0] as { title: string }).title).toBe('US-led Ukraine peace talks');
    // No opaque reference where a reader sees it: the footer reads as the reply's own.
    expect(visible((summary!.embeds[0] as { footer: { text: string } }).footer.text)).toMatch(/^Edition of \d+ \w+ \d{4} · Sources: [^·]+$/);

    const again = await recap(run, 'now', { subscription: 1 });
    expect(again.content).toContain('Posted');
    expect(visible(run.emulator.messages(talks.id)[1]!.content)).toMatch(/^No new developments since the last recap \([^)]+\)\.\n⏳ \*Last updated [^\n]*\*$/);

    const listed = JSON.stringify((await recap(run, 'list')).embeds);
    // Every time with its zone.
    expect(listed).toMatch(/Next: [^(]*, 07:30 America\/New_York \(<t:\d+:R>\)/);
    expect(listed).toMatch(/Last: delivered [^"\\]*\d{2}:\d{2} America\/New_York/);
    expect((await recap(run, 'pause', { subscription: 1 })).content).toContain('paused');
    // Who paused it, as a mention (shown as their name; the reply pings no one).
    expect(JSON.stringify((await recap(run, 'list')).embeds)).toContain(`⏸ **Paused**: by <@${run.emulator.defaultUserId}>`);
    expect((await recap(run, 'resume', { subscription: 1 })).content).toMatch(/resumed\. Next run: .*, 07:30 \(America\/New_York\)/);
    expect((await recap(run, 'remove', { subscription: 7 })).content).toContain('There is no recap #7');
  });
});

describe('scheduled delivery', () => {
  it('lands once in each channel while the first post gets a 429 and another a 500', async () => {
    const run = await setUp([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    const channels = ['a', 'b', 'c'].map((name) => run.emulator.channel(name).id);
    run.emulator.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 429, retryAfter: 0.5 });
    run.emulator.failNext({ method: 'POST', path: `/channels/${channels[2]}/messages`, status: 500 });
    await startBot(run, { RECAP_CHANNEL_IDS: channels.join(','), RECAP_SCHEDULE: onceIn(4) });
    for (const channel of channels) await run.emulator.waitForMessages(channel, 1, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const channel of channels) expect(run.emulator.messages(channel)).toHaveLength(1);
    expect(run.emulator.requests.filter((request) => request.status === 429)).toHaveLength(1);
    expect(run.emulator.requests.filter((request) => request.status === 500)).toHaveLength(1);
  });

  it('pauses a channel that answers 403 and still delivers to the others', async () => {
    const run = await setUp([{ name: 'open' }, { name: 'forbidden', botDenied: Permission.SendMessages }]);
    const [open, forbidden] = [run.emulator.channel('open').id, run.emulator.channel('forbidden').id];
    const bot = await startBot(run, { RECAP_CHANNEL_IDS: `${open},${forbidden}`, RECAP_SCHEDULE: onceIn(4) });
    await run.emulator.waitForMessages(open, 1, 15_000);
    const failed = await bot.waitForLog((line) => line.msg === 'recap delivery failed', 10_000);
    expect(failed).toMatchObject({ channel: forbidden, failure: 'missing-permissions', paused: true });
    const attempts = run.emulator.requests.filter((request) => request.path === `/channels/${forbidden}/messages`);
    expect(attempts).toHaveLength(1);
    await deployCommands(run);
    const listed = JSON.stringify((await recap(run, 'list')).embeds);
    expect(listed).toContain('Paused');
    expect(listed).toContain('Missing Permissions');
  });

  it('posts a slot once when the bot is killed while posting it and restarted', async () => {
    const run = await setUp([{ name: 'talks' }]);
    const talks = run.emulator.channel('talks').id;
    // The post reaches Discord, but the bot dies before it hears back.
    run.emulator.holdResponse({ method: 'POST', path: `/channels/${talks}/messages` });
    const first = await startBot(run, { RECAP_CHANNEL_IDS: talks, RECAP_SCHEDULE: onceIn(4) });
    await run.emulator.waitFor((request) => request.path === `/channels/${talks}/messages`, 15_000);
    await first.stop('SIGKILL');
    expect(run.emulator.messages(talks)).toHaveLength(1);

    const second = await startBot(run, { RECAP_CHANNEL_IDS: talks, RECAP_SCHEDULE: onceIn(3600) });
    await second.waitForLog((line) => line.msg === 'recap delivered', 10_000);
    const posts = run.emulator.requests.filter((request) => request.path === `/channels/${talks}/messages`);
    expect(posts).toHaveLength(2);
    expect((posts[1]!.body as { nonce: string }).nonce).toBe((posts[0]!.body as { nonce: string }).nonce);
    expect(run.emulator.messages(talks)).toHaveLength(1);
  });

  it('posts a slot missed while the bot was down once after start-up, within the grace window', async () => {
    const run = await setUp([{ name: 'talks' }]);
    const talks = run.emulator.channel('talks').id;
    const first = await startBot(run, { RECAP_CHANNEL_IDS: talks, RECAP_SCHEDULE: onceIn(5) });
    await first.stop('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 6000));
    expect(run.emulator.messages(talks)).toHaveLength(0);
    const second = await startBot(run, { RECAP_CHANNEL_IDS: talks, RECAP_SCHEDULE: onceIn(3600) });
    await second.waitForLog((line) => line.msg === 'posting a recap slot missed while the bot was down');
    await run.emulator.waitForMessages(talks, 1, 10_000);
    expect(run.emulator.messages(talks)).toHaveLength(1);
  });
});

describe('forum channels, threads and announcement channels', () => {
  const thread = (run: Run, parentId: string) => {
    const threads = run.emulator.threads(parentId);
    expect(threads).toHaveLength(1);
    return threads[0]!;
  };

  it("opens a tagged post for the story and continues it across slots, a restart and an archive", async () => {
    const run = await setUp([{ name: 'general' }, { name: 'briefings', type: 15, availableTags: [{ name: 'Ukraine' }, { name: 'Gaza' }] }]);
    const forum = run.emulator.channel('briefings');
    const [ukraine] = forum.availableTags;
    await deployCommands(run);
    const bot = await startBot(run);

    const tags = await run.emulator.injectAutocomplete({ name: 'recap', subcommand: 'subscribe', options: { channel: forum.id, tag: 'ukr' }, focused: 'tag', memberPermissions: MANAGE_GUILD }).waitForReply();
    expect(tags.choices).toEqual([{ name: 'Ukraine', value: ukraine!.id }]);
    const general = run.emulator.channel('general');
    expect((await recap(run, 'subscribe', { channel: general.id, schedule: 'daily 08:00', timezone: 'UTC', tag: ukraine!.id })).content).toBe(
      `The tag option is for forum channels, and <#${general.id}> is not one.`,
    );

    const subscribed = await recap(run, 'subscribe', { channel: forum.id, schedule: onceIn(6), timezone: 'UTC', tag: ukraine!.id });
    expect(subscribed.content).toContain('The first recap opens a post for the story tagged Ukraine; later ones continue it.');
    await bot.waitForLog((line) => line.msg === 'recap delivered', 15_000);
    const post = thread(run, forum.id);
    expect(post.thread!.appliedTags).toEqual([ukraine!.id]);
    expect(post.name).toMatch(/^US-led Ukraine peace talks · \d{1,2} \w{3} \d{4}$/);
    expect(run.emulator.messages(post.id)).toHaveLength(1);
    expect(run.emulator.messages(post.id)[0]!.id).toBe(post.id);

    // The next slot is appended to the same post.
    await recap(run, 'edit', { subscription: 1, schedule: onceIn(5) });
    await run.emulator.waitForMessages(post.id, 2, 15_000);

    // So is one after a restart, and one after Discord archived the post for inactivity.
    await bot.stop('SIGTERM');
    await startBot(run);
    expect((await recap(run, 'now', { subscription: 1 })).content).toContain(`Posted in <#${post.id}>`);
    run.emulator.archiveThread(post.id);
    await recap(run, 'now', { subscription: 1 });
    expect(run.emulator.messages(post.id)).toHaveLength(4);
    expect(thread(run, forum.id).thread!.archived).toBe(false);
    expect(run.emulator.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${forum.id}/threads`)).toHaveLength(1);
    expect(JSON.stringify((await recap(run, 'list')).embeds)).toContain(`Recaps continue the story's post <#${post.id}> tagged Ukraine.`);

    // A post a moderator locked pauses the recap, saying what to do; a deleted one is replaced by a new post.
    run.emulator.archiveThread(post.id, { locked: true });
    expect((await recap(run, 'now', { subscription: 1 })).content).toContain("The story's forum post is locked");
    run.emulator.deleteChannel(post.id);
    await recap(run, 'resume', { subscription: 1 });
    await recap(run, 'now', { subscription: 1 });
    const replacement = thread(run, forum.id);
    expect(replacement.id).not.toBe(post.id);
    expect(run.emulator.messages(replacement.id)).toHaveLength(1);
  });

  it('opens the forum post once when the bot is killed while opening it and restarted', async () => {
    const run = await setUp([{ name: 'briefings', type: 15 }]);
    const forum = run.emulator.channel('briefings');
    await deployCommands(run);
    const first = await startBot(run);
    // The post is opened, but the bot dies before it hears back (and so before it records the post).
    run.emulator.holdResponse({ method: 'POST', path: `/channels/${forum.id}/threads` });
    await recap(run, 'subscribe', { channel: forum.id, schedule: onceIn(4), timezone: 'UTC' });
    await run.emulator.waitFor((request) => request.path === `/channels/${forum.id}/threads`, 15_000);
    await first.stop('SIGKILL');
    const post = thread(run, forum.id);

    const second = await startBot(run);
    await second.waitForLog((line) => line.msg === 'recap an earlier run posted was found in the channel; not posting again', 10_000);
    await recap(run, 'now', { subscription: 1 });
    expect(thread(run, forum.id).id).toBe(post.id);
    expect(run.emulator.messages(post.id)).toHaveLength(2);
  });

  it('starts a thread from each recap in a text channel', async () => {
    const run = await setUp([{ name: 'talks' }]);
    const talks = run.emulator.channel('talks');
    await deployCommands(run);
    await startBot(run);
    const subscribed = await recap(run, 'subscribe', { channel: talks.id, schedule: 'daily 08:00', timezone: 'UTC', thread: true });
    expect(subscribed.content).toContain('Each recap starts a thread of its own.');
    expect((await recap(run, 'subscribe', { channel: talks.id, schedule: 'daily 09:00', timezone: 'UTC', publish: true })).content).toBe(
      `Only recaps in an announcement channel can be published, and <#${talks.id}> is not one.`,
    );
    await recap(run, 'now', { subscription: 1 });
    await run.emulator.waitFor((request) => request.path.endsWith('/threads') && request.status === 200, 10_000);
    const [message] = run.emulator.messages(talks.id);
    expect(thread(run, talks.id).id).toBe(message!.id);
    // Nothing new since: a one-line "no new developments", with no empty discussion thread under it.
    expect((await recap(run, 'now', { subscription: 1 })).content).toContain('Posted');
    const quiet = run.emulator.messages(talks.id)[1]!;
    expect(quiet.content).toMatch(/^No new developments/);
    await run.bots[0]!.waitForLog((line) => line.msg === 'recap delivered' && line.messageId === quiet.id);
    expect(run.emulator.requests.filter((request) => request.path.endsWith(`/messages/${quiet.id}/threads`))).toEqual([]);
    expect(thread(run, talks.id).id).toBe(message!.id);
  });

  it('publishes recaps in an announcement channel; a failed publish is shown in /recap list and not retried', async () => {
    const run = await setUp([{ name: 'news', type: 5 }]);
    const news = run.emulator.channel('news');
    await deployCommands(run);
    await startBot(run);
    const subscribed = await recap(run, 'subscribe', { channel: news.id, schedule: 'daily 08:00', timezone: 'UTC', publish: true, language: 'de' });
    expect(subscribed.content).toContain('Each recap is published to the servers following the channel. Language: German.');

    await recap(run, 'now', { subscription: 1 });
    const crossposts = () => run.emulator.requests.filter((request) => request.path.endsWith('/crosspost'));
    await run.emulator.waitFor((request) => request.path.endsWith('/crosspost'), 10_000);
    const [published] = run.emulator.messages(news.id);
    expect(run.emulator.crossposted).toEqual([published!.id]);
    // The recap is German, as the subscription asked, though the admin's client and the server are English.
    expect((published!.embeds[0] as { footer: { text: string } }).footer.text).toMatch(/^Ausgabe vom \d{1,2}\. \S+ \d{4} · Quellen: /);
    expect(published!.flags & MessageFlag.Crossposted).toBe(MessageFlag.Crossposted);

    run.emulator.failNext({ method: 'POST', path: /\/crosspost$/, status: 403 });
    await recap(run, 'now', { subscription: 1 });
    await run.emulator.waitFor((request) => request.path.endsWith('/crosspost') && request.status === 403, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(crossposts()).toHaveLength(2);
    expect(run.emulator.messages(news.id)).toHaveLength(2);
    const listed = JSON.stringify((await recap(run, 'list')).embeds);
    expect(listed).toContain('Last publish failed');
    expect(listed).toContain('Missing Permissions');
    expect(crossposts()).toHaveLength(2);
  });
});
