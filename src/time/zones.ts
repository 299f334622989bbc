// Time zones: the one validator (IANA names only; abbreviations such as CET are the UI's job to map),
// and the suggestions autocomplete offers. Nothing here creates an Intl object at import time.
import { matchScore, normalize } from '../briefing/matching.js';

/** Names already judged: every edition of a briefing names its zone, and building a formatter to ask costs 0.4 ms. */
const judged = new Map<string, boolean>();
const MAX_JUDGED = 1024;

/** True for an IANA zone name this runtime knows (`Europe/Zurich`, `UTC`); false for `CET`, `EST` or typos. */
export function isTimeZone(name: string): boolean {
  if (name !== 'UTC' && !name.includes('/')) return false;
  let known = judged.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    // What users type into /recap is judged too: bounded.
    if (judged.size >= MAX_JUDGED) judged.clear();
    judged.set(name, known);
  }
  return known;
}

/** Time zones offered first by autocomplete, before the full IANA list. */
export const COMMON_TIME_ZONES = [
  'UTC', 'Europe/Zurich', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'Europe/Brussels', 'Europe/Kyiv',
  'Europe/Warsaw', 'Europe/Moscow', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'America/Toronto',
  'Asia/Tokyo', 'Asia/Dubai', 'Australia/Sydney',
];

export function allTimeZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
}

/** IANA zones matching what was typed, best first, common ones first among equals; all of them when nothing is typed. */
export function suggestTimeZones(typed: string): string[] {
  const query = normalize(typed);
  if (query === '') return COMMON_TIME_ZONES;
  const common = new Set(COMMON_TIME_ZONES);
  return allTimeZones()
    .map((zone) => ({ zone, score: matchScore(query, normalize(zone)) }))
    .filter((entry): entry is { zone: string; score: number } => entry.score !== undefined)
    .sort((a, b) => a.score - b.score || Number(common.has(b.zone)) - Number(common.has(a.zone)) || a.zone.localeCompare(b.zone))
    .map(({ zone }) => zone);
}
