// Recap schedules: the presets people type ("daily 08:00", "weekdays 07:30", "weekly mon 09:00") or a
// cron expression node-cron accepts, and the run times they produce in a time zone.
//
// Daylight saving time, stated here because people ask: a local time that does not exist on the
// spring-forward day (02:30 in Europe/Zurich on 29 March 2026) is skipped that day; a local time that
// happens twice on the fall-back day runs once, at its FIRST occurrence, in every zone. (node-cron 4
// alone picks the second in Europe/Zurich and Australia/Sydney but the first in America/New_York, so
// its run times are moved to the first occurrence here.)
import cron from 'node-cron';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** A clock schedule (a cron expression), or once for each new edition (cron ''). */
export type ParsedSchedule = { trigger: 'clock' | 'new-edition'; cron: string } | { problem: string };

export const SCHEDULE_HELP = 'Use `daily 08:00`, `weekdays 07:30`, `weekly monday 09:00`, `on new edition`, or a cron expression like `0 8 * * 1-5`.';

/** How people write "post when editors publish an edition". */
const ON_NEW_EDITION = /^(on[ -])?new[ -]edition$/;

/** A preset or cron expression -> the cron expression to run. */
export function parseSchedule(text: string): ParsedSchedule {
  if (ON_NEW_EDITION.test(text.trim().toLowerCase().replace(/\s+/g, ' '))) return { trigger: 'new-edition', cron: '' };
  const words = text.trim().toLowerCase().split(/\s+/);
  const at = (time: string | undefined) => (time ? TIME.exec(time) : null);
  const [kind, first, second] = words;
  if (kind === 'daily' || kind === 'weekdays') {
    const time = at(first);
    if (!time || words.length !== 2) return { problem: `"${kind}" needs a time like 08:00. ${SCHEDULE_HELP}` };
    return { trigger: 'clock', cron: `${Number(time[2])} ${Number(time[1])} * * ${kind === 'daily' ? '*' : '1-5'}` };
  }
  if (kind === 'weekly') {
    // "mon", "monday" and anything between name the day.
    const day = first && first.length >= 3 ? DAYS.findIndex((name) => name.startsWith(first)) : -1;
    const time = at(second);
    if (day < 0 || !time || words.length !== 3) {
      return { problem: `"weekly" needs a day and a time, like \`weekly monday 09:00\`. ${SCHEDULE_HELP}` };
    }
    return { trigger: 'clock', cron: `${Number(time[2])} ${Number(time[1])} * * ${day}` };
  }
  const expression = text.trim().replace(/\s+/g, ' ');
  if ((expression.split(' ').length === 5 || expression.split(' ').length === 6) && cron.validate(expression)) return { trigger: 'clock', cron: expression };
  return { problem: `I can't read "${text.trim().slice(0, 60)}" as a schedule. ${SCHEDULE_HELP}` };
}

/**
 * The next `count` run times of a cron expression in a time zone, as the scheduler runs them: a
 * repeated wall-clock time on a fall-back day at its first occurrence, and once.
 */
export function nextRuns(cronExpression: string, timeZone: string, count: number): Date[] {
  const task = cron.createTask(cronExpression, () => undefined, { timezone: timeZone });
  try {
    const runs: Date[] = [];
    const now = Date.now();
    // One more than asked: a second occurrence moved onto a first one already listed is dropped.
    for (const run of task.getNextRuns(count + 1)) {
      const first = firstOccurrence(run, timeZone);
      if (first.getTime() <= now && first.getTime() !== run.getTime()) continue; // Its first occurrence has passed: it ran then.
      if (runs.some((listed) => listed.getTime() === first.getTime())) continue;
      runs.push(first);
    }
    return runs.slice(0, count);
  } finally {
    void task.destroy();
  }
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

function wallClock(date: Date, timeZone: string): string {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    wallClockFormats.set(timeZone, format);
  }
  return format.format(date);
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
