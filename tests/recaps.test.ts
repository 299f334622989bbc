import { fork } from 'node:child_process';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RESTPostAPIChannelMessageJSONBody, RESTPostAPIGuildForumThreadsJSONBody } from 'discord-api-types/v10';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Briefing } from '../src/briefing/briefing.js';
import { changesSince } from '../src/briefing/diff.js';
import { loadBriefing } from '../src/briefing/loader.js';
import { createLogger } from '../src/log.js';
import { summarize } from '../commands/brief.js';
import { payloadProblems } from '../src/render/limits.js';
import { messageBody } from '../src/render/reply.js';
import { openDatabase } from '../src/recaps/database.js';
import { nonceFor, sendClaimedSlot, type MessagePoster } from '../src/recaps/delivery.js';
import { editsDue } from '../src/recaps/editions.js';
import { buildRecap } from '../src/recaps/recap-content.js';
import { nextRuns, parseSchedule, shortestGapMinutes } from '../src/recaps/schedule.js';
import { RecapScheduler } from '../src/recaps/scheduler.js';
import type { PostingOptions } from '../src/recaps/subscriptions.js';
import { added } from './support/subscriptions.js';
import { contentCopy, shippedBriefing } from './support/content.js';
import { plainChannelOnly } from './support/poster.js';
import { SqlDeliveryLedger } from '../src/recaps/sql-ledger.js';
import { SqlSubscriptionStore } from '../src/recaps/sql-subscriptions.js';
import { sqliteSql } from '../src/storage/sql.js';

const silent = createLogger({ LOG_LEVEL: 'silent' }, []);

describe('schedule presets', () => {
  it.each([
    ['daily 08:00', '0 8 * * *'],
    ['Daily 7:05', '5 7 * * *'],
    ['weekdays 07:30', '30 7 * * 1-5'],
    ['weekly monday 09:00', '0 9 * * 1'],
    ['weekly fri 18:15', '15 18 * * 5'],
    ['0 8 * * 1-5', '0 8 * * 1-5'],
    ['*/10 * * * * *', '*/10 * * * * *'],
  ])('%s -> %s', (text, cron) => {
    expect(parseSchedule(text)).toEqual({ trigger: 'clock', cron });
  });

  it.each(['daily', 'daily 25:00', 'weekly 09:00', 'weekly funday 09:00', 'every morning', '61 8 * * *', '* *', 'twice daily 08:00'])('rejects %s, echoing it, with help', (text) => {
    const parsed = parseSchedule(text);
    expect('problem' in parsed && parsed.problem).toMatch(/daily 08:00/);
    expect('problem' in parsed && parsed.problem).toContain(text === 'daily 25:00' ? '"25:00" is not a time of day: hours run 0–23' : `"`);
  });

  it.each([
    ['daily 8am', '0 8 * * *'],
    ['daily 8', '0 8 * * *'],
    ['every day at 8', '0 8 * * *'],
    ['weekdays 7:30am', '30 7 * * 1-5'],
    ['twice daily 08:00 20:00', '0 8,20 * * *'],
    ['weekly monday 9am', '0 9 * * 1'],
    ['every friday at 6:15 pm', '15 18 * * 5'],
    ['hourly', '0 * * * *'],
    ['mondays 9am', '0 9 * * 1'],
    ['on fridays at 18:30', '30 18 * * 5'],
    ['7am', '0 7 * * *'],
    ['07:30', '30 7 * * *'],
  ])('reads %s as people type it', (text, cron) => {
    expect(parseSchedule(text)).toEqual({ trigger: 'clock', cron });
  });

  it('offers hourly in a refusal only to whoever may use it: the operator, not a server admin', () => {
    const problem = (parsed: ReturnType<typeof parseSchedule>) => ('problem' in parsed ? parsed.problem : '');
    expect(problem(parseSchedule('sometimes'))).toContain('`hourly`');
    expect(problem(parseSchedule('sometimes', undefined, { hourly: false }))).not.toContain('hourly');
    expect(problem(parseSchedule('7', undefined, { hourly: false }))).toContain("I can't read \"7\" as a schedule.");
  });

  it('measures how often a schedule runs', () => {
    expect(shortestGapMinutes('0 8 * * *', 'UTC')).toBe(24 * 60);
    expect(shortestGapMinutes('*/10 * * * *', 'UTC')).toBe(10);
  });
});

