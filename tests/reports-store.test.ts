// Readers' reports, one contract over both engines: stored with what the reader saw, limited per reader, listed
// newest first, closed once (dismissed with a reason, or drafted into a correction).
import { afterAll, describe, expect, it } from 'vitest';
import type { NewReport } from '../src/reports/store.js';
import { storageEngines } from './support/engines.js';

const { engines, cleanup } = storageEngines('reports');
afterAll(cleanup);

const report = (overrides: Partial<NewReport> = {}): NewReport => ({
  userId: '100000000000000009',
  userName: 'reader',
  guildId: '100000000000000001',
  channelId: '100000000000000002',
  reply: '/position actor:rutte',
  releaseId: 3,
  editionId: '2025-12-03',
  items: ['position:rutte-long-way', 'quote:rutte-long-way'],
  what: 'The date of the interview is wrong.',
  sourceUrl: 'https://example.org/interview',
  locale: 'de',
  ...overrides,
});
const LIMIT = { count: 2, windowMs: 60 * 60_000 };

describe.each(engines)('readers\' reports on $name', (engine) => {
  it('keeps what the reader saw and said, newest first', async () => {
    const { reports } = await engine.open();
    const first = await reports.add(report(), LIMIT);
    const second = await reports.add(report({ userId: '100000000000000010', what: 'Another.' , sourceUrl: null }), LIMIT);
    expect(first.status).toBe('added');
    const listed = await reports.list();
    expect(listed.map((entry) => entry.what)).toEqual(['Another.', 'The date of the interview is wrong.']);
    expect(listed[1]).toMatchObject({ ...report(), items: ['position:rutte-long-way', 'quote:rutte-long-way'], status: 'open', resolvedBy: null });
    expect(second.status === 'added' && (await reports.get(second.id))?.sourceUrl).toBeNull();
  });

  it('limits how many reports one reader sends in the window', async () => {
    const { reports } = await engine.open();
    const now = new Date('2026-12-05T12:00:00Z');
    expect((await reports.add(report(), LIMIT, now)).status).toBe('added');
    expect((await reports.add(report(), LIMIT, new Date(now.getTime() + 1000))).status).toBe('added');
    expect((await reports.add(report(), LIMIT, new Date(now.getTime() + 2000))).status).toBe('limited');
    // Another reader is not held back; the first again once the window has passed.
    expect((await reports.add(report({ userId: '100000000000000011' }), LIMIT, new Date(now.getTime() + 3000))).status).toBe('added');
    expect((await reports.add(report(), LIMIT, new Date(now.getTime() + LIMIT.windowMs + 2000))).status).toBe('added');
  });

  it('closes a report once, dismissed with a reason or drafted into a correction', async () => {
    const { reports } = await engine.open();
    const added = await reports.add(report(), LIMIT);
    if (added.status !== 'added') throw new Error('not added');
    expect(await reports.resolve(added.id, 'dismissed', 'editor', 'The report is right about a different interview.')).toBe(true);
    expect(await reports.resolve(added.id, 'drafted', 'editor', 'correction rutte-date')).toBe(false);
    expect(await reports.get(added.id)).toMatchObject({ status: 'dismissed', resolvedBy: 'editor', resolution: 'The report is right about a different interview.' });
    expect(await reports.list()).toEqual([]);
    expect((await reports.list('all')).map((entry) => entry.id)).toEqual([added.id]);
  });
});
