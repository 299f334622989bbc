// How briefing content reads in Discord: dates, source citations, labels for claims and commentary,
// and the blocks for a quote, a position or an event. Every item is shown with its source, with what
// replaced it in a later edition, and with its corrections.
import type { Briefing, Edition, InEdition, ItemKind } from '../briefing/briefing.js';
import type { EditionProblem } from '../briefing/editions.js';
import { correctionsOf } from '../briefing/queries.js';
import type { Actor, Position, Quote, Standing, TimelineEvent, WhatsNext } from '../briefing/schema.js';
import { whatsNextText } from '../briefing/whats-next.js';
import type { Block, Repeat } from './document.js';
import type { Messages } from '../i18n/messages.js';
import { formatDate, formatLocalDate } from '../time/dates.js';
import { literal } from './text.js';

/** `26 Nov 2025`: the day an edition was published, in its own time zone (most replies' footers show it). */
export function editionDate(t: Messages, edition: Pick<Edition, 'published'>): string {
  // `published` is written with the offset of the edition's zone (content:check verifies it).
  return formatLocalDate(edition.published, t.locale);
}

/** The footer of most replies: which edition of the briefing they come from (footers show no Markdown). */
export function briefingFooter(t: Messages, briefing: Briefing): string {
  return t.item.briefingFooter(editionDate(t, briefing.latest));
}

/** `1–7 Dec 2025` for a span, else one date. */
function formatDateSpan(t: Messages, start: string, end: string | undefined): string {
  if (!end || end === start) return formatDate(start, t.locale);
  const [startText, endText] = [formatDate(start, t.locale), formatDate(end, t.locale)];
  if (start.slice(0, 7) === end.slice(0, 7)) return `${startText.split(' ')[0]}–${endText}`;
  return `${startText} – ${endText}`;
}

function standingLabel(t: Messages, standing: Standing): string | undefined {
  return standing === 'fact' ? undefined : t.item[standing];
}

/**
 * `publisher, "title", 25 Nov 2025, read in blue News (Keystone-SDA)`, linked when the URL is known; the date
 * is left out when the line already shows it (`shownDate`), so a line carries one date.
 */
export function citeSource(t: Messages, briefing: Briefing, sourceId: string, shownDate?: string): string {
  const source = briefing.sourceById.get(sourceId);
  if (!source) return literal(sourceId);
  const title = source.url ? `[${literal(source.title)}](${source.url})` : t.quote(literal(source.title));
  const via = source.via ? briefing.sourceById.get(source.via) : undefined;
  const date = source.date === shownDate ? '' : `, ${formatDate(source.date, t.locale)}`;
  return `${literal(source.publisher)}, ${title}${date}${via ? `, ${t.item.readIn(literal(via.publisher))}` : ''}`;
}

/** A source by its publisher alone, for a list whose page names each source in full once (`pageNotes`). */
export function sourceTag(briefing: Briefing, sourceId: string): string {
  return literal(briefing.sourceById.get(sourceId)?.publisher ?? sourceId);
}

/** The page's sources in full, once each, an entry a line: what a list citing them by publisher alone ends with. */
export function sourceNotes(t: Messages, briefing: Briefing, sourceIds: readonly string[]): string[] {
  return sourceIds.map((id) => `• ${citeSource(t, briefing, id)}`);
}

export function actorName(briefing: Briefing, actorId: string): string {
  const actor = briefing.actorById.get(actorId);
  if (!actor) return literal(actorId);
  return literal(actor.name);
}

/** One line describing who an actor is: role and affiliation. */
export function describeActor(actor: Actor): string {
  return `${literal(actor.role)} · ${literal(actor.affiliation)}`;
}

/** The mark after a quote's words that says how they relate to what the speaker said (the /quotes legend explains it). */
export function translationMark(t: Messages, translation: Quote['translation']): string {
  return translation === 'none' ? '' : ` *${translation === 'translated' ? t.item.translated : t.item.backTranslated}*`;
}

function quoted(t: Messages, quote: Quote): string {
  return `> ${t.quote(literal(quote.text))}${translationMark(t, quote.translation)}`;
}

/** `25 Nov 2025`, or `reported 26 Nov 2025` when the source gives only the day it carried the words. */
function itemDate(t: Messages, item: Pick<Quote, 'date' | 'dated'>): string {
  const date = formatDate(item.date, t.locale);
  return item.dated === 'reported' ? t.item.reported(date) : date;
}