describe('next runs across the 2026 daylight-saving changes', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const runsFrom = (now: string, cron: string, zone: string, count = 3) => {
    vi.useFakeTimers({ now: new Date(now), toFake: ['Date'] });
    return nextRuns(cron, zone, count).map((date) => date.toISOString());
  };

  it('Europe/Zurich: 08:00 stays 08:00 local when the clocks go forward', () => {
    expect(runsFrom('2026-03-28T00:00:00Z', '0 8 * * *', 'Europe/Zurich')).toEqual(['2026-03-28T07:00:00.000Z', '2026-03-29T06:00:00.000Z', '2026-03-30T06:00:00.000Z']);
  });

  it('Europe/Zurich: a daily 02:30 is skipped on the spring-forward day (29 March) and runs once on the fall-back day (25 October)', () => {
    expect(runsFrom('2026-03-28T12:00:00Z', '30 2 * * *', 'Europe/Zurich', 2)).toEqual(['2026-03-30T00:30:00.000Z', '2026-03-31T00:30:00.000Z']);
    const autumn = runsFrom('2026-10-24T12:00:00Z', '30 2 * * *', 'Europe/Zurich', 2);
    // Once, at the first 02:30 (still summer time, UTC+2): the same rule as every zone (tests/dst.test.ts).
    expect(autumn).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
  });

  it('America/New_York: 02:30 is skipped on 8 March; 01:30 runs once on 1 November', () => {
    expect(runsFrom('2026-03-07T12:00:00Z', '30 2 * * *', 'America/New_York', 2)).toEqual(['2026-03-09T06:30:00.000Z', '2026-03-10T06:30:00.000Z']);
    const autumn = runsFrom('2026-10-31T12:00:00Z', '30 1 * * *', 'America/New_York', 2);
    expect(autumn).toHaveLength(2);
    expect(autumn[0]!.startsWith('2026-11-01T')).toBe(true);
    expect(autumn[1]).toBe('2026-11-02T06:30:00.000Z');
  });

  it('America/New_York: 09:00 weekdays keeps local time across both changes', () => {
    expect(runsFrom('2026-03-06T00:00:00Z', '0 9 * * 1-5', 'America/New_York', 2)).toEqual(['2026-03-06T14:00:00.000Z', '2026-03-09T13:00:00.000Z']);
    expect(runsFrom('2026-10-30T00:00:00Z', '0 9 * * 1-5', 'America/New_York', 2)).toEqual(['2026-10-30T13:00:00.000Z', '2026-11-02T14:00:00.000Z']);
  });
});

