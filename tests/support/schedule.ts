// Schedules for tests and benchmarks that need a recap due at a known moment.

/** A six-field cron expression (seconds first, read in UTC) that fires once, at `at` (to the second). */
export function cronAt(at: Date): string {
  return `${at.getUTCSeconds()} ${at.getUTCMinutes()} ${at.getUTCHours()} ${at.getUTCDate()} ${at.getUTCMonth() + 1} *`;
}

/** The whole second `seconds` from now. */
export function secondsFromNow(seconds: number): Date {
  const at = new Date(Date.now() + seconds * 1000);
  at.setUTCMilliseconds(0);
  return at;
}
