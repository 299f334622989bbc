// Recap schedules: the presets people type ("daily 08:00", "weekdays 07:30", "weekly mon 09:00") or a
// cron expression (five fields, or six with seconds first), and the run times they produce in a time zone.
//
// Daylight saving time, stated here because people ask: a local time that does not exist on the
// spring-forward day (02:30 in Europe/Zurich on 29 March 2026) is skipped that day; a local time that
// happens twice on the fall-back day runs once, at its FIRST occurrence, in every zone. (croner finds the
// wall-clock times; nextRuns places each in the zone, so this rule is this file's, not the library's.)
import { Cron, type CronOptions } from 'croner';
import { en } from '../i18n/en.js';
import type { Messages } from '../i18n/messages.js';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** `8`, `08:00`, `8am`, `7:30 pm`: a time of day as people write it (the hours and minutes are checked after). */
const TIME = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/;

/** A clock schedule (a cron expression), or once for each new edition (cron ''). */
export type ParsedSchedule = { trigger: 'clock' | 'new-edition'; cron: string } | { problem: string };

/** How people write "post when editors publish an edition". */
const ON_NEW_EDITION = /^(on )?new edition$/;

type Time = { hour: number; minute: number } | { problem: string };

/** A time of day, or what is wrong with it (`25:00`, `13pm`). */
function timeOfDay(t: Messages, text: string): Time | undefined {
  const match = TIME.exec(text);
  if (!match) return undefined;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  const half = match[3];
  if (half && (hour < 1 || hour > 12)) return { problem: t.schedule.halfDayHours(text) };
  if (half) hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  if (hour > 23 || minute > 59) return { problem: t.schedule.clockHours(text) };
  return { hour, minute };
}

/**
 * The words of a schedule, with the filler people add dropped: "every day at 8" is "daily 8", "every monday
 * at 9am" and "mondays 9am" are "weekly monday 9am", "twice a day" is "twice daily".
 */
function words(text: string): string[] {
  const plain = ` ${text.trim().toLowerCase().replace(/[-,]/g, ' ').replace(/\s+/g, ' ')} `
    .replace(/ (\d{1,2}(?::\d{2})?) (am|pm) /g, ' $1$2 ')
    .replace(/ every (day|morning|evening) /, ' daily ')
    .replace(/ every weekday /, ' weekdays ')
    .replace(/ every hour /, ' hourly ')
    .replace(/ twice (a day|per day|a daily) /, ' twice daily ')
    .replace(/ every (mon|tue|wed|thu|fri|sat|sun)/, ' weekly $1')
    .replace(/ (monday|tuesday|wednesday|thursday|friday|saturday|sunday)s /, ' weekly $1 ')
    .replace(/ (at|on) /g, ' ');
  return plain.trim().split(' ').filter(Boolean);
}

/**
 * A preset as people type it (a time alone, `7am`, is daily), or a cron expression -> what to run; a refusal
 * echoes the input and shows what works, in the admin's language (`t`; the operator's RECAP_SCHEDULE is read in
 * English), offering `hourly` only to whoever may use it (`hourly`: the operator, not a server's admins).
 */
export function parseSchedule(text: string, t: Messages = en, { hourly = true }: { hourly?: boolean } = {}): ParsedSchedule {
  const typed = text.trim().slice(0, 60);
  const refuse = (why: string) => ({ problem: `${why} ${t.schedule.help(hourly)}` });
  const parts = words(text);
  if (ON_NEW_EDITION.test(parts.join(' '))) return { trigger: 'new-edition', cron: '' };
  // A time alone, written as one (`7am`, `07:30`, not a bare `7`), is every day.
  if (parts.length === 1 && /[:apm]/.test(parts[0]!) && timeOfDay(t, parts[0]!)) parts.unshift('daily');
  const [kind, ...rest] = parts;
  const times = (list: readonly string[]) => list.map((part) => timeOfDay(t, part));
  const clock = (list: readonly string[], days: string) => {
    const parsed = times(list);
    if (parsed.length === 0 || parsed.some((time) => time === undefined)) return refuse(t.schedule.needsTime(kind ?? '', typed));
    const wrong = parsed.find((time): time is { problem: string } => time !== undefined && 'problem' in time);
    if (wrong) return refuse(wrong.problem);
    const valid = parsed as { hour: number; minute: number }[];
    const minutes = [...new Set(valid.map((time) => time.minute))];
    if (minutes.length > 1) return refuse(t.schedule.sameMinutes(typed));
    return { trigger: 'clock' as const, cron: `${minutes[0]} ${valid.map((time) => time.hour).join(',')} * * ${days}` };
  };
  if (kind === 'hourly' && rest.length === 0) return { trigger: 'clock', cron: '0 * * * *' };
  if ((kind === 'daily' || kind === 'weekdays') && rest.length === 1) return clock(rest, kind === 'daily' ? '*' : '1-5');
  if (kind === 'twice' && rest[0] === 'daily' && rest.length === 3) return clock(rest.slice(1), '*');
  if (kind === 'weekly' && rest.length === 2) {
    // "mon", "monday" and anything between name the day.
    const day = rest[0]!.length >= 3 ? DAYS.findIndex((name) => name.startsWith(rest[0]!)) : -1;
    if (day < 0) return refuse(t.schedule.notADay(typed, rest[0]!));
    return clock(rest.slice(1), String(day));
  }
  if (kind === 'daily' || kind === 'weekdays' || kind === 'weekly' || kind === 'twice' || kind === 'hourly') return refuse(t.schedule.unreadable(typed));
  const expression = text.trim().replace(/\s+/g, ' ');
  if (isCronExpression(expression)) return { trigger: 'clock', cron: expression };
  return refuse(t.schedule.unreadable(typed));
}