describe('the delivery ledger', () => {
  it('gives each slot to exactly one of two processes claiming at once', { timeout: 30_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ledger-'));
    const file = path.join(dir, 'bot.sqlite');
    const db = openDatabase(file);
    const subscription = await added(new SqlSubscriptionStore(sqliteSql(db)).add({ guildId: null, channelId: '1'.repeat(18), schedule: 'daily 08:00', cron: '0 8 * * *', timezone: 'UTC', whenQuiet: 'post', createdBy: null }));
    const slots = Array.from({ length: 300 }, (_, index) => new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString());
    // Two real processes, each with its own connection, racing for the same slots.
    const claimer = (claimant: string) =>
      new Promise<string[]>((resolve, reject) => {
        const child = fork(fileURLToPath(new URL('./support/ledger-claimer.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'] });
        child.once('message', (won) => resolve(won as string[]));
        child.once('error', reject);
        child.send({ file, subscriptionId: subscription.id, channelId: subscription.channelId, slots, claimant });
      });
    const [first, second] = await Promise.all([claimer('a'), claimer('b')]);
    expect(first!.length + second!.length).toBe(slots.length);
    expect(new Set([...first!, ...second!]).size).toBe(slots.length);

    const ledger = new SqlDeliveryLedger(sqliteSql(db));
    expect(await ledger.claim(subscription.id, slots[0]!, subscription.channelId, 'c')).toBe(false);
    await ledger.settle(subscription.id, slots[0]!, { status: 'delivered', messageId: '42', editionId: 'e1' });
    expect(await ledger.claim(subscription.id, slots[0]!, subscription.channelId, 'c')).toBe(false);
    expect(await ledger.lastDelivered(subscription.channelId)).toMatchObject({ slot: slots[0], messageId: '42', editionId: 'e1', status: 'delivered' });
    db.close();
  });

  it('migrates a new database and survives reopening', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'db-')), 'nested', 'bot.sqlite');
    const first = openDatabase(file);
    await added(new SqlSubscriptionStore(sqliteSql(first)).add({ guildId: '2'.repeat(18), channelId: '3'.repeat(18), schedule: 'daily 08:00', cron: '0 8 * * *', timezone: 'Europe/Zurich', whenQuiet: 'skip', createdBy: null }));
    first.close();
    const again = openDatabase(file);
    expect(again.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(await new SqlSubscriptionStore(sqliteSql(again)).all()).toEqual([expect.objectContaining({ timezone: 'Europe/Zurich', whenQuiet: 'skip' })]);
    again.close();
  });
});

