// Time zones: the one validator (IANA names, a city or a country with one zone; abbreviations such as CET
// are the suggestions' job), and the suggestions autocomplete offers, every one of them a name the validator
// accepts. Nothing here creates an Intl object at import time.
import { compareText, matchScore, normalize } from '../briefing/matching.js';

/**
 * Zones this runtime's ICU still lists under a name the IANA database has since replaced (ICU keeps CLDR's
 * first spelling): offered, stored and shown by the current one. Both names are accepted.
 */
const RENAMED: Readonly<Record<string, string>> = {
  'Europe/Kiev': 'Europe/Kyiv', 'Asia/Calcutta': 'Asia/Kolkata', 'Asia/Katmandu': 'Asia/Kathmandu', 'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Rangoon': 'Asia/Yangon', 'America/Godthab': 'America/Nuuk', 'Atlantic/Faeroe': 'Atlantic/Faroe', 'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei', 'Pacific/Enderbury': 'Pacific/Kanton', 'Africa/Asmera': 'Africa/Asmara', 'America/Coral_Harbour': 'America/Atikokan',
  'America/Indianapolis': 'America/Indiana/Indianapolis', 'America/Louisville': 'America/Kentucky/Louisville',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires', 'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba', 'America/Jujuy': 'America/Argentina/Jujuy', 'America/Mendoza': 'America/Argentina/Mendoza',
};

const current = (zone: string) => RENAMED[zone] ?? zone;

/** A fixed offset, as the IANA database names it: Etc/GMT-2 is two hours EAST of UTC (POSIX counts the other way). */
const fixedZone = (minutesEast: number) => (minutesEast === 0 ? 'UTC' : `Etc/GMT${minutesEast > 0 ? '-' : '+'}${Math.abs(minutesEast / 60)}`);
/** Every whole-hour offset the IANA database has a fixed zone for: Etc/GMT-14 to Etc/GMT+12. */
const FIXED_ZONES = Array.from({ length: 27 }, (_, index) => fixedZone((index - 12) * 60)).filter((zone) => zone !== 'UTC');

interface ZoneTable {
  /** Every zone by its current name, UTC first. */
  zones: readonly string[];
  /** Lower-cased name (current or former) -> current name. */
  byLowerCase: ReadonlyMap<string, string>;
  /** A zone's place, as people write it (`new york`, `kyiv`, `kiev`) -> the zones named after it. */
  byPlace: ReadonlyMap<string, readonly string[]>;
}

/**
 * Made on first use. Asking ICU for the list costs 0.4 MB of its data where building a date formatter to try
 * a name costs 8 MB (bench: RSS against a bare client).
 */
let table: ZoneTable | undefined;

function zoneTable(): ZoneTable {
  if (table) return table;
  const listed = Intl.supportedValuesOf('timeZone');
  const zones = [...new Set(['UTC', ...listed.map(current), ...FIXED_ZONES])];
  const byLowerCase = new Map([...listed, ...zones].map((zone) => [zone.toLowerCase(), current(zone)]));
  const byPlace = new Map<string, string[]>();
  for (const zone of [...listed, ...Object.values(RENAMED)]) {
    const place = normalize(zone.slice(zone.lastIndexOf('/') + 1));
    const named = byPlace.get(place) ?? [];
    if (!named.includes(current(zone))) byPlace.set(place, [...named, current(zone)]);
  }
  return (table = { zones, byLowerCase, byPlace });
}

/**
 * The zone a name means, by its current IANA name: a zone name in any case (`europe/zurich`), a former one
 * (`Europe/Kiev`), or a city or country with one zone (`Berlin`, `Kyiv`, `Switzerland`, `Schweiz`); undefined
 * for `CET`, `EST`, typos and places with several zones (`Germany` has two).
 */
export function canonicalTimeZone(name: string): string | undefined {
  const lower = name.trim().toLowerCase();
  if (lower === 'utc' || lower.includes('/')) return zoneTable().byLowerCase.get(lower);
  const places = zonesOfPlace(name);
  return places.length === 1 ? places[0] : undefined;
}

/** True for a zone this runtime knows, spelled as it is stored (`Europe/Zurich`, `UTC`). */
export function isTimeZone(name: string): boolean {
  return canonicalTimeZone(name) === name;
}

/** The zones of a city (`Berlin`) or a country, named in English, German or French (`Germany`, `Allemagne`). */
function zonesOfPlace(typed: string): readonly string[] {
  const place = normalize(typed);
  if (place.length < 3) return [];
  return zoneTable().byPlace.get(place) ?? countryZones().get(place) ?? [];
}

let countries: Map<string, readonly string[]> | undefined;

/**
 * Country names in the bot's languages -> the country's zones, from ICU (its region names, and each region's
 * zones): made on the first lookup of a name that is no zone's and no city's, as only /recap asks.
 */
function countryZones(): ReadonlyMap<string, readonly string[]> {
  if (countries) return countries;
  countries = new Map();
  const names = ['en', 'de', 'fr'].map((language) => new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }));
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      const locale = new Intl.Locale(`und-${code}`) as Intl.Locale & { timeZones?: string[]; getTimeZones?: () => string[] };
      // A getter in Node 20, a method since.
      const zones = locale.getTimeZones?.() ?? locale.timeZones;
      if (!zones || zones.length === 0) continue;
      for (const display of names) {
        const country = display.of(code);
        if (country) countries.set(normalize(country), [...new Set(zones.map(current))]);
      }
    }
  }
  return countries;
}

/** Time zones offered first by autocomplete, before the full IANA list. */
export const COMMON_TIME_ZONES = [
  'UTC', 'Europe/Zurich', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'Europe/Brussels', 'Europe/Kyiv',
  'Europe/Warsaw', 'Europe/Moscow', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'America/Toronto',
  'Asia/Tokyo', 'Asia/Dubai', 'Asia/Kolkata', 'Australia/Sydney',
];

/** Every zone, by its current name, UTC first. */
export function allTimeZones(): readonly string[] {
  return zoneTable().zones;
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
 * The zones someone typing `typed` most likely means, each one canonicalTimeZone accepts: an abbreviation's
 * (`CET`), a written offset's (`GMT+1`: the common zones at that offset now, then the fixed `Etc/GMT-1`), a
 * city's or country's, then zone names matching it.
 */
export function suggestTimeZones(typed: string, at: Date = new Date()): string[] {
  const query = normalize(typed);
  if (query === '') return COMMON_TIME_ZONES;
  const abbreviated = ABBREVIATIONS[query.replace(/ /g, '')];
  if (abbreviated) return [...abbreviated];
  const offset = writtenOffset(typed);
  if (offset !== undefined) {
    const cities = COMMON_TIME_ZONES.filter((zone) => zone !== 'UTC' && offsetMinutes(currentOffset(zone, at)) === offset);
    return [...cities, fixedZone(offset)].filter(isTimeZone);
  }
  const common = new Set(COMMON_TIME_ZONES);
  const matching = allTimeZones()
    .map((zone) => ({ zone, score: matchScore(query, normalize(zone)) }))
    .filter((entry): entry is { zone: string; score: number } => entry.score !== undefined)
    .sort((a, b) => a.score - b.score || Number(common.has(b.zone)) - Number(common.has(a.zone)) || compareText(a.zone, b.zone))
    .map(({ zone }) => zone);
  const named = canonicalTimeZone(typed);
  return [...new Set([...(named ? [named] : []), ...zonesOfPlace(typed), ...matching])];
}