/**
 * How every schedule is read: five or six fields (no year), and day-of-month AND day-of-week both matching
 * when both are given (`0 8 1 * 1`: a Monday the 1st), as the bot always read them. croner counts on a clock
 * without daylight saving (UTC's, standing for the zone's wall clock): nextRuns places its times in the zone.
 */
const CRON_OPTIONS = { mode: '5-or-6-parts', domAndDow: true, paused: true, utcOffset: 0 } satisfies CronOptions;

/** A cron expression the bot can run: five or six fields, croner reads them, and it runs at least once (not `0 8 31 2 *`). */
function isCronExpression(expression: string): boolean {
  const fields = expression.split(' ').length;
  if (fields !== 5 && fields !== 6) return false;
  try {
    return new Cron(expression, CRON_OPTIONS).nextRun() !== null;
  } catch {
    return false;
  }
}

/**
 * The next `count` run times of a cron expression in a time zone, as the scheduler runs them: each
 * wall-clock time the expression names, at the first instant the zone shows it, if it shows it at all.
 */
export function nextRuns(cronExpression: string, timeZone: string, count: number): Date[] {
  const job = new Cron(cronExpression, CRON_OPTIONS);
  const now = Date.now();
  const runs: Date[] = [];
  for (let wall = job.nextRun(new Date(wallClock(new Date(now), timeZone))); wall && runs.length < count; wall = job.nextRun(wall)) {
    const run = firstInstantShowing(wall.getTime(), timeZone);
    // After a fall-back, a time shown again has run already, at its first occurrence.
    if (run && run.getTime() > now) runs.push(run);
  }
  return runs;
}

const DAY_MS = 24 * 60 * 60_000;

/** The first instant the zone's clock shows `wall` (a wall-clock time as UTC fields), or undefined in a spring-forward gap. */
function firstInstantShowing(wall: number, timeZone: string): Date | undefined {
  // The zone's offsets a day before and a day after: those on both sides of any clock change near `wall`.
  for (const probe of [wall - DAY_MS, wall + DAY_MS]) {
    const candidate = new Date(wall - (wallClock(new Date(probe), timeZone) - probe));
    if (wallClock(candidate, timeZone) === wall) return firstOccurrence(candidate, timeZone);
  }
  return undefined;
}

/** The shifts of a clock change: an hour nearly everywhere, 30 minutes on Lord Howe Island, 2 h in Troll. */
const CLOCK_CHANGES_MS = [60, 30, 120].map((minutes) => minutes * 60_000);

/** The first instant showing the same local wall-clock time as `date` (itself, except in a repeated hour). */
export function firstOccurrence(date: Date, timeZone: string): Date {
  const wall = wallClock(date, timeZone);
  for (const shift of CLOCK_CHANGES_MS) {
    const earlier = new Date(date.getTime() - shift);
    if (wallClock(earlier, timeZone) === wall) return earlier;
  }
  return date;
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time the zone shows at `date`, to the second, as the UTC timestamp of the same fields. */
function wallClock(date: Date, timeZone: string): number {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    wallClockFormats.set(timeZone, format);
  }
  const field = Object.fromEntries(format.formatToParts(date).map(({ type, value }) => [type, Number(value)]));
  return Date.UTC(field.year!, field.month! - 1, field.day, field.hour, field.minute, field.second);
}

/** The shortest gap between consecutive runs among the next few, to refuse schedules that would spam. */
export function shortestGapMinutes(cronExpression: string, timeZone: string): number {
  const runs = nextRuns(cronExpression, timeZone, 6);
  let shortest = Infinity;
  for (let index = 1; index < runs.length; index++) {
    shortest = Math.min(shortest, (runs[index]!.getTime() - runs[index - 1]!.getTime()) / 60_000);
  }
  return shortest;
}

/** Runs of each schedule compared to find two posting at once: 200 days of a daily one, about 20 ms. */
const RUNS_COMPARED = 200;

/**
 * The first time two clock schedules post in the same minute (`daily 08:00` and `weekdays 08:00`; 08:00 in
 * Europe/Zurich and in Europe/Berlin), within the time the next RUNS_COMPARED runs of both cover; if any.
 */
export function sameMinuteRun(a: { cron: string; timezone: string }, b: { cron: string; timezone: string }): Date | undefined {
  const minute = (run: Date) => Math.floor(run.getTime() / 60_000);
  const [runsOfA, runsOfB] = [a, b].map((schedule) => nextRuns(schedule.cron, schedule.timezone, RUNS_COMPARED));
  const covered = Math.min(...[runsOfA!, runsOfB!].map((runs) => (runs.length < RUNS_COMPARED ? Infinity : minute(runs.at(-1)!))));
  const ofB = new Set(runsOfB!.map(minute));
  return runsOfA!.find((run) => minute(run) <= covered && ofB.has(minute(run)));
}
