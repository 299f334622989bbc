// Dates as the bot writes them, in the reader's language: `25 Nov 2025`, `25. Nov. 2025`, `25 nov. 2025`
// for calendar dates (from tables, with no ICU needed), and instants in a reader's time zone. One
// formatter per (zone, style, locale), made on first use: ICU data is paged in only when an instant is shown.
import type { Locale } from '../i18n/locale.js';

interface Months {
  long: readonly string[];
  short: readonly string[];
  /** `3 Dec 2025` from day, short month and year. */
  day(day: number, month: string, year: string): string;
}

/** The abbreviations are ICU's own for each language, so calendar dates and instants read alike. */
const MONTHS: Record<Locale, Months> = {
  en: {
    long: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    day: (day, month, year) => `${day} ${month} ${year}`,
  },
  de: {
    long: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
    short: ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'],
    day: (day, month, year) => `${day}. ${month} ${year}`,
  },
  fr: {
    // Capitalised: a month and year stand alone only as a heading.
    long: ['Janvier', 'Février', 'Mars', 'Avril', 'Mai', 'Juin', 'Juillet', 'Août', 'Septembre', 'Octobre', 'Novembre', 'Décembre'],
    short: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
    // The first of the month is written as an ordinal: `1er déc. 2025`.
    day: (day, month, year) => `${day === 1 ? '1er' : day} ${month} ${year}`,
  },
};

/** `2025-12-03T23:30:00+01:00` -> `3 Dec 2025`: the calendar day of a time written with its local offset, with no ICU needed. */
export function formatLocalDate(isoWithOffset: string, locale: Locale): string {
  return formatDate(isoWithOffset.slice(0, 10), locale);
}

/** `2025-11-25` -> `25 Nov 2025`. Content dates are calendar dates, so no time zone applies. */
export function formatDate(isoDate: string, locale: Locale): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  const months = MONTHS[locale];
  return months.day(Number(day), months.short[Number(month) - 1]!, year!);
}

/** `2025-11` -> `November 2025`. */
export function formatMonth(isoMonth: string, locale: Locale): string {
  const [year, month] = isoMonth.split('-');
  return `${MONTHS[locale].long[Number(month) - 1]} ${year}`;
}

/** A month's names in every language, lower-cased and without accents or dots: what readDate matches. */
const MONTH_NAMES: readonly (readonly string[])[] = Array.from({ length: 12 }, (_, month) =>
  [...new Set(Object.values(MONTHS).flatMap((months) => [months.long[month]!, months.short[month]!]).map(plainWord))],
);

function plainWord(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\./g, '');
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A calendar day as people type it, YYYY-MM-DD: `2025-12-01`, `1 Dec`, `Dec 1, 2025`, `1. Dezember`, `1er déc.`,
 * `1.12.2025`; a month is any language's name or its first three letters or more, when they name one month.
 * Without a year, the day nearest `near` (YYYY-MM-DD: the story's newest edition). Undefined for anything else,
 * or a day the calendar does not have.
 */
export function readDate(typed: string, near: string): string | undefined {
  const text = typed.trim().toLowerCase();
  let parts: { day: number; month: number; year?: number } | undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})?$/.exec(text);
  if (iso) parts = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  else if (dotted) parts = { day: Number(dotted[1]), month: Number(dotted[2]), ...(dotted[3] ? { year: Number(dotted[3]) } : {}) };
  else {
    const words = plainWord(text).replace(/,/g, ' ').split(/\s+/).filter(Boolean);
    const days = words.flatMap((word) => /^(\d{1,2})(?:st|nd|rd|th|er)?$/.exec(word)?.[1] ?? []);
    const years = words.filter((word) => /^\d{4}$/.test(word));
    const months = words.filter((word) => /^\p{L}{3,}$/u.test(word)).flatMap((word) => {
      const named = MONTH_NAMES.flatMap((names, month) => (names.some((name) => name.startsWith(word)) ? [month + 1] : []));
      return named.length === 1 ? named : [];
    });
    if (days.length !== 1 || months.length !== 1 || years.length > 1 || words.length !== days.length + months.length + years.length) return undefined;
    parts = { day: Number(days[0]), month: months[0]!, ...(years[0] ? { year: Number(years[0]) } : {}) };
  }
  if (!parts || parts.month < 1 || parts.month > 12 || parts.day < 1) return undefined;
  const { day, month } = parts;
  const nearYear = Number(near.slice(0, 4));
  const candidates = parts.year !== undefined ? [parts.year] : [nearYear - 1, nearYear, nearYear + 1];
  const valid = candidates.map((year) => `${year}-${pad(month)}-${pad(day)}`).filter((date) => new Date(`${date}T00:00:00Z`).toISOString().startsWith(date));
  const distance = (date: string) => Math.abs(Date.parse(date) - Date.parse(near));
  return valid.sort((a, b) => distance(a) - distance(b))[0];
}

const STYLES = {
  /** `26 Nov 2025` */
  day: { day: 'numeric', month: 'short', year: 'numeric' },
  /** `Mon, 30 Nov 2026, 08:00` */
  dayAndTime: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  /** `2025-11-26`, for comparing calendar days */
  isoDay: { year: 'numeric', month: '2-digit', day: '2-digit' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof STYLES;

const formats = new Map<string, Intl.DateTimeFormat>();
/** ICU's tags for the languages: en-GB writes `Mon 30 Nov 2026, 08:00`, day first, as the other replies do. */
const DATE_TAGS: Record<Locale, string> = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR' };

/**
 * An instant in a time zone, in one of the bot's styles (recap times, and the content checker). Briefing
 * replies need none: the first formatter pages in 8 MB of ICU data (bench: RSS against a bare client).
 */
export function formatInZone(instant: Date | string, timeZone: string, style: DateStyle, locale: Locale): string {
  const tag = style === 'isoDay' ? 'en-CA' : DATE_TAGS[locale];
  const key = `${style}|${timeZone}|${tag}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, { ...STYLES[style], timeZone });
    formats.set(key, format);
  }
  const text = format.format(typeof instant === 'string' ? new Date(instant) : instant);
  // en-GB abbreviates September as "Sept"; every other month has three letters.
  return locale === 'en' ? text.replace('Sept', 'Sep') : text;
}