/** The heading of a quote in a list: label, speaker and date. */
export function quoteHeading(t: Messages, briefing: Briefing, quote: Quote): string {
  const label = standingLabel(t, quote.standing);
  return `${label ? `${label} · ` : ''}${actorName(briefing, quote.speaker)} · ${itemDate(t, quote)}`;
}

/**
 * What a later edition did to an item: what replaced it, and each correction (saying what was wrong). A
 * correction of several items says what was wrong under the first of them a page shows, and refers to it
 * under the others (`repeats`).
 */
function laterNotes(t: Messages, briefing: Briefing, kind: ItemKind, id: string): { lines: string[]; repeats: Repeat[] } {
  const lines: string[] = [];
  const replacement = briefing.replacedBy.get(`${kind}:${id}`);
  if (replacement) {
    const { item } = replacement;
    const now = 'stance' in item ? item.stance : 'title' in item ? t.labelled(formatDateSpan(t, item.date, item.endDate), item.title) : item.text;
    lines.push(`⤷ *${t.item.superseded(editionDate(t, replacement.edition))}* ${literal(now)}`);
  }
  const repeats: Repeat[] = [];
  for (const correction of correctionsOf(briefing, kind, id)) {
    const line = correctedNote(t, correction.date, literal(correction.wrong));
    lines.push(line);
    if (correction.items.length > 1) repeats.push({ line, again: `✏️ ${t.item.correctedAbove(formatDate(correction.date, t.locale))}` });
  }
  return { lines, repeats };
}

/** A block of `lines` showing `items` and the notes of later editions, which it may share with other blocks. */
function withLaterNotes(lines: readonly string[], later: ReturnType<typeof laterNotes>, sources: readonly string[], items: readonly string[]): Block {
  return { text: [...lines, ...later.lines].join('\n'), sources, items, ...(later.repeats.length > 0 ? { repeats: later.repeats } : {}) };
}

/** `✏️ *Corrected 3 Dec 2025:* what was wrong` */
export function correctedNote(t: Messages, date: string, text: string): string {
  return `✏️ ${t.item.correctedNote(formatDate(date, t.locale))} ${text}`;
}

/** A quote in full: words, translation note, other renderings, context and source. */
export function quoteBlock(t: Messages, briefing: Briefing, quote: Quote, citation: 'full' | 'tag' = 'full'): Block {
  const lines = [quoted(t, quote)];
  if (quote.translation !== 'none' && quote.translationNote) lines.push(t.item.translation(literal(quote.translationNote)));
  for (const rendering of quote.renderings) {
    lines.push(t.item.alsoRendered(literal(rendering.text), literal(briefing.sourceById.get(rendering.source)?.publisher ?? rendering.source)));
  }
  lines.push(t.item.context(literal(quote.context)));
  const cited = citation === 'tag' ? sourceTag(briefing, quote.source) : citeSource(t, briefing, quote.source, quote.date);
  lines.push(`${t.item.source(cited)} · ${t.item.quoteKinds[quote.kind]}`);
  return withLaterNotes(lines, laterNotes(t, briefing, 'quote', quote.id), [quote.source, ...quote.renderings.map((rendering) => rendering.source)], [`quote:${quote.id}`]);
}

/** A position: stance (labelled when it is a claim or commentary), detail, supporting quotes, date and source. */
export function positionBlock(t: Messages, briefing: Briefing, position: Position): Block {
  const label = standingLabel(t, position.standing);
  const stance = `**${literal(position.stance)}**`;
  const lines = [label ? t.labelled(label, stance) : stance];
  if (position.detail) lines.push(literal(position.detail));
  const supporting = position.quotes.flatMap((id) => briefing.quoteById.get(id) ?? []);
  for (const quote of supporting) {
    const speaker = quote.speaker === position.actor ? '' : ` — ${actorName(briefing, quote.speaker)}`;
    lines.push(`${quoted(t, quote)}${speaker}`);
  }
  lines.push(`${itemDate(t, position)} · ${t.item.source(citeSource(t, briefing, position.source, position.date))}`);
  const earlier = position.supersedes ? briefing.positionById.get(position.supersedes) : undefined;
  if (earlier) lines.push(t.item.earlier(itemDate(t, earlier), literal(earlier.stance)));
  return withLaterNotes(
    lines,
    laterNotes(t, briefing, 'position', position.id),
    [position.source, ...supporting.map((quote) => quote.source)],
    [`position:${position.id}`, ...supporting.map((quote) => `quote:${quote.id}`)],
  );
}

