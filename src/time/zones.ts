// Time zones: the one validator (IANA names only; abbreviations such as CET are the UI's job to map),
// and the suggestions autocomplete offers. Nothing here creates an Intl object at import time.
import { compareText, matchScore, normalize } from '../briefing/matching.js';

/**
 * Lower-cased IANA name -> its canonical spelling, made on first use. Asking the list costs 0.4 MB of ICU
 * data where building a date formatter to try a name costs 8 MB (bench: RSS against a bare client).
 */
let zonesByLowerCase: Map<string, string> | undefined;

/** The IANA zone a name spells, in its canonical case (`europe/zurich` -> `Europe/Zurich`); undefined for `CET`, `EST` or typos. */
export function canonicalTimeZone(name: string): string | undefined {
  zonesByLowerCase ??= new Map(['UTC', ...Intl.supportedValuesOf('timeZone')].map((zone) => [zone.toLowerCase(), zone]));
  const lower = name.trim().toLowerCase();
  return lower === 'utc' || lower.includes('/') ? zonesByLowerCase.get(lower) : undefined;
}

/** True for an IANA zone name this runtime knows, spelled as the database spells it (`Europe/Zurich`, `UTC`). */
export function isTimeZone(name: string): boolean {
  return canonicalTimeZone(name) === name;
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
    .sort((a, b) => a.score - b.score || Number(common.has(b.zone)) - Number(common.has(a.zone)) || compareText(a.zone, b.zone))
    .map(({ zone }) => zone);
}
