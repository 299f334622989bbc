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
  'Asia/Tokyo', 'Asia/Dubai', 'Asia/Kolkata', 'Australia/Sydney',
];

export function allTimeZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
}

/** Abbreviations people type, and the zones they most likely mean (a city zone follows summer time). */
const ABBREVIATIONS: Record<string, readonly string[]> = {
  utc: ['UTC'], gmt: ['UTC', 'Europe/London'], bst: ['Europe/London'], wet: ['Europe/Lisbon'], west: ['Europe/Lisbon'],
  cet: ['Europe/Zurich', 'Europe/Berlin', 'Europe/Paris', 'Europe/Brussels'], cest: ['Europe/Zurich', 'Europe/Berlin', 'Europe/Paris', 'Europe/Brussels'],
  eet: ['Europe/Kyiv', 'Europe/Helsinki', 'Europe/Athens'], eest: ['Europe/Kyiv', 'Europe/Helsinki', 'Europe/Athens'], msk: ['Europe/Moscow'],
  est: ['America/New_York', 'America/Toronto'], edt: ['America/New_York', 'America/Toronto'], cst: ['America/Chicago'], cdt: ['America/Chicago'],
  mst: ['America/Denver', 'America/Phoenix'], mdt: ['America/Denver'], pst: ['America/Los_Angeles'], pdt: ['America/Los_Angeles'],
  ist: ['Asia/Kolkata'], jst: ['Asia/Tokyo'], aest: ['Australia/Sydney'], aedt: ['Australia/Sydney'],
};

/** `GMT+1`, `UTC-5`, `utc+05:30` -> minutes east of UTC. */
function writtenOffset(typed: string): number | undefined {
  const match = /^(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/.exec(typed.trim().toLowerCase());
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return minutes > 14 * 60 ? undefined : match[1] === '-' ? -minutes : minutes;
}

/** `+01:00`: a zone's offset from UTC at `at` (for /recap and the content checker: it pages in ICU's zone data). */
export function currentOffset(zone: string, at: Date = new Date()): string {
  const name = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT' ? '+00:00' : name.slice(3);
}

/** Minutes east of UTC of a `+01:00` offset. */
const offsetMinutes = (offset: string) => (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));

/**
 * The zones someone typing `typed` most likely means: an abbreviation's (`CET`), a written offset's (`GMT+1`:
 * the common zones at that offset now, then the fixed `Etc/GMT-1`), else IANA names matching it.
 */
export function suggestTimeZones(typed: string, at: Date = new Date()): string[] {
  const query = normalize(typed);
  if (query === '') return COMMON_TIME_ZONES;
  const abbreviated = ABBREVIATIONS[query.replace(/ /g, '')];
  if (abbreviated) return [...abbreviated];
  const offset = writtenOffset(typed);
  if (offset !== undefined) {
    const cities = COMMON_TIME_ZONES.filter((zone) => zone !== 'UTC' && offsetMinutes(currentOffset(zone, at)) === offset);
    // POSIX's Etc zones count the other way: Etc/GMT-1 is one hour east of UTC.
    const fixed = offset % 60 === 0 ? [offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset / 60)}`] : [];
    return [...cities, ...fixed];
  }
  const common = new Set(COMMON_TIME_ZONES);
  return allTimeZones()
    .map((zone) => ({ zone, score: matchScore(query, normalize(zone)) }))
    .filter((entry): entry is { zone: string; score: number } => entry.score !== undefined)
    .sort((a, b) => a.score - b.score || Number(common.has(b.zone)) - Number(common.has(a.zone)) || compareText(a.zone, b.zone))
    .map(({ zone }) => zone);
}
