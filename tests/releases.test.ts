// Releases, one contract over both engines (SQLite and a real PostgreSQL; two storages on one database stand
// for two processes): publishing is atomic and only on the release it was built from, a scheduled release goes
// out once whoever asks, a rollback is a release of its own; and planning refuses what should not go out.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefingContent } from '../src/briefing/briefing.js';
import { openStorage, type RecapStorage } from '../src/recaps/storage.js';
import { changeSet, describeChanges, isUnchanged, summarizeChanges } from '../src/releases/change-set.js';
import { commit, halfWritten, planPublish, planRollback } from '../src/releases/publish.js';
import { publishDue } from '../src/releases/scheduled.js';
import { introducerOf } from '../src/releases/release.js';
import { snapshotOf, SNAPSHOT_FORMAT } from '../src/releases/snapshot.js';
import { contentCopy, shippedBriefing } from './support/content.js';
import { freshDatabase } from './support/postgres-server.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

interface Engine {
  name: 'sqlite' | 'postgres';
  /** A new empty database; `open` connects one more process to it. */
  create(): Promise<() => Promise<RecapStorage>>;
}

const opened = async (open: () => Promise<RecapStorage>) => {
  const storage = await open();
  cleanups.push(() => storage.close());
  return storage;
};

const engines: Engine[] = [
  {
    name: 'sqlite',
    async create() {
      const dir = await mkdtemp(path.join(tmpdir(), 'releases-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      return () => opened(() => openStorage({ DATABASE_PATH: path.join(dir, 'bot.sqlite') }));
    },
  },
  {
    name: 'postgres',
    async create() {
      const database = await freshDatabase('releases');
      cleanups.push(database.drop);
      return () => opened(() => openStorage({ DATABASE_URL: database.url, DATABASE_PATH: 'unused' }));
    },
  },
];

let shipped: BriefingContent;
/** The shipped content as readers had it on 26 Nov, and on 3 Dec: its first edition, and its first two. */
let firstOnly: BriefingContent;
let firstTwo: BriefingContent;
beforeAll(async () => {
  shipped = (await shippedBriefing()).content;
  const upTo = (last: string): BriefingContent => {
    const kept = <T extends { edition: string }>(items: readonly T[]) => items.filter((item) => item.edition <= last);
    return { ...shipped, editions: shipped.editions.filter((edition) => edition.id <= last), allPositions: kept(shipped.allPositions), quotes: kept(shipped.quotes), timeline: kept(shipped.timeline), corrections: kept(shipped.corrections) };
  };
  firstOnly = upTo('2025-11-26');
  firstTwo = upTo('2025-12-03');
});

/** Writes a release of `content` built on `baseId` (the changes are not the point here). */
function draft(content: BriefingContent, baseId: number | null, scheduledFor?: string) {
  return { kind: 'publish' as const, createdBy: 'test', message: 'test', snapshot: snapshotOf(content), baseId, scheduledFor: scheduledFor ?? null, changes: changeSet(undefined, content), meta: { introducedBy: {}, corrections: [] } };
}

describe.each(engines)('the release store on $name', (engine) => {
  it('has no current release until one is published, then serves exactly what was published', async () => {
    const { releases } = await (await engine.create())();
    expect(await releases.current()).toBeUndefined();
    expect(await releases.currentSeq()).toBe(0);
    const id = await releases.create(draft(firstOnly, null));
    expect(await releases.current()).toBeUndefined();
    expect(await releases.publish(id, null)).toBe('published');
    const current = (await releases.current())!;
    expect(current).toMatchObject({ id, kind: 'publish', createdBy: 'test', baseId: null, cancelledAt: null });
    expect(await releases.content(current)).toEqual(firstOnly);
    expect(await releases.currentSeq()).toBe(1);
    // Once only.
    expect(await releases.publish(id, null)).toBe('gone');
  });

  it('publishes a release only while the one it was built on is still current', async () => {
    const open = await engine.create();
    const [one, two] = [await open(), await open()];
    const first = await one.releases.create(draft(firstOnly, null));
    await one.releases.publish(first, null);
    // Two editors build on release `first` at once: the second to publish finds it no longer current.
    const a = await one.releases.create(draft(shipped, first));
    const b = await two.releases.create(draft({ ...shipped, story: { ...shipped.story, title: 'Other' } }, first));
    expect(await one.releases.publish(a, first)).toBe('published');
    expect(await two.releases.publish(b, first)).toBe('base-moved');
    expect((await two.releases.current())!.id).toBe(a);
  });

  it('lets exactly one of two processes publishing at once win', async () => {
    const open = await engine.create();
    const [one, two] = [await open(), await open()];
    const ids = await Promise.all([one.releases.create(draft(firstOnly, null)), two.releases.create(draft(shipped, null))]);
    const outcomes = await Promise.all([one.releases.publish(ids[0], null), two.releases.publish(ids[1], null)]);
    expect(outcomes.sort()).toEqual(['base-moved', 'published']);
  });

  it('publishes a scheduled release once, whichever process asks, and only once its time has come', async () => {
    const open = await engine.create();
    const [one, two] = [await open(), await open()];
    const first = await one.releases.create(draft(firstOnly, null));
    await one.releases.publish(first, null);
    const at = '2030-01-01T06:00:00.000Z';
    const scheduled = await one.releases.create(draft(shipped, first, at));
    expect((await publishDue(one.releases, new Date('2029-12-31T00:00:00Z'))).published).toEqual([]);
    expect((await two.releases.pending()).map((release) => release.id)).toEqual([scheduled]);
    const results = await Promise.all([publishDue(one.releases, new Date(at)), publishDue(two.releases, new Date(at))]);
    expect(results.flatMap((result) => result.published.map((release) => release.id))).toEqual([scheduled]);
    expect((await one.releases.current())!.id).toBe(scheduled);
    expect(await two.releases.pending()).toEqual([]);
  });

  it('cancels a scheduled release whose base is no longer current instead of undoing what was published since', async () => {
    const { releases } = await (await engine.create())();
    const first = await releases.create(draft(firstOnly, null));
    await releases.publish(first, null);
    const scheduled = await releases.create(draft(shipped, first, '2030-01-01T06:00:00.000Z'));
    const fix = await releases.create(draft({ ...firstOnly, story: { ...firstOnly.story, title: 'Fixed' } }, first));
    await releases.publish(fix, first);
    const { published, cancelled } = await publishDue(releases, new Date('2030-01-02T00:00:00Z'));
    expect(published).toEqual([]);
    expect(cancelled.map((release) => release.id)).toEqual([scheduled]);
    expect((await releases.get(scheduled))!.cancelReason).toMatch(/another release became current/);
    expect((await releases.current())!.id).toBe(fix);
  });

  it('keeps one snapshot per content, shared by the releases that hold it', async () => {
    const { releases } = await (await engine.create())();
    const one = await releases.create(draft(shipped, null));
    const two = await releases.create(draft(shipped, null));
    expect((await releases.get(one))!.contentHash).toBe((await releases.get(two))!.contentHash);
    expect(await releases.content((await releases.get(two))!)).toEqual(shipped);
    expect((await releases.list()).map((release) => release.id)).toEqual([two, one]);
  });
});

describe('planning a release', () => {
  let storage: RecapStorage;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'release-plan-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    storage = await opened(() => openStorage({ DATABASE_PATH: path.join(dir, 'bot.sqlite') }));
  });

  it('publishes valid drafts, then refuses the same drafts again: nothing changed', async () => {
    const plan = await planPublish(storage.releases, { contentDir: 'content' });
    expect(plan.refusals).toEqual([]);
    const committed = await commit(storage.releases, plan, 'editor', 'First');
    expect(committed.status).toBe('published');
    expect(committed.release.meta).toEqual({ introducedBy: {}, corrections: shipped.corrections.map((correction) => correction.id) });
    expect((await planPublish(storage.releases, { contentDir: 'content' })).refusals).toEqual([expect.stringMatching(/^nothing to publish: the drafts are what release #1 already serves/)]);
  });

  it('refuses drafts with an error, naming how many, and publishes nothing', async () => {
    const broken = await contentCopy();
    cleanups.push(broken.cleanup);
    await broken.edit('editions/2025-11-26/positions.yaml', (text) => text.replace('topic: territory', 'topic: teritory'));
    const plan = await planPublish(storage.releases, { contentDir: broken.dir });
    expect(plan.findings.map((finding) => finding.message)).toContain('unknown topic "teritory" (did you mean "territory"?)');
    expect(plan.refusals).toEqual([expect.stringContaining('have 1 error (above): nothing is published until they are fixed')]);
    await expect(commit(storage.releases, plan, 'editor', 'x')).rejects.toThrow(/a refused release cannot be committed/);
  });

  it('says what changes against the current release, item by item', () => {
    const changes = changeSet(firstOnly, firstTwo);
    expect(changes.editions).toEqual({ added: ['2025-12-03'], changed: [], removed: [] });
    expect(changes.items.quote.added).toEqual(shipped.quotes.filter((quote) => quote.edition === '2025-12-03').map((quote) => quote.id));
    expect(changes.corrected).toContain('quote:rutte-long-way');
    expect(describeChanges(changes)[0]).toBe('editions: 1 added (2025-12-03)');
    expect(summarizeChanges(changeSet(firstTwo, firstOnly))).toMatch(/^1 edition withdrawn, \d+ positions removed, /);
    const mixed = changeSet(firstOnly, { ...firstTwo, actors: firstTwo.actors.map((actor) => (actor.id === 'rutte' ? { ...actor, role: 'Changed' } : actor)) });
    expect(summarizeChanges(mixed)).toContain('1 actor changed');
    const oneChanged = { ...shipped, allPositions: shipped.allPositions.map((position, index) => (index === 0 ? { ...position, stance: 'Changed.' } : position)) };
    expect(summarizeChanges(changeSet(firstTwo, oneChanged))).toMatch(/, \d+ positions \(\d+ added, 1 changed\), /);
    expect(isUnchanged(changeSet(shipped, shipped))).toBe(true);
    const renamed = { ...shipped, actors: shipped.actors.map((actor) => (actor.id === 'rutte' ? { ...actor, role: 'Changed' } : actor)) };
    expect(changeSet(shipped, renamed).items.actor).toEqual({ added: [], changed: ['rutte'], removed: [] });
  });

  it('refuses an edition that looks half-written unless told otherwise', () => {
    const summaryOnly = { ...firstTwo, allPositions: firstOnly.allPositions, quotes: firstOnly.quotes, timeline: firstOnly.timeline };
    expect(halfWritten(summaryOnly, ['2025-12-03'])).toEqual([expect.stringMatching(/^edition 2025-12-03 has no positions, quotes or timeline events/)]);
    const noSince = { ...shipped, editions: shipped.editions.map((edition) => (edition.id === '2025-12-03' ? { ...edition, summary: { ...edition.summary, since: undefined } } : edition)) };
    expect(halfWritten(noSince, ['2025-12-03'])).toEqual([expect.stringMatching(/has no `since` summary/)]);
    // The first edition has nothing before it to have changed since.
    expect(halfWritten(shipped, shipped.editions.map((edition) => edition.id))).toEqual([]);
  });

  it('rolls back to a published release as a new release, carrying who brought each edition', async () => {
    const dir2 = await mkdtemp(path.join(tmpdir(), 'rollback-'));
    cleanups.push(() => rm(dir2, { recursive: true, force: true }));
    const { releases } = await opened(() => openStorage({ DATABASE_PATH: path.join(dir2, 'bot.sqlite') }));
    const first = await releases.create(draft(firstOnly, null));
    await releases.publish(first, null);
    const plan = await planPublish(releases, { contentDir: 'content' });
    const second = (await commit(releases, plan, 'editor', 'Edition of 3 Dec')).release;
    expect(introducerOf(second, '2025-11-26')).toBe(first);
    expect(introducerOf(second, '2025-12-03')).toBe(second.id);
    expect((await planRollback(releases, 99)).refusals).toEqual([expect.stringMatching(/^release #99 does not exist/)]);
    expect((await planRollback(releases, second.id)).refusals).toEqual([`release #${second.id} is the current release already`]);
    const rollback = await planRollback(releases, first);
    expect(rollback.changes!.editions.removed).toEqual(shipped.editions.slice(1).map((edition) => edition.id));
    const third = (await commit(releases, rollback, 'editor', 'Roll back')).release;
    expect(third).toMatchObject({ kind: 'rollback', rollbackOf: first, baseId: second.id, contentHash: (await releases.get(first))!.contentHash });
    expect((await releases.current())!.id).toBe(third.id);
    // Published again after the rollback, the 3 Dec edition is brought by the new release: announced again.
    const again = (await commit(releases, await planPublish(releases, { contentDir: 'content' }), 'editor', 'Again')).release;
    expect(introducerOf(again, '2025-12-03')).toBe(again.id);
    expect(introducerOf(again, '2025-11-26')).toBe(first);
  });

  it('refuses a scheduled time in the past and a publish while another waits for its time', async () => {
    const dir3 = await mkdtemp(path.join(tmpdir(), 'scheduled-'));
    cleanups.push(() => rm(dir3, { recursive: true, force: true }));
    const { releases } = await opened(() => openStorage({ DATABASE_PATH: path.join(dir3, 'bot.sqlite') }));
    expect((await planPublish(releases, { contentDir: 'content', at: new Date('2020-01-01T00:00:00Z') })).refusals).toEqual([expect.stringMatching(/is not in the future/)]);
    const scheduled = await commit(releases, await planPublish(releases, { contentDir: 'content', at: new Date('2099-01-01T00:00:00Z') }), 'editor', 'Later');
    expect(scheduled.status).toBe('scheduled');
    expect(await releases.current()).toBeUndefined();
    expect((await planPublish(releases, { contentDir: 'content' })).refusals).toContain(
      `release #${scheduled.release.id} is scheduled for 2099-01-01T00:00:00.000Z: cancel it first (npm run publish -- --cancel ${scheduled.release.id}), then publish`,
    );
  });

  it('stores snapshots of its own format only, as ASCII that reads back as written', () => {
    const snapshot = snapshotOf(shipped);
    expect(snapshot.format).toBe(SNAPSHOT_FORMAT);
    expect(snapshot.hash).toMatch(/^[0-9a-f]{64}$/);
    expect([...snapshot.json].every((character) => character.charCodeAt(0) < 128)).toBe(true);
    expect(JSON.stringify(shipped)).toMatch(/[–“’]/);
    expect(JSON.parse(snapshot.json)).toEqual(shipped);
    const emoji = { ...shipped, story: { ...shipped.story, title: 'Zürich 😀 Путин' } };
    expect((JSON.parse(snapshotOf(emoji).json) as BriefingContent).story.title).toBe('Zürich 😀 Путин');
  });
});
