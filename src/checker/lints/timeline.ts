// Lint: each edition's timeline reads oldest first, and nothing that happened (or was reported) is
// dated after the edition that tells of it was published.
import type { Edition, InEdition } from '../../briefing/briefing.js';
import type { TimelineEvent } from '../../briefing/schema.js';
import { formatDate, formatInZone } from '../../time/dates.js';
import type { Lint } from '../lint.js';

const PAST: ReadonlySet<TimelineEvent['status']> = new Set(['happened', 'reported']);

/** The calendar date, YYYY-MM-DD, on which the edition was published in its own time zone. */
function publicationDay(edition: Edition): string {
  return formatInZone(edition.published, edition.timeZone, 'isoDay', 'en');
}

export const timelineDates: Lint = ({ briefing, locator }) => {
  const findings = [];
  for (const edition of briefing.editions) {
    const fileIndex = (event: InEdition<TimelineEvent>) => Number(locator.at('event', event.id).path[1]);
    const events = briefing.timeline.filter((event) => event.edition === edition.id).sort((a, b) => fileIndex(a) - fileIndex(b));
    events.forEach((event, index) => {
      const previous = events[index - 1];
      if (previous && event.date < previous.date) {
        findings.push(
          locator.finding('event', event.id, ['date'], `out of date order: it comes after "${previous.id}" (${formatDate(previous.date, 'en')}); keep the timeline oldest first`, 'warning'),
        );
      }
    });
    const published = publicationDay(edition);
    for (const event of events.filter((candidate) => PAST.has(candidate.status))) {
      const last = event.endDate ?? event.date;
      if (last > published) {
        findings.push(
          locator.finding(
            'event',
            event.id,
            [event.endDate ? 'endDate' : 'date'],
            `marked ${event.status} but dated ${formatDate(last, 'en')}, after the edition was published (${formatDate(published, 'en')}): use planned or expected, or fix the date`,
            'error',
          ),
        );
      }
    }
  }
  return findings;
};