describe('what changed between editions', () => {
  let briefing: Briefing;
  beforeAll(async () => {
    // Only the first shipped edition, so the added one is the latest.
    const content = await contentCopy({ upTo: '2025-11-26' });
    const next = path.join(content.dir, 'editions', '2025-11-27');
    await mkdir(next);
    const firstEdition = await readFile(path.join(content.dir, 'editions/2025-11-26/edition.yaml'), 'utf8');
    await writeFile(path.join(next, 'edition.yaml'), firstEdition.replace('2025-11-26T12:00:00+01:00', '2025-11-27T12:00:00+01:00'));
    await writeFile(
      path.join(next, 'positions.yaml'),
      'positions:\n  - id: rutte-long-way-v2\n    actor: rutte\n    topic: peace-plan\n    stance: Now sees faster progress.\n    date: 2025-11-27\n    source: rnd-elpais-rutte\n    standing: fact\n    supersedes: rutte-long-way\n  - id: putin-new\n    actor: putin\n    topic: territory\n    stance: A new position.\n    date: 2025-11-27\n    source: bluenews-2025-11-26\n    standing: fact\n',
    );
    await writeFile(
      path.join(next, 'quotes.yaml'),
      'quotes:\n  - id: new-quote\n    speaker: rutte\n    text: A new quote.\n    date: 2025-11-27\n    kind: interview\n    context: Test.\n    source: bluenews-2025-11-26\n    standing: fact\n    translation: none\n    topics: [peace-plan]\n',
    );
    await writeFile(path.join(next, 'timeline.yaml'), 'timeline:\n  - id: new-event\n    date: 2025-11-27\n    status: happened\n    title: Something new\n    source: bluenews-2025-11-26\n');
    const result = await loadBriefing(content.dir);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    briefing = result.briefing;
    await content.cleanup();
  });

  it('lists new and changed positions, new quotes and new events', () => {
    const changes = changesSince(briefing, '2025-11-26')!;
    expect(changes.newPositions.map((position) => position.id)).toEqual(['putin-new']);
    expect(changes.changedPositions.map(({ before, after }) => [before.id, after.id])).toEqual([['rutte-long-way', 'rutte-long-way-v2']]);
    expect(changes.newQuotes.map((quote) => quote.id)).toEqual(['new-quote']);
    expect(changes.newEvents.map((event) => event.id)).toEqual(['new-event']);
    expect(changesSince(briefing, '2025-11-27')).toMatchObject({ newPositions: [], changedPositions: [], newQuotes: [], newEvents: [] });
    // An edition a release withdrew: measured from the newest edition before it; none before it: nothing to measure from.
    expect(changesSince(briefing, '2025-11-26-withdrawn')?.since.id).toBe('2025-11-26');
    expect(changesSince(briefing, '2025-11-25')).toBeUndefined();
  });

  it('recaps the summary first, then what changed, then a quiet line', () => {
    expect(buildRecap({ briefing, now: new Date('2025-12-01T00:00:00Z'), staleAfterDays: 7 }, undefined, 'UTC', summarize, 'en').kind).toBe('summary');
    const changes = buildRecap({ briefing, now: new Date('2025-12-01T00:00:00Z'), staleAfterDays: 7 }, { editionId: '2025-11-26', deliveredAt: '2025-11-26T07:00:00Z' }, 'Europe/Zurich', summarize, 'en');
    expect(changes.kind).toBe('changes');
    expect(payloadProblems(messageBody(changes.reply))).toEqual([]);
    const text = JSON.stringify(changes.reply);
    expect(text).toContain('Now sees faster progress.');
    expect(text).toContain('Earlier (24 Nov 2025): “Warns against expecting too much too soon');
    expect(text).toContain('A new quote.');
    const quiet = buildRecap({ briefing, now: new Date('2025-12-01T00:00:00Z'), staleAfterDays: 7 }, { editionId: '2025-11-27', deliveredAt: '2025-11-27T07:00:00Z' }, 'Europe/Zurich', summarize, 'en');
    expect(quiet).toMatchObject({ kind: 'quiet', reply: { content: 'No new developments since the last recap (27 Nov 2025).' } });
  });

  it('writes a recap in the language asked for: summary, changes and the quiet line', () => {
    const moment = { briefing, now: new Date('2025-12-01T00:00:00Z'), staleAfterDays: 7 };
    const summary = buildRecap(moment, undefined, 'UTC', summarize, 'de');
    expect(summary.reply.embeds![0]!.footer!.text).toMatch(/^Ausgabe vom /);
    const changes = buildRecap(moment, { editionId: '2025-11-26', deliveredAt: '2025-11-26T07:00:00Z' }, 'Europe/Zurich', summarize, 'fr');
    const embed = changes.reply.embeds![0]!;
    expect(embed.title).toMatch(/ : les nouveautés$/);
    expect(embed.fields!.map((field) => field.name)).toContain('Positions modifiées');
    expect(JSON.stringify(embed)).toContain('Auparavant (24 nov. 2025) : « Warns against expecting too much too soon');
    expect(changes.reply.components![0]!.components.map((button) => ('label' in button ? button.label : ''))).toEqual(['Sources']);
    expect(payloadProblems(messageBody(changes.reply))).toEqual([]);
    const quiet = buildRecap(moment, { editionId: '2025-11-27', deliveredAt: '2025-11-27T07:00:00Z' }, 'Europe/Zurich', summarize, 'de');
    expect(quiet.reply.content).toBe('Keine neuen Entwicklungen seit der letzten Zusammenfassung (27. Nov. 2025).');
  });
});

