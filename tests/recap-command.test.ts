// /recap built without Discord: its checks, its replies and its buttons, against an in-memory store and
// a fake server, through the same answerCommand/answerButton the adapter and the preview CLI use.
import { beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '../commands/brief.js';
import type { AppContext } from '../commands/index.js';
import { recap } from '../commands/recap/index.js';
import type { Briefing } from '../src/briefing/briefing.js';
import { answerButton, answerCommand } from '../src/command/answer.js';
import { guildOnly, manageServer, POSTING_PERMISSIONS } from '../src/command/checks.js';
import { UserError, type Caller, type OptionValues } from '../src/command/command.js';
import type { ChannelFacts } from '../src/command/context.js';
import { openDatabase } from '../src/recaps/database.js';
import { isPrivate } from '../src/render/reply.js';
import { shippedBriefing } from './support/content.js';
import { SqlDeliveryLedger } from '../src/recaps/sql-ledger.js';
import { SqlSubscriptionStore } from '../src/recaps/sql-subscriptions.js';
import { sqliteSql } from '../src/storage/sql.js';

const GUILD = '100000000000000001';
const CHANNEL = '200000000000000001';
const FORUM = '200000000000000002';
const NEWS = '200000000000000003';
const TAGS = [{ id: '600000000000000001', name: 'Ukraine' }, { id: '600000000000000002', name: 'Middle East' }];
const CHANNELS = new Map<string, ChannelFacts>([
  [CHANNEL, { kind: 'text', tags: [] }],
  [FORUM, { kind: 'forum', tags: TAGS }],
  [NEWS, { kind: 'announcement', tags: [] }],
]);
const MANAGE_GUILD = 1n << 5n;
const admin: Caller = { interactionId: '300000000000000001', userId: '400000000000000001', userName: 'ada', guildId: GUILD, botInGuild: true, channelId: CHANNEL, permissions: MANAGE_GUILD, locale: 'en' };

let briefing: Briefing;
beforeAll(async () => {
  briefing = await shippedBriefing();
});

/** `missing`: names of the permissions the bot lacks everywhere; `locale`: the server's preferred locale. */
function setUp(missing: string[] = [], { locale }: { locale?: string } = {}) {
  const db = openDatabase(':memory:');
  const subscriptions = new SqlSubscriptionStore(sqliteSql(db));
  const synced: number[] = [];
  const posted: number[] = [];
  const context: AppContext = {
    briefing,
    now: new Date('2025-11-27T08:00:00Z'),
    staleAfterDays: 7,
    subscriptions,
    ledger: new SqlDeliveryLedger(sqliteSql(db)),
    scheduler: {
      sync: async () => void synced.push(1),
      postNow: async (subscription) => (posted.push(subscription.id), { status: 'delivered', messageId: '500000000000000001' }),
    },
    guilds: {
      channelIds: async () => new Set(CHANNELS.keys()),
      channelName: async () => 'talks',
      channel: async (_guild, channelId) => CHANNELS.get(channelId),
      preferredLocale: async () => locale,
      missingPostingPermissions: async (_guild, _channel, needed = POSTING_PERMISSIONS) => needed.filter(({ name }) => missing.includes(name)).map(({ name }) => name),
    },
    summarize,
  };
  const ask = (subcommand: string, options: OptionValues = {}, caller: Caller = admin) => answerCommand(recap, context, { caller, subcommand, options });
  return { context, subscriptions, synced, posted, ask };
}

const subscribe = { channel: CHANNEL, schedule: 'daily 08:00', timezone: 'Europe/Zurich' };

describe('/recap checks, as named pieces', () => {
  it('guild only: refuses a DM politely', async () => {
    expect(() => guildOnly.run({}, { caller: { ...admin, guildId: null }, options: {} })).toThrow(UserError);
    const { ask } = setUp();
    const reply = await ask('list', {}, { ...admin, guildId: null });
    expect(isPrivate(reply)).toBe(true);
    expect(reply.content).toBe('That works only in a server channel, not in direct messages.');
  });

  it('guild only: refuses a server reached only through the user\'s own install, where the bot cannot post', async () => {
    const { ask } = setUp();
    const reply = await ask('list', {}, { ...admin, botInGuild: false });
    expect(isPrivate(reply)).toBe(true);
    expect(reply.content).toBe('That works only in a server that has added the bot, and this one has not.');
  });

  it('Manage Server: refuses a member without it, whatever the subcommand', async () => {
    expect(() => manageServer.run({}, { caller: { ...admin, permissions: 0n }, options: {} })).toThrow('Manage Server');
    const { ask, subscriptions } = setUp();
    for (const subcommand of ['subscribe', 'list', 'remove', 'now']) {
      const reply = await ask(subcommand, { ...subscribe, subscription: 1 }, { ...admin, permissions: 1n << 10n });
      expect(reply.content).toBe('Managing recaps needs the **Manage Server** permission.');
    }
    expect(await subscriptions.all()).toHaveLength(0);
  });

  it('options are read as their definition declares them: a channel given as a number, or as an id too short, is refused and nothing is stored', async () => {
    const { ask, subscriptions } = setUp();
    for (const channel of [123, '123', true]) {
      const reply = await ask('subscribe', { ...subscribe, channel });
      expect(isPrivate(reply)).toBe(true);
      expect(reply.content).toBe("The option `channel` is missing or holds a value Discord would not send for it. Type the command again and pick what it asks for from Discord's list.");
    }
    const { channel: _channel, ...withoutChannel } = subscribe;
    expect((await ask('subscribe', withoutChannel)).content).toContain('The option `channel` is missing');
    expect((await ask('remove', { subscription: '1' })).content).toContain('The option `subscription` is missing');
    expect((await ask('subscribe', { ...subscribe, channel: 123 }, { ...admin, locale: 'de' })).content).toMatch(/^Die Option `kanal` fehlt/);
    expect(await subscriptions.all()).toHaveLength(0);
  });

  it('the bot can post in the channel: names what is missing and stores nothing', async () => {
    const { ask, subscriptions } = setUp(['Send Messages', 'Embed Links']);
    const reply = await ask('subscribe', subscribe);
    expect(reply.content).toContain("I can't post recaps in <#200000000000000001> yet: I'm missing **Send Messages**, **Embed Links** there.");
    expect(await subscriptions.all()).toHaveLength(0);
  });
});

describe('/recap checks, where each applies', () => {
  it('runs guild only and Manage Server before autocomplete: a member without it is offered nothing, and the store is not read', async () => {
    const { ask, context } = setUp();
    await ask('subscribe', subscribe);
    let reads = 0;
    const counted: AppContext = { ...context, subscriptions: { ...context.subscriptions, forGuild: (...args) => (reads++, context.subscriptions.forGuild(...args)) } };
    for (const caller of [{ ...admin, permissions: 1n << 10n }, { ...admin, guildId: null }, { ...admin, botInGuild: false }]) {
      await expect(recap.autocomplete!(counted, { name: 'subscription', value: '' }, { caller, subcommand: 'edit', options: {} })).rejects.toThrow(UserError);
    }
    expect(reads).toBe(0);
    expect(await recap.autocomplete!(counted, { name: 'subscription', value: '' }, { caller: admin, subcommand: 'edit', options: {} })).toHaveLength(1);
    expect(reads).toBe(1);
  });

  it('checks that the bot can post only for the subcommands that name where it posts', async () => {
    const { ask, subscriptions } = setUp(['Send Messages']);
    await subscriptions.add({ guildId: GUILD, channelId: CHANNEL, schedule: 'daily 08:00', cron: '0 8 * * *', timezone: 'UTC', whenQuiet: 'post', createdBy: null });
    const missing = "I'm missing **Send Messages** there.";
    expect((await ask('subscribe', subscribe)).content).toContain(missing);
    // Listing, pausing and previewing post nothing.
    expect((await ask('list')).embeds).toHaveLength(1);
    expect((await ask('pause', { subscription: 1 })).content).toBe('Recap #1 in <#200000000000000001> paused.');
    expect(isPrivate(await ask('preview', { subscription: 1 }))).toBe(true);
    // Resuming and editing the recap: checked in the recap's own channel.
    expect((await ask('resume', { subscription: 1 })).content).toContain(missing);
    expect((await ask('edit', { subscription: 1, schedule: 'daily 09:00' })).content).toContain(missing);
    expect(await subscriptions.get(1)).toMatchObject({ cron: '0 8 * * *', pausedAt: expect.any(String) });
  });
});

describe('/recap replies without Discord', () => {
  it('subscribes, lists, pauses, resumes and removes, syncing the scheduler each time', async () => {
    const { ask, synced, subscriptions } = setUp();
    const subscribed = await ask('subscribe', subscribe);
    expect(subscribed.content).toMatch(/^Recap \*\*#1\*\* set up: <#200000000000000001>, `daily 08:00` in Europe\/Zurich\./);
    expect(await subscriptions.all()).toMatchObject([{ guildId: GUILD, channelId: CHANNEL, cron: '0 8 * * *', timezone: 'Europe/Zurich', createdBy: admin.userId }]);
    const listed = await ask('list');
    expect(listed.embeds![0]!.fields![0]).toMatchObject({ name: 'Recap #1', value: expect.stringContaining('Last: none yet') });
    expect((await ask('pause', { subscription: 1 })).content).toBe('Recap #1 in <#200000000000000001> paused.');
    expect((await ask('pause', { subscription: 1 })).content).toBe('Recap #1 is already paused.');
    expect((await ask('resume', { subscription: 1 })).content).toMatch(/^Recap #1 in <#200000000000000001> resumed\. Next run: /);
    expect((await ask('remove', { subscription: 1 })).content).toBe('Recap #1 in <#200000000000000001> removed.');
    // A cron schedule is shown as typed: Discord shows inline code as is, escapes included.
    expect(await subscriptions.all()).toHaveLength(0);
    await ask('subscribe', { ...subscribe, schedule: '0 8 * * 1-5' });
    expect(JSON.stringify((await ask('list')).embeds)).toContain('`0 8 * * 1-5`');
    expect(synced).toHaveLength(5);
  });

  it('refuses a bad schedule, an unknown zone, a twin and a recap that is not this server\'s', async () => {
    const { ask } = setUp();
    expect((await ask('subscribe', { ...subscribe, schedule: 'sometimes' })).content).toContain('I can\'t read "sometimes" as a schedule.');
    expect((await ask('subscribe', { ...subscribe, timezone: 'Europe/Zurch' })).content).toContain('"Europe/Zurch" is not a time zone name I can schedule in. Use an IANA name, e.g. `Europe/Zurich` (now UTC+01:00)');
    expect((await ask('subscribe', { ...subscribe, schedule: '*/5 * * * *' })).content).toContain("runs every hour or more often. Hourly recaps are for the bot's operator");
    await ask('subscribe', subscribe);
    expect((await ask('subscribe', subscribe)).content).toMatch(/^Recap #1 already posts in <#200000000000000001> at that minute/);
    await ask('subscribe', { ...subscribe, schedule: 'on new edition' });
    expect((await ask('subscribe', { ...subscribe, schedule: 'on new edition', timezone: 'Europe/Berlin' })).content).toBe('<#200000000000000001> already gets this recap (#2).');
    expect((await ask('remove', { subscription: 9 })).content).toBe('There is no recap #9 in this server. `/recap list` shows them.');
  });

  it('asks no time zone of a recap on new editions, and one of a clock recap, which may be a city or a country with one zone', async () => {
    const { ask, subscriptions } = setUp();
    const { timezone: _zone, ...withoutZone } = subscribe;
    expect((await ask('subscribe', { ...withoutZone, schedule: 'on new edition' })).content).toMatch(/^Recap \*\*#1\*\* set up: <#200000000000000001>, `on new edition`\.\n/);
    expect((await ask('subscribe', withoutZone)).content).toMatch(/^A schedule with a time of day needs a time zone: add `timezone:`, e\.g\. `UTC` \(now UTC\+00:00\)/);
    expect((await ask('subscribe', { ...subscribe, schedule: 'mondays 9am', timezone: 'Berlin' })).content).toMatch(/^Recap \*\*#2\*\* set up: <#200000000000000001>, `mondays 9am` in Europe\/Berlin\./);
    expect((await ask('subscribe', { ...subscribe, schedule: '7am', timezone: 'Kyiv' })).content).toContain('`7am` in Europe/Kyiv.');
    expect((await subscriptions.all()).map(({ cron, timezone }) => [cron, timezone])).toEqual([['', 'UTC'], ['0 9 * * 1', 'Europe/Berlin'], ['0 7 * * *', 'Europe/Kyiv']]);
  });

  it('suggests for UTC+2 only zones it then accepts, and offers no hourly schedule to an admin', async () => {
    const { ask } = setUp();
    const refused = (await ask('subscribe', { ...subscribe, timezone: 'UTC+2' })).content!;
    expect(refused).toContain('`Etc/GMT-2` (now UTC+02:00)');
    for (const zone of refused.match(/`[^`]+\/[^`]+`/g)!.map((quoted) => quoted.slice(1, -1))) {
      expect((await ask('subscribe', { ...subscribe, timezone: zone, schedule: 'daily 06:00' })).content, zone).toMatch(/set up/);
      await ask('remove', { subscription: 1 + Number(/#(\d+)/.exec((await ask('list')).embeds![0]!.fields!.at(-1)!.name)![1]) - 1 });
    }
    expect((await ask('subscribe', { ...subscribe, schedule: 'sometimes' })).content).not.toContain('hourly');
  });

  it('refuses a second clock recap posting in the same minute in one channel, naming the one that does', async () => {
    const { ask, subscriptions } = setUp();
    await ask('subscribe', subscribe);
    for (const [schedule, timezone] of [['weekdays 08:00', 'Europe/Zurich'], ['daily 08:00', 'Europe/Berlin'], ['daily 08:00', 'Europe/Zurich']]) {
      expect((await ask('subscribe', { ...subscribe, schedule, timezone })).content, `${schedule} ${timezone}`).toMatch(
        /^Recap #1 already posts in <#200000000000000001> at that minute \(next at the same time: .*08:00, Europe\/(Zurich|Berlin)\), so one of them would only repeat the other\./,
      );
    }
    expect((await ask('subscribe', { ...subscribe, schedule: 'daily 08:01' })).content).toMatch(/set up/);
    expect((await ask('subscribe', { ...subscribe, channel: NEWS })).content).toMatch(/set up/);
    // Editing a recap onto another's minute is refused too; onto its own, not.
    expect((await ask('edit', { subscription: 2, schedule: 'weekdays 08:00' })).content).toMatch(/^Recap #1 already posts/);
    expect((await ask('edit', { subscription: 1, schedule: 'weekdays 08:00' })).content).toMatch(/^Recap \*\*#1\*\* changed/);
    expect(await subscriptions.all()).toHaveLength(3);
  });

  it('previews privately what the next recap would post, and posts now through the scheduler', async () => {
    const { ask, posted } = setUp();
    const preview = await ask('preview');
    expect(isPrivate(preview)).toBe(true);
    expect(preview.content).toBeUndefined();
    expect(preview.embeds![0]!.title).toBe('US-led Ukraine peace talks');
    await ask('subscribe', subscribe);
    const now = await ask('now', { subscription: 1 });
    expect(now.content).toBe('Posted in <#200000000000000001>: https://discord.com/channels/100000000000000001/200000000000000001/500000000000000001');
    expect(posted).toEqual([1]);
    expect(recap.defers!({ caller: admin, subcommand: 'now', options: {} })).toBe(true);
    expect(recap.defers!({ caller: admin, subcommand: 'list', options: {} })).toBe(false);
  });

  it('offers this server\'s recaps and time zones as autocomplete, recaps only to admins', async () => {
    const { ask, context } = setUp();
    await ask('subscribe', subscribe);
    const request = { caller: admin, subcommand: 'remove', options: {} };
    expect(await recap.autocomplete!(context, { name: 'subscription', value: '' }, request)).toEqual([{ name: '#1 · #talks · daily 08:00 (Europe/Zurich)', value: 1 }]);
    await expect(recap.autocomplete!(context, { name: 'subscription', value: '' }, { ...request, caller: { ...admin, permissions: 0n } })).rejects.toThrow(UserError);
    expect((await recap.autocomplete!(context, { name: 'timezone', value: 'zur' }, { ...request, subcommand: 'subscribe' }))[0]).toEqual({ name: 'Europe/Zurich (now UTC+01:00)', value: 'Europe/Zurich' });
  });

  it('pages the list for admins only, and answers an out-of-date "what\'s new" page privately', async () => {
    const { context } = setUp();
    const list = await answerButton(recap, context, { command: 'recap', view: 'recap-list', page: 1, args: [] }, { ...admin, permissions: 0n });
    expect(list).toMatchObject({ replace: false, reply: { content: 'Managing recaps needs the **Manage Server** permission.' } });
    const stale = await answerButton(recap, context, { command: 'recap', view: 'recap-since', page: 1, args: ['1999-01-01'] }, { ...admin, permissions: 0n });
    expect(stale).toMatchObject({ replace: false, reply: { content: 'This recap is out of date; `/brief` shows the current briefing.' } });
    expect(answerButton(recap, context, { command: 'recap', view: 'page', page: 1, args: [] }, admin)).toBeUndefined();
    const staleSources = await answerButton(recap, context, { command: 'recap', view: 'sources', page: 1, args: ['1999-01-01'] }, admin);
    expect(staleSources).toMatchObject({ replace: false, reply: { content: 'This recap is out of date; `/brief` shows the current briefing.' } });
  });
});

describe('/recap as admins type it', () => {
  it('edits a recap’s schedule, time zone and quiet days, keeping its number and history', async () => {
    const { ask, subscriptions, context } = setUp();
    await ask('subscribe', subscribe);
    const changed = (await ask('edit', { subscription: 1, schedule: 'weekdays 7:30am', timezone: 'america/new_york', 'when-quiet': 'skip' })).content!;
    expect(changed).toMatch(/^Recap \*\*#1\*\* changed: <#200000000000000001>, `weekdays 7:30am` in America\/New_York\./);
    expect(await subscriptions.all()).toMatchObject([{ id: 1, cron: '30 7 * * 1-5', timezone: 'America/New_York', whenQuiet: 'skip' }]);
    await ask('subscribe', subscribe);
    expect((await ask('edit', { subscription: 1, schedule: 'daily 08:00', timezone: 'Europe/Zurich' })).content).toMatch(
      /^Recap #2 already posts in <#200000000000000001> at that minute \(next at the same time: .*, 08:00, Europe\/Zurich\)/,
    );
    expect((await ask('edit', { subscription: 2, schedule: 'every 5 minutes' })).content).toContain('I can\'t read "every 5 minutes" as a schedule.');
    expect((await context.subscriptions.forGuild(GUILD, new Set())).map((subscription) => subscription.id)).toEqual([1, 2]);
  });

  it('reads time zones as people type them: case, abbreviations and offsets', async () => {
    const { ask, subscriptions } = setUp();
    expect((await ask('subscribe', { ...subscribe, timezone: 'europe/zurich' })).content).toContain('in Europe/Zurich.');
    expect((await subscriptions.all())[0]!.timezone).toBe('Europe/Zurich');
    const cet = (await ask('subscribe', { ...subscribe, timezone: 'CET' })).content!;
    expect(cet).toContain('"CET" is not a time zone name I can schedule in. Use an IANA name, e.g. `Europe/Zurich` (now UTC+01:00)');
    expect(cet).not.toContain('Ceuta');
    expect((await ask('subscribe', { ...subscribe, timezone: 'EST' })).content).toContain('`America/New_York` (now UTC-05:00)');
    const { context } = setUp();
    const request = { caller: admin, subcommand: 'subscribe', options: {} };
    const gmtPlusOne = (await recap.autocomplete!(context, { name: 'timezone', value: 'GMT+1' }, request)).map((choice) => choice.value);
    expect(gmtPlusOne[0]).toBe('Europe/Zurich');
    expect(gmtPlusOne).toContain('Etc/GMT-1');
    expect((await recap.autocomplete!(context, { name: 'timezone', value: 'cet' }, request))[0]).toEqual({ name: 'Europe/Zurich (now UTC+01:00)', value: 'Europe/Zurich' });
  });
});

describe('/recap in the admin\'s language', () => {
  const german: Caller = { ...admin, locale: 'de' };

  it('answers subscribe, list, a mistake and a missing permission in German', async () => {
    const { ask } = setUp();
    const subscribed = await ask('subscribe', subscribe, german);
    expect(subscribed.content).toMatch(/^Zusammenfassung \*\*#1\*\* eingerichtet: <#200000000000000001>, `daily 08:00` in Europe\/Zurich\.\nNächste Termine \(Europe\/Zurich\):\n• (Mo|Di|Mi|Do|Fr|Sa|So)\., \d{1,2}\. [A-Z][a-zä]+\.? \d{4}, 08:00 /);
    const listed = await ask('list', {}, german);
    expect(listed.embeds![0]!.title).toBe('Zusammenfassungen auf diesem Server');
    expect(listed.embeds![0]!.fields![0]!.value).toContain('Letzte: noch keine');
    expect((await ask('subscribe', { ...subscribe, schedule: 'daily 25:00' }, german)).content).toMatch(/^„25:00“ ist keine Uhrzeit: Stunden reichen von 0 bis 23/);
    expect((await ask('pause', { subscription: 9 }, german)).content).toBe('Auf diesem Server gibt es keine Zusammenfassung #9. `/zusammenfassung liste` zeigt alle.');
    const { ask: askBlocked } = setUp(['Send Messages']);
    expect((await askBlocked('subscribe', subscribe, { ...admin, locale: 'fr' })).content).toContain('il me manque **Envoyer des messages** dans ce salon');
  });

  it('says how forum, thread and publish recaps post, what they need and what does not fit, in German and French', async () => {
    const french: Caller = { ...admin, locale: 'fr' };
    const { ask } = setUp();
    const subscribed = await ask('subscribe', { ...subscribe, channel: FORUM, tag: 'ukraine', language: 'fr' }, german);
    expect(subscribed.content).toContain('Die erste Zusammenfassung eröffnet einen Beitrag zur Lage mit dem Tag Ukraine; die folgenden setzen ihn fort. Sprache: Französisch.');
    expect((await ask('subscribe', { ...subscribe, channel: FORUM, schedule: 'daily 09:00', tag: 'Gaza' }, german)).content).toBe('<#200000000000000002> hat kein Tag „Gaza“. Seine Tags: `Ukraine`, `Middle East`.');
    expect((await ask('subscribe', { ...subscribe, publish: true }, french)).content).toBe("Seuls les récapitulatifs d'un salon d'annonces peuvent être diffusés, et <#200000000000000001> n'en est pas un.");
    expect((await ask('subscribe', { ...subscribe, channel: FORUM, thread: true }, french)).content).toMatch(/^Dans un forum, chaque récapitulatif paraît dans le post consacré au sujet/);
    const listed = await ask('list', {}, french);
    expect(listed.embeds![0]!.fields![0]!.value).toContain('Le premier récapitulatif ouvre un post consacré au sujet, avec le tag Ukraine ; les suivants le prolongent. Langue : français.');

    const forumless = setUp(['Send Messages in Posts', 'Create Public Threads']);
    expect((await forumless.ask('subscribe', { ...subscribe, channel: FORUM }, german)).content).toContain('Mir fehlt dort **Nachrichten in Beiträgen senden**.');
    expect((await forumless.ask('subscribe', { ...subscribe, thread: true }, french)).content).toContain('il me manque **Créer des fils publics** dans ce salon');
  });

  it("previews a recap in the recap's language, whoever asks; with no recap named, in the asker's", async () => {
    const { ask } = setUp();
    await ask('subscribe', { ...subscribe, language: 'fr' });
    expect((await ask('preview', { subscription: 1 })).embeds![0]!.footer!.text).toMatch(/^Édition du /);
    expect((await ask('preview', {}, german)).embeds![0]!.footer!.text).toMatch(/^Ausgabe vom /);
  });
});

describe('/recap in forums, threads and announcement channels', () => {
  it("learns a channel's kind again on edit: a recap stored as a text channel's can be published once it is an announcement channel", async () => {
    const { ask, subscriptions } = setUp();
    // As recaps set up before channel kinds were recorded are stored.
    await subscriptions.add({ guildId: GUILD, channelId: NEWS, schedule: 'daily 08:00', cron: '0 8 * * *', timezone: 'UTC', whenQuiet: 'post', createdBy: null });
    expect((await ask('edit', { subscription: 1, publish: true })).content).toContain('Each recap is published to the servers following the channel.');
    expect(await subscriptions.get(1)).toMatchObject({ channelKind: 'announcement', publish: true });
  });

  it("takes a forum's tag as picked or typed, and refuses one it does not have, naming those it has", async () => {
    const { ask, subscriptions, context } = setUp();
    const request = { caller: admin, subcommand: 'subscribe', options: { channel: FORUM } };
    expect(await recap.autocomplete!(context, { name: 'tag', value: 'ukr' }, request)).toEqual([{ name: 'Ukraine', value: TAGS[0]!.id }]);
    expect(await recap.autocomplete!(context, { name: 'tag', value: '' }, { ...request, subcommand: 'subscribe', options: { channel: CHANNEL } })).toEqual([]);
    const subscribed = await ask('subscribe', { ...subscribe, channel: FORUM, tag: 'middle east' });
    expect(subscribed.content).toContain('The first recap opens a post for the story tagged Middle East; later ones continue it.');
    expect(await subscriptions.all()).toMatchObject([{ channelKind: 'forum', tagId: TAGS[1]!.id, threadPerRecap: false, publish: false }]);
    expect((await ask('subscribe', { ...subscribe, channel: FORUM, schedule: 'daily 09:00', tag: 'Gaza' })).content).toBe(
      '<#200000000000000002> has no tag "Gaza". Its tags: `Ukraine`, `Middle East`.',
    );
    // The recap being edited names the forum whose tags are offered.
    expect(await recap.autocomplete!(context, { name: 'tag', value: '' }, { caller: admin, subcommand: 'edit', options: { subscription: 1 } })).toHaveLength(2);
  });

  it('refuses options that do not fit the channel, and asks for the permissions each kind of channel needs', async () => {
    const { ask, subscriptions } = setUp();
    expect((await ask('subscribe', { ...subscribe, tag: 'Ukraine' })).content).toBe('The tag option is for forum channels, and <#200000000000000001> is not one.');
    expect((await ask('subscribe', { ...subscribe, channel: FORUM, thread: true })).content).toBe(
      "In a forum every recap goes into the story's post; the thread option is for text and announcement channels.",
    );
    expect((await ask('subscribe', { ...subscribe, publish: true })).content).toBe('Only recaps in an announcement channel can be published, and <#200000000000000001> is not one.');
    expect(await subscriptions.all()).toHaveLength(0);

    const forumless = setUp(['Send Messages in Posts', 'Create Public Threads']);
    expect((await forumless.ask('subscribe', { ...subscribe, channel: FORUM })).content).toContain("I'm missing **Send Messages in Posts** there.");
    expect((await forumless.ask('subscribe', { ...subscribe, thread: true })).content).toContain("I'm missing **Create Public Threads** there.");
    expect((await forumless.ask('subscribe', subscribe)).content).toMatch(/^Recap \*\*#1\*\* set up/);
    // Turning threads on later is checked the same way.
    expect((await forumless.ask('edit', { subscription: 1, thread: true })).content).toContain("I'm missing **Create Public Threads** there.");
  });

  it("stores the language asked for, else the server's preferred one, and shows how each recap posts in /recap list", async () => {
    const german = setUp([], { locale: 'de' });
    await german.ask('subscribe', { ...subscribe, channel: NEWS, publish: true, thread: true });
    await german.ask('subscribe', { ...subscribe, schedule: 'daily 09:00', language: 'fr' });
    expect((await german.subscriptions.all()).map(({ language }) => language)).toEqual(['de', 'fr']);
    expect((await setUp([], { locale: 'pt-BR' }).ask('subscribe', subscribe)).content).toContain('Language: English.');

    await german.subscriptions.recordPublish(1, 'The bot lacks permission to post there (Missing Permissions).');
    const [first, second] = (await german.ask('list')).embeds![0]!.fields!;
    expect(first!.value).toContain('Each recap starts a thread of its own. Each recap is published to the servers following the channel. Language: German.');
    expect(first!.value).toContain('⚠️ **Last publish failed**: The bot lacks permission to post there (Missing Permissions).');
    expect(second!.value).toContain('Language: French.');
    expect(second!.value).not.toContain('publish');

    const edited = await german.ask('edit', { subscription: 1, publish: false, language: 'en' });
    expect(edited.content).toContain('Each recap starts a thread of its own. Language: English.');
    expect(await german.subscriptions.get(1)).toMatchObject({ publish: false, threadPerRecap: true, language: 'en', channelKind: 'announcement' });
  });
});
