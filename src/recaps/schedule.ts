// Recap schedules: the presets people type ("daily 08:00", "weekdays 07:30", "weekly mon 09:00") or a
// cron expression node-cron accepts, and the run times they produce in a time zone.
//
// Daylight saving time follows node-cron 4's rule, stated here because people ask: a local time that
// does not exist on the spring-forward day (02:30 in Europe/Zurich on 29 March 2026) is skipped that day;
// a local time that happens twice on the fall-back day runs once, at its second occurrence.
import cron from 'node-cron';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

export type ParsedSchedule = { cron: string } | { problem: string };

export const SCHEDULE_HELP = 'Use `daily 08:00`, `weekdays 07:30`, `weekly monday 09:00`, or a cron expression like `0 8 * * 1-5`.';

/** A preset or cron expression -> the cron expression to run. */
export function parseSchedule(text: string): ParsedSchedule {
  const words = text.trim().toLowerCase().split(/\s+/);
  const at = (time: string | undefined) => (time ? TIME.exec(time) : null);
  const [kind, first, second] = words;
  if (kind === 'daily' || kind === 'weekdays') {
    const time = at(first);
    if (!time || words.length !== 2) return { problem: `"${kind}" needs a time like 08:00. ${SCHEDULE_HELP}` };
    return { cron: `${Number(time[2])} ${Number(time[1])} * * ${kind === 'daily' ? '*' : '1-5'}` };
  }
  if (kind === 'weekly') {
    // "mon", "monday" and anything between name the day.
    const day = first && first.length >= 3 ? DAYS.findIndex((name) => name.startsWith(first)) : -1;
    const time = at(second);
    if (day < 0 || !time || words.length !== 3) {
      return { problem: `"weekly" needs a day and a time, like \`weekly monday 09:00\`. ${SCHEDULE_HELP}` };
    }
    return { cron: `${Number(time[2])} ${Number(time[1])} * * ${day}` };
  }
  const expression = text.trim().replace(/\s+/g, ' ');
  if ((expression.split(' ').length === 5 || expression.split(' ').length === 6) && cron.validate(expression)) return { cron: expression };
  return { problem: `I can't read "${text.trim().slice(0, 60)}" as a schedule. ${SCHEDULE_HELP}` };
}

/** The next `count` run times of a cron expression in a time zone, as node-cron will run them. */
export function nextRuns(cronExpression: string, timeZone: string, count: number): Date[] {
  const task = cron.createTask(cronExpression, () => undefined, { timezone: timeZone });
  try {
    return task.getNextRuns(count);
  } finally {
    void task.destroy();
  }
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