describe('delivering a slot', () => {
  /** `posting`: the poster's calls the test expects; `posted`: how the recap posts (default: English, in a text channel). */
  const setup = async (posting: Partial<MessagePoster>, posted: Partial<PostingOptions> = {}) => {
    const poster: MessagePoster = { post: async () => Promise.reject(new Error('unexpected post')), ...plainChannelOnly, recent: async () => [], edit: async () => ({}), ...posting };
    const db = openDatabase(':memory:');
    const subscriptions = new SqlSubscriptionStore(sqliteSql(db));
    const ledger = new SqlDeliveryLedger(sqliteSql(db));
    const subscription = await added(
      subscriptions.add({ guildId: '2'.repeat(18), channelId: '3'.repeat(18), schedule: 'daily 08:00', cron: '0 8 * * *', timezone: 'UTC', whenQuiet: 'post', createdBy: null, ...posted }),
    );
    const briefing = await shippedBriefing();
    const deps = { subscriptions, ledger, poster, briefing: () => briefing, summarize, staleAfterDays: 7, log: silent, backoffMs: [0, 0] };
    await ledger.claim(subscription.id, 'slot-1', subscription.channelId, 'me');
    return { deps, subscriptions, ledger, subscription };
  };

  it('posts with a stable nonce and no mentions, and settles the slot', async () => {
    const bodies: unknown[] = [];
    const { deps, ledger, subscription } = await setup({ post: async (_channel, body) => (bodies.push(body), { id: '99' }) });
    expect(await sendClaimedSlot(deps, subscription, 'slot-1')).toEqual({ status: 'delivered', messageId: '99' });
    expect(bodies[0]).toMatchObject({ allowed_mentions: { parse: [] }, nonce: nonceFor(subscription.id, 'slot-1'), enforce_nonce: true });
    expect(nonceFor(subscription.id, 'slot-1')).toHaveLength(25);
    expect(await ledger.latest(subscription.id)).toMatchObject({ status: 'delivered', messageId: '99' });
  });

  it("posts in the recap's language: a German recap's summary is German", async () => {
    const bodies: RESTPostAPIChannelMessageJSONBody[] = [];
    const { deps, subscription } = await setup({ post: async (_channel, body) => (bodies.push(body), { id: '99' }) }, { language: 'de' });
    expect(await sendClaimedSlot(deps, subscription, 'slot-1')).toEqual({ status: 'delivered', messageId: '99' });
    const [embed] = bodies[0]!.embeds!;
    expect(embed!.footer!.text).toMatch(/^Ausgabe vom \d{1,2}\. \S+ \d{4} · Quellen: /);
    expect(embed!.fields!.map(({ name }) => name)).toContain('Das Wichtigste');
  });

  it("opens a French recap's forum post in French: its title's date and its first message", async () => {
    const opened: RESTPostAPIGuildForumThreadsJSONBody[] = [];
    const { deps, subscription } = await setup({ openPost: async (_forum, body) => (opened.push(body), { id: '55', message: { id: '55' } }) }, { channelKind: 'forum', language: 'fr' });
    const now = new Date('2025-12-01T09:00:00Z');
    expect(await sendClaimedSlot({ ...deps, now: () => now }, subscription, 'slot-1')).toEqual({ status: 'delivered', messageId: '55', threadId: '55' });
    expect(opened[0]!.name).toBe(`${deps.briefing().story.title} · 1 déc. 2025`);
    expect(opened[0]!.message.embeds![0]!.footer!.text).toMatch(/^Édition du 26 nov\. 2025 · Sources : /);
  });

  it('retries a server error and a network error with the same nonce', async () => {
    const nonces: unknown[] = [];
    let calls = 0;
    const { deps, subscription } = await setup({
      post: async (_channel, body) => {
        nonces.push(body.nonce);
        calls++;
        if (calls === 1) throw Object.assign(new Error('Internal Server Error'), { status: 500 });
        if (calls === 2) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
        return { id: '7' };
      },
    });
    expect(await sendClaimedSlot(deps, subscription, 'slot-1')).toMatchObject({ status: 'delivered' });
    expect(new Set(nonces).size).toBe(1);
  });

  it('does not count an answer without a message as delivered (a failing proxy answers 200 and nothing)', async () => {
    const answers = [{}, { id: '8' }] as { id: string }[];
    const { deps, ledger, subscription } = await setup({ post: async () => answers.shift()! });
    expect(await sendClaimedSlot(deps, subscription, 'slot-1')).toEqual({ status: 'delivered', messageId: '8' });
    expect(await ledger.latest(subscription.id)).toMatchObject({ status: 'delivered', messageId: '8' });
  });

  it('pauses a recap whose channel takes no messages (an operator recap pointed at a forum), without retrying', async () => {
    let calls = 0;
    const { deps, subscriptions, subscription } = await setup({
      post: async () => {
        calls++;
        throw Object.assign(new Error('Cannot send messages in a non-text channel'), { status: 400, code: 50008 });
      },
    });
    expect(await sendClaimedSlot(deps, subscription, 'slot-1')).toMatchObject({ status: 'failed', failure: { kind: 'not-a-text-channel', pauses: true } });
    expect(calls).toBe(1);
    expect((await subscriptions.get(subscription.id))?.pausedReason).toMatch(/forum/);
  });

  it('pauses the subscription on Missing Permissions, without retrying', async () => {
    let calls = 0;
    const { deps, subscriptions, ledger, subscription } = await setup({
      post: async () => {
        calls++;
        throw Object.assign(new Error('Missing Permissions'), { status: 403, code: 50013 });
      },
    });
    const result = await sendClaimedSlot(deps, subscription, 'slot-1');
    expect(result).toMatchObject({ status: 'failed', failure: { kind: 'missing-permissions', pauses: true } });
    expect(calls).toBe(1);
    expect((await subscriptions.get(subscription.id))?.pausedReason).toMatch(/Missing Permissions/);
    expect(await ledger.latest(subscription.id)).toMatchObject({ status: 'failed' });
  });
});

