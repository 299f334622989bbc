// One rule for a wall-clock time that happens twice on a daylight-saving fall-back day, in every zone:
// the recap runs once, at the first occurrence.
import { summarize } from '../commands/brief.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../src/log.js';
import { openDatabase } from '../src/recaps/database.js';
import { SqliteDeliveryLedger } from '../src/recaps/ledger.js';
import { firstOccurrence, nextRuns } from '../src/recaps/schedule.js';
import { RecapScheduler } from '../src/recaps/scheduler.js';
import { SqliteSubscriptionStore } from '../src/recaps/subscriptions.js';
import { shippedBriefing } from './support/content.js';
import { added } from './support/subscriptions.js';
import { plainChannelOnly } from './support/poster.js';

const silent = createLogger({ LOG_LEVEL: 'silent' }, []);

/** Zone, cron, a moment the day before, the first occurrence (UTC), the next day's run (UTC). */
const FALL_BACK = [
  ['Europe/Zurich', '30 2 * * *', '2025-10-25T12:00:00Z', '2025-10-26T00:30:00.000Z', '2025-10-27T01:30:00.000Z'],
  ['America/New_York', '30 1 * * *', '2025-11-01T12:00:00Z', '2025-11-02T05:30:00.000Z', '2025-11-03T06:30:00.000Z'],
  ['Australia/Sydney', '30 2 * * *', '2026-04-04T00:00:00Z', '2026-04-04T15:30:00.000Z', '2026-04-05T16:30:00.000Z'],
] as const;

afterEach(() => {
  vi.useRealTimers();
});

describe('a repeated wall-clock time on a fall-back day', () => {
  for (const [zone, cron, dayBefore, first, nextDay] of FALL_BACK) {
    it(`${zone}: runs once, at the first occurrence`, () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(dayBefore));
      expect(nextRuns(cron, zone, 2).map((run) => run.toISOString())).toEqual([first, nextDay]);
      // Between the two occurrences: the first has run, so the second is not another run.
      vi.setSystemTime(new Date(Date.parse(first) + 10 * 60_000));
      expect(nextRuns(cron, zone, 1).map((run) => run.toISOString())).toEqual([nextDay]);
    });

    it(`${zone}: the scheduler posts it once, at the first occurrence`, async () => {
      vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
      vi.setSystemTime(new Date(Date.parse(first) - 5 * 60_000));
      const db = openDatabase(':memory:');
      const subscriptions = new SqliteSubscriptionStore(db);
      const ledger = new SqliteDeliveryLedger(db);
      const subscription = await added(subscriptions.add({ guildId: '2'.repeat(18), channelId: '3'.repeat(18), schedule: cron, cron, timezone: zone, whenQuiet: 'post', createdBy: null }));
      const briefing = await shippedBriefing();
      const postedAt: string[] = [];
      const poster = { ...plainChannelOnly, post: async () => (postedAt.push(new Date().toISOString()), { id: String(postedAt.length) }), recent: async () => [], edit: async () => ({}) };
      const scheduler = new RecapScheduler({ subscriptions, ledger, briefing: () => briefing, summarize, staleAfterDays: 7, now: () => new Date('2025-12-04T12:00:00Z'), log: silent, poster }, { catchupMinutes: 60 }, silent);
      await scheduler.start();
      await vi.advanceTimersByTimeAsync(3 * 60 * 60_000);
      await scheduler.stop();
      expect(postedAt).toEqual([first]);
      expect((await ledger.forSubscription(subscription.id)).map((delivery) => delivery.slot)).toEqual([first]);
      db.close();
    });
  }

  it('leaves every other time alone', () => {
    const ordinary = new Date('2025-07-01T06:00:00Z');
    for (const [zone] of FALL_BACK) expect(firstOccurrence(ordinary, zone)).toEqual(ordinary);
    expect(firstOccurrence(new Date('2025-10-26T01:30:00Z'), 'UTC')).toEqual(new Date('2025-10-26T01:30:00Z'));
  });
});
