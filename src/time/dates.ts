// Dates as the bot writes them: `25 Nov 2025` for calendar dates, and instants in a reader's time zone.
// One formatter per (zone, style), made on first use: ICU data is paged in only when a date is shown.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2025-12-03T23:30:00+01:00` -> `3 Dec 2025`: the calendar day of a time written with its local offset, with no ICU needed. */
export function formatLocalDate(isoWithOffset: string): string {
  return formatDate(isoWithOffset.slice(0, 10));
}

/** `2025-11-25` -> `25 Nov 2025`. Content dates are calendar dates, so no time zone applies. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1]!.slice(0, 3)} ${year}`;
}

/** `2025-11` -> `November 2025`. */
export function formatMonth(isoMonth: string): string {
  const [year, month] = isoMonth.split('-');
  return `${MONTHS[Number(month) - 1]} ${year}`;
}

const STYLES = {
  /** `26 Nov 2025` */
  day: { day: 'numeric', month: 'short', year: 'numeric' },
  /** `Mon 30 Nov 2026, 08:00` */
  dayAndTime: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  /** `2025-11-26`, for comparing calendar days */
  isoDay: { year: 'numeric', month: '2-digit', day: '2-digit' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof STYLES;

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant in a time zone, in one of the bot's styles (recap times, and the content checker). Briefing
 * replies need none: the first formatter pages in 8 MB of ICU data (bench: RSS against a bare client).
 */
export function formatInZone(instant: Date | string, timeZone: string, style: DateStyle): string {
  const key = `${style}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(style === 'isoDay' ? 'en-CA' : 'en-GB', { ...STYLES[style], timeZone });
    formats.set(key, format);
  }
  // en-GB abbreviates September as "Sept"; every other month has three letters.
  return format.format(typeof instant === 'string' ? new Date(instant) : instant).replace('Sept', 'Sep');
}