describe('recaps on new editions', () => {
  it('reads "on new edition" as people write it', () => {
    for (const text of ['on new edition', 'On New Edition', 'on-new-edition', 'new edition']) expect(parseSchedule(text)).toEqual({ trigger: 'new-edition', cron: '' });
  });

  it('announce an edition once per channel, however many processes share the database', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'new-edition-'));
    const file = path.join(dir, 'bot.sqlite');
    const briefing = await shippedBriefing();
    const setupDb = openDatabase(file);
    const setupStore = new SqlSubscriptionStore(sqliteSql(setupDb));
    await setupStore.add({ guildId: '2'.repeat(18), channelId: '3'.repeat(18), schedule: 'on new edition', trigger: 'new-edition', cron: '', timezone: 'UTC', whenQuiet: 'post', createdBy: null, seenEdition: '2025-11-26' });
    const posted: string[] = [];
    const schedulers = [1, 2, 3].map(() => {
      const db = openDatabase(file);
      const deps = {
        subscriptions: new SqlSubscriptionStore(sqliteSql(db)),
        ledger: new SqlDeliveryLedger(sqliteSql(db)),
        briefing: () => briefing,
        summarize,
        staleAfterDays: 7,
        now: () => new Date('2025-12-04T12:00:00Z'),
        log: silent,
        poster: { ...plainChannelOnly, post: async (channel: string) => (posted.push(channel), { id: String(posted.length) }), recent: async () => [], edit: async () => ({}) },
      };
      return new RecapScheduler(deps, { catchupMinutes: 60 }, silent);
    });
    await Promise.all(schedulers.map((scheduler) => scheduler.briefingChanged()));
    await Promise.all(schedulers.map((scheduler) => scheduler.briefingChanged()));
    expect(posted).toEqual(['3'.repeat(18)]);
    expect((await setupStore.all())[0]!.seenEdition).toBe('2025-12-03');
    await Promise.all(schedulers.map((scheduler) => scheduler.stop()));
  });
});

