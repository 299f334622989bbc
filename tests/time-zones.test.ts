// Time zones as admins type them: a unique city or country is its zone, the current IANA name is the one
// offered and stored, and nothing is ever suggested that is then refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextRuns } from '../src/recaps/schedule.js';
import { allTimeZones, canonicalTimeZone, COMMON_TIME_ZONES, isTimeZone, suggestTimeZones } from '../src/time/zones.js';

const WINTER = new Date('2025-12-02T12:00:00Z');

describe('time zones', () => {
  it('accept a zone name in any case, a former name (stored by its current one), and a city or country with one zone', () => {
    expect(['europe/zurich', 'Europe/Kiev', 'Kyiv', 'kiev', 'Berlin', 'new york', 'Switzerland', 'Schweiz', 'Suisse', 'France', 'Asia/Calcutta', 'utc', 'Etc/GMT-2'].map(canonicalTimeZone)).toEqual([
      'Europe/Zurich', 'Europe/Kyiv', 'Europe/Kyiv', 'Europe/Kyiv', 'Europe/Berlin', 'America/New_York', 'Europe/Zurich', 'Europe/Zurich', 'Europe/Zurich', 'Europe/Paris', 'Asia/Kolkata', 'UTC', 'Etc/GMT-2',
    ]);
  });

  it('refuse abbreviations, typos and places with several zones, suggesting those', () => {
    for (const typed of ['CET', 'EST', 'Europe/Zurch', 'Germany', 'Ukraine', 'Springfield']) expect(canonicalTimeZone(typed), typed).toBeUndefined();
    expect(suggestTimeZones('Germany').slice(0, 2)).toEqual(['Europe/Berlin', 'Europe/Busingen']);
    expect(suggestTimeZones('Ukraine')[0]).toBe('Europe/Kyiv');
  });

  it('suggest the current name first: Kyiv, not Kiev', () => {
    expect(suggestTimeZones('Kyiv')[0]).toBe('Europe/Kyiv');
    expect(suggestTimeZones('kiev')[0]).toBe('Europe/Kyiv');
    expect(allTimeZones()).toContain('Europe/Kyiv');
    expect(allTimeZones()).not.toContain('Europe/Kiev');
  });

  it('suggest for UTC+2 the fixed zone it means, Etc/GMT-2, and accept it', () => {
    const suggested = suggestTimeZones('UTC+2', WINTER);
    expect(suggested).toContain('Etc/GMT-2');
    expect(suggested.every(isTimeZone)).toBe(true);
    expect(suggestTimeZones('GMT-5', WINTER)).toEqual(['America/New_York', 'America/Toronto', 'Etc/GMT+5']);
    expect(suggestTimeZones('UTC-13', WINTER)).toEqual([]);
  });

  it('never suggest a zone that is then refused, whatever is typed', () => {
    const typed = fc.oneof(
      fc.constantFrom('UTC+2', 'UTC-12', 'UTC+14', 'GMT+5:30', 'Kyiv', 'Berlin', 'Germany', 'CET', 'pst', 'Europe', 'america/', 'etc', 'gmt', 'Zurich', 'Schweiz', ''),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(fc.property(typed, (text) => suggestTimeZones(text, WINTER).slice(0, 25).every(isTimeZone)), { numRuns: 300 });
    for (const zone of COMMON_TIME_ZONES) expect(isTimeZone(zone), zone).toBe(true);
  });

  it('are all ones the date formatter and the scheduler can use', () => {
    for (const zone of allTimeZones()) {
      expect(() => new Intl.DateTimeFormat('en', { timeZone: zone }), zone).not.toThrow();
      expect(nextRuns('0 8 * * *', zone, 1), zone).toHaveLength(1);
    }
  });
});
