// /timeline [from] [to]: the story's events, oldest first, each with its dates, whether it happened, was
// reported or is still to come, what it was, and its source; grouped by month, paginated.
import { SlashCommandBuilder } from '../src/render/discordjs.js';
import type { Briefing } from '../src/briefing/briefing.js';
import type { TimelineEvent } from '../src/briefing/schema.js';
import { defineBriefingCommand } from '../src/command/briefing-command.js';
import { UserError } from '../src/command/command.js';
import { editionOption } from '../src/command/edition.js';
import { echo } from '../src/command/resolve.js';
import type { Block, Section } from '../src/render/document.js';
import { briefingFooter, isOverdue, timelineBlock, utcDay } from '../src/render/format.js';
import { LIMITS } from '../src/render/limits.js';
import { oncePerView } from '../src/render/per-view.js';
import type { Choice } from '../src/render/reply.js';
import type { Messages } from '../src/i18n/messages.js';
import { literal, truncate } from '../src/render/text.js';
import { formatDate, formatMonth, readDate } from '../src/time/dates.js';

/** Whether an event's dates overlap [from, to]; either end may be open. */
function inRange(event: TimelineEvent, from: string | undefined, to: string | undefined): boolean {
  return (from === undefined || (event.endDate ?? event.date) >= from) && (to === undefined || event.date <= to);
}

/** Each event's block by its position in the timeline, made once per view and language, in its two forms: before and after it is overdue. */
const eventBlocks = [false, true].map((overdue) =>
  oncePerView((briefing) => briefing.timeline, (t, briefing, position) => timelineBlock(t, briefing, briefing.timeline[position]!, overdue)),
);

/** The events in [from, to], as sections by month. */
function byMonth(t: Messages, briefing: Briefing, from: string | undefined, to: string | undefined, today: string): Section[] {
  const [onTime, overdue] = eventBlocks.map((blocks) => blocks(t, briefing));
  const sections: { month: string; blocks: Block[] }[] = [];
  briefing.timeline.forEach((event, position) => {
    if (!inRange(event, from, to)) return;
    const month = event.date.slice(0, 7);
    if (sections[sections.length - 1]?.month !== month) sections.push({ month, blocks: [] });
    sections[sections.length - 1]!.blocks.push(isOverdue(event, today) ? overdue!(position) : onTime!(position));
  });
  return sections.map(({ month, blocks }) => ({ name: formatMonth(month, t.locale), blocks }));
}

export const timeline = defineBriefingCommand({
  data: new SlashCommandBuilder()
    .setName('timeline')
    .setDescription('What happened when, and what is expected next, with sources')
    .addStringOption((option) => option.setName('from').setDescription('First day, YYYY-MM-DD, e.g. 2025-11-25').setAutocomplete(true))
    .addStringOption((option) => option.setName('to').setDescription('Last day, YYYY-MM-DD, e.g. 2025-12-07').setAutocomplete(true))
    .addStringOption(editionOption),
  pageOptions: ['from', 'to'],
  build({ briefing, now }, options, t) {
    const date = (day: string) => formatDate(day, t.locale);
    const dates: Partial<Record<'from' | 'to', string>> = {};
    for (const name of ['from', 'to'] as const) {
      const value = options[name];
      if (typeof value !== 'string' || value.trim() === '') continue;
      // `1 Dec` as well as 2025-12-01: a day without its year is the one nearest the newest edition.
      const day = readDate(value, briefing.newest.published.slice(0, 10));
      if (!day) throw new UserError(t.timeline.notADate(echo(t, value), name));
      dates[name] = day;
    }
    const { from, to } = dates;
    if (from && to && from > to) {
      throw new UserError(t.timeline.backwards(date(from), date(to), from, to));
    }
    // `from 25 Nov 2025 to 1 Dec 2025`, `from 25 Nov 2025`, `up to 1 Dec 2025`, or nothing.
    const range = t.timeline.range(from && date(from), to && date(to));
    const sections = byMonth(t, briefing, from, to, utcDay(now));
    if (sections.length === 0) {
      const first = briefing.timeline[0]!;
      const last = briefing.timeline[briefing.timeline.length - 1]!;
      throw new UserError(t.timeline.noEvents(range, date(first.date), date(last.endDate ?? last.date)));
    }
    return {
      document: {
        title: t.timeline.title(literal(briefing.story.title)),
        description: `${t.timeline.description(sections.reduce((count, section) => count + section.blocks.length, 0), range)}\n${t.timeline.legend}`,
        sections,
        footer: briefingFooter(t, briefing),
      },
      pageArgs: [from ?? '', to ?? ''],
    };
  },
  autocomplete({ briefing }, focused, _options, t) {
    return dateChoices(t, briefing, focused.value);
  },
});

/** The days events start or end on, matching what was typed: `25 Nov 2025 · 7 events`. */
function dateChoices(t: Messages, briefing: Briefing, typed: string): Choice[] {
  const query = typed.trim().toLowerCase();
  return eventDays(t, briefing)
    .filter(({ day, label }) => day.startsWith(query) || label.toLowerCase().includes(query))
    .slice(0, LIMITS.autocompleteChoices)
    .map(({ day, label }) => ({ name: label, value: day }));
}

/** Every day an event starts or ends on, in order, labelled `25 Nov 2025 · 7 events`. */
function eventDays(t: Messages, briefing: Briefing): { day: string; label: string }[] {
  const eventsOn = new Map<string, TimelineEvent[]>();
  for (const event of briefing.timeline) {
    for (const day of new Set([event.date, event.endDate ?? event.date])) {
      const on = eventsOn.get(day);
      if (on) on.push(event);
      else eventsOn.set(day, [event]);
    }
  }
  return [...eventsOn.keys()].sort().map((day) => {
    const on = eventsOn.get(day)!;
    const what = on.length === 1 ? on[0]!.title : t.timeline.events(on.length);
    return { day, label: truncate(`${formatDate(day, t.locale)} · ${what}`, LIMITS.choiceName) };
  });
}