describe('catching up after downtime', () => {
  const start = async (catchupMinutes: number, minutesAgo: number) => {
    const db = openDatabase(':memory:');
    const subscriptions = new SqlSubscriptionStore(sqliteSql(db));
    const ledger = new SqlDeliveryLedger(sqliteSql(db));
    const subscription = await added(subscriptions.add({ guildId: '2'.repeat(18), channelId: '3'.repeat(18), schedule: 'daily 08:00', cron: '0 8 * * *', timezone: 'UTC', whenQuiet: 'post', createdBy: null }));
    const slot = new Date(Date.now() - minutesAgo * 60_000).toISOString();
    await subscriptions.planNextSlot(subscription.id, slot);
    const posted: string[] = [];
    const briefing = await shippedBriefing();
    const deps = { subscriptions, ledger, briefing: () => briefing, summarize, staleAfterDays: 7, log: silent, poster: { ...plainChannelOnly, post: async (channel: string) => (posted.push(channel), { id: String(posted.length) }), recent: async () => [], edit: async () => ({}) } };
    const run = async () => {
      const scheduler = new RecapScheduler(deps, { catchupMinutes }, silent);
      await scheduler.start();
      await scheduler.stop();
    };
    return { run, posted, ledger, subscription, slot, subscriptions };
  };

  it('posts a slot missed within the grace window once, however often the bot starts', async () => {
    const { run, posted, ledger, subscription, slot } = await start(60, 5);
    await run();
    await run();
    expect(posted).toHaveLength(1);
    expect(await ledger.forSubscription(subscription.id)).toEqual([expect.objectContaining({ slot, status: 'delivered' })]);
  });

  it('records an older missed slot as missed without posting it, and plans the next one', async () => {
    const { run, posted, ledger, subscription, slot, subscriptions } = await start(60, 120);
    await run();
    expect(posted).toHaveLength(0);
    expect(await ledger.forSubscription(subscription.id)).toEqual([expect.objectContaining({ slot, status: 'missed' })]);
    expect(Date.parse((await subscriptions.get(subscription.id))!.nextSlot!)).toBeGreaterThan(Date.now());
  });
});

describe('corrections of recaps already posted', () => {
  /** A recap posted before the shipped briefing's first later correction, showing the items it corrects. */
  async function posted(subscriptionId: number, where: { channelId: string; threadId: string | null }) {
    const briefing = await shippedBriefing();
    const order = briefing.editions.map(({ id }) => id);
    const correction = briefing.corrections.find(({ edition }) => order.indexOf(edition) > 0)!;
    const delivery = {
      subscriptionId, slot: 's', status: 'delivered' as const, claimedBy: null, claimedAt: null, settledAt: null,
      messageId: `message-${subscriptionId}`, editionId: order[0]!, detail: null, content: 'recap', releaseId: null, ...where,
      items: JSON.stringify(correction.items.map(({ kind, id }) => `${kind}:${id}`)),
    };
    return { briefing, delivery };
  }

  it('are made where the message is: in the forum post, not in the forum', async () => {
    const { briefing, delivery } = await posted(1, { channelId: 'forum', threadId: 'post' });
    const due = await editsDue(briefing, { postedWithItems: async () => [delivery] }, []);
    expect(due).toMatchObject([{ channelId: 'post', messageId: 'message-1' }]);
    expect((await editsDue(briefing, { postedWithItems: async () => [{ ...delivery, threadId: null }] }, []))[0]!.channelId).toBe('forum');
  });

  it("are written in the language of the recap that posted the message; a removed recap's posts stay English", async () => {
    const { briefing, delivery } = await posted(1, { channelId: 'news', threadId: null });
    const deliveries = [1, 2, 3].map((subscriptionId) => ({ ...delivery, subscriptionId, messageId: `message-${subscriptionId}` }));
    const due = await editsDue(briefing, { postedWithItems: async () => deliveries }, [{ id: 1, language: 'de' }, { id: 2, language: 'fr' }]);
    const lines = due.map(({ messageId, annotations }) => [messageId, annotations[0]!.line.slice(0, 30)]);
    expect(lines).toEqual([
      ['message-1', expect.stringMatching(/^✏️ Korrektur \(3\. Dez\. 2025\)/)],
      ['message-2', expect.stringMatching(/^✏️ Correction \(3 déc\. 2025\)/)],
      ['message-3', expect.stringMatching(/^✏️ Correction \(3 Dec 2025\)/)],
    ]);
  });
});
