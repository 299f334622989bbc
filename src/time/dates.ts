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
