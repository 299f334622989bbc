// Cron expressions as the bot has always read them, whichever library parses them (croner today): five
// or six fields, day-of-month AND day-of-week, nothing that never runs; and the daylight-saving rule
// (tests/dst.test.ts) for schedules that run more than once around a clock change.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextRuns, parseSchedule } from '../src/recaps/schedule.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('cron expressions', () => {
  it('runs when both day fields match: 0 8 1 * 1 is a Monday the 1st, not every Monday and every 1st', () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T12:00:00Z'), toFake: ['Date'] });
    expect(nextRuns('0 8 1 * 1', 'UTC', 2).map((run) => run.toISOString())).toEqual(['2026-06-01T08:00:00.000Z', '2027-02-01T08:00:00.000Z']);
  });

  it('runs hourly through both clock changes: the missing hour skipped, the repeated one once', () => {
    vi.useFakeTimers({ now: new Date('2026-03-28T23:00:00Z'), toFake: ['Date'] });
    expect(nextRuns('30 * * * *', 'Europe/Zurich', 3).map((run) => run.toISOString())).toEqual(['2026-03-28T23:30:00.000Z', '2026-03-29T00:30:00.000Z', '2026-03-29T01:30:00.000Z']);
    vi.setSystemTime(new Date('2026-10-24T23:00:00Z'));
    expect(nextRuns('30 * * * *', 'Europe/Zurich', 4).map((run) => run.toISOString())).toEqual(['2026-10-24T23:30:00.000Z', '2026-10-25T00:30:00.000Z', '2026-10-25T02:30:00.000Z', '2026-10-25T03:30:00.000Z']);
  });

  it.each([
    ['0 8 31 2 *', 'never runs (31 February)'],
    ['0 0 8 * * * 2026', 'a seventh field (year)'],
    ['@daily', 'a nickname'],
    ['0 8 * * 8', 'no eighth weekday'],
  ])('refuses %s (%s)', (text) => {
    expect(parseSchedule(text)).toEqual({ problem: expect.stringContaining(`"${text}"`) });
  });

  it('takes ? as "any" in the day fields, and names of days and months', () => {
    for (const text of ['0 8 ? * mon-fri', '0 0 8 * jan,jul ?']) expect(parseSchedule(text)).toEqual({ trigger: 'clock', cron: text });
  });
});