/** A planned or expected event whose last day is before `today` (YYYY-MM-DD): it did not happen as announced, or no one has said. */
export function isOverdue<Event extends TimelineEvent>(event: Event, today: string): event is Event & { status: 'planned' | 'expected' } {
  return (event.status === 'planned' || event.status === 'expected') && (event.endDate ?? event.date) < today;
}

/**
 * One timeline line: date, title and whether it happened, was reported, or is still to come on `today`
 * (YYYY-MM-DD). A planned event whose day has passed with no later report says so, never "planned".
 */
export function eventLine(t: Messages, briefing: Briefing, event: InEdition<TimelineEvent>, today: string): Block {
  return { text: eventHeadline(t, briefing, event, isOverdue(event, today)), sources: [event.source], items: [`event:${event.id}`] };
}

function eventHeadline(t: Messages, briefing: Briefing, event: InEdition<TimelineEvent>, overdue: boolean): string {
  const when = formatDateSpan(t, event.date, event.endDate);
  const { status } = event;
  const mark = overdue && (status === 'planned' || status === 'expected') ? overdueMark(t, { ...event, status }, briefing.replacedBy.has(`event:${event.id}`)) : status === 'happened' ? '' : ` *${t.item.eventStatus[status]}*`;
  return `**${when}** ${literal(event.title)}${mark}`;
}

/** ` *(was planned for 26 Nov 2025; no later report in this briefing)*`: what a planned event whose day has passed says. */
function overdueMark(t: Messages, event: TimelineEvent & { status: 'planned' | 'expected' }, reportedLater: boolean): string {
  return ` *${t.item.overdue(event.status, formatDateSpan(t, event.date, event.endDate), reportedLater)}*`;
}

/**
 * A What's next item, under the time rule of the timeline: one about events that are all past their day (on
 * `today`, YYYY-MM-DD) says so, as the last of them does in /timeline.
 */
export function whatsNextLine(t: Messages, briefing: Briefing, item: WhatsNext, today: string): string {
  const line = `• ${literal(whatsNextText(item))}`;
  const events = typeof item === 'string' ? [] : item.events.flatMap((id) => briefing.eventById.get(id) ?? []);
  const overdue = events.filter((event) => isOverdue(event, today));
  if (events.length === 0 || overdue.length < events.length) return line;
  const last = overdue.reduce((latest, event) => ((event.endDate ?? event.date) > (latest.endDate ?? latest.date) ? event : latest));
  // "No later report" only when none of them has one: a report of one event is not silence about all.
  const reportedLater = overdue.some((event) => briefing.replacedBy.has(`event:${event.id}`));
  return `${line}${overdueMark(t, last, reportedLater)}`;
}

/**
 * An event in full: date span, title and status, detail, source, and what later editions said of it. The
 * day matters only through `overdue` (see isOverdue), so one block serves every day.
 */
export function timelineBlock(t: Messages, briefing: Briefing, event: InEdition<TimelineEvent>, overdue: boolean): Block {
  const lines = [eventHeadline(t, briefing, event, overdue)];
  if (event.detail) lines.push(literal(event.detail));
  lines.push(t.item.source(citeSource(t, briefing, event.source)));
  return withLaterNotes(lines, laterNotes(t, briefing, 'event', event.id), [event.source], [`event:${event.id}`]);
}

/**
 * Lines that say how current a reply is: an older edition names the newest one, and a briefing whose newest
 * edition is more than `staleAfterDays` old says when it was last updated.
 */
export function readerNotes(t: Messages, briefing: Briefing, now: Date, staleAfterDays: number): string[] {
  const notes: string[] = [];
  if (briefing.latest !== briefing.newest) notes.push(t.item.olderEdition(editionDate(t, briefing.latest), editionDate(t, briefing.newest)));
  const days = Math.floor((now.getTime() - Date.parse(briefing.newest.published)) / 86_400_000);
  if (days > staleAfterDays) notes.push(t.item.stale(editionDate(t, briefing.newest), days));
  return notes;
}

/** Why no edition can be shown, in the reader's language (an unknown id as the caller wants it shown). */
export function editionProblem(t: Messages, problem: EditionProblem): string {
  if (problem.kind === 'none-by') return t.edition.noneBy(formatDate(problem.date, t.locale));
  return problem.kind === 'not-yet' ? t.edition.notYet(problem.id) : t.edition.unknown(problem.id);
}

/** The calendar day of `now`, UTC: an event is overdue only once its last day is over everywhere near. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
