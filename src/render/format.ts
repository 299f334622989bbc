// How briefing content reads in Discord: dates, source citations, labels for claims and commentary,
// and the blocks for a quote, a position or an event. Every item is shown with its source, with what
// replaced it in a later edition, and with its corrections.
import type { Briefing, Edition, InEdition, ItemKind } from '../briefing/briefing.js';
import { correctionsOf } from '../briefing/queries.js';
import type { Actor, Position, Quote, Standing, TimelineEvent } from '../briefing/schema.js';
import type { Block } from './document.js';
import { formatDate, formatLocalDate } from '../time/dates.js';
import { literal } from './text.js';

/** `26 Nov 2025`: the day an edition was published, in its own time zone (most replies' footers show it). */
export function editionDate(edition: Pick<Edition, 'published'>): string {
  // `published` is written with the offset of the edition's zone (content:check verifies it).
  return formatLocalDate(edition.published);
}

/** The footer of most replies: which edition of the briefing they come from (footers show no Markdown). */
export function briefingFooter(briefing: Briefing): string {
  return `Briefing edition of ${editionDate(briefing.latest)}`;
}

/** `1–7 Dec 2025` for a span, else one date. */
function formatDateSpan(start: string, end: string | undefined): string {
  if (!end || end === start) return formatDate(start);
  const [startText, endText] = [formatDate(start), formatDate(end)];
  if (start.slice(0, 7) === end.slice(0, 7)) return `${startText.split(' ')[0]}–${endText}`;
  return `${startText} – ${endText}`;
}

const STANDING_LABELS: Record<Standing, string | undefined> = {
  fact: undefined,
  claim: '⚠️ Unverified claim',
  commentary: '💬 Commentary',
};

function standingLabel(standing: Standing): string | undefined {
  return STANDING_LABELS[standing];
}

/**
 * `publisher, "title", 25 Nov 2025, read in blue News (Keystone-SDA)`, linked when the URL is known; the date
 * is left out when the line already shows it (`shownDate`), so a line carries one date.
 */
export function citeSource(briefing: Briefing, sourceId: string, shownDate?: string): string {
  const source = briefing.sourceById.get(sourceId);
  if (!source) return literal(sourceId);
  const title = source.url ? `[${literal(source.title)}](${source.url})` : `“${literal(source.title)}”`;
  const via = source.via ? briefing.sourceById.get(source.via) : undefined;
  const date = source.date === shownDate ? '' : `, ${formatDate(source.date)}`;
  return `${literal(source.publisher)}, ${title}${date}${via ? `, read in ${literal(via.publisher)}` : ''}`;
}

/** A source by its publisher alone, for a list whose page names each source in full once (`pageNotes`). */
export function sourceTag(briefing: Briefing, sourceId: string): string {
  return literal(briefing.sourceById.get(sourceId)?.publisher ?? sourceId);
}

/** The page's sources in full, once each: what a list citing them by publisher alone ends with. */
export function sourceNotes(briefing: Briefing, sourceIds: readonly string[]): string {
  return sourceIds.map((id) => `• ${citeSource(briefing, id)}`).join('\n');
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
export const TRANSLATION_MARKS: Record<Quote['translation'], string> = {
  none: '',
  translated: ' *(translation)*',
  'back-translated': " *(the report's rendering; the exact English may differ)*",
};

function quoted(quote: Quote): string {
  return `> “${literal(quote.text)}”${TRANSLATION_MARKS[quote.translation]}`;
}

const QUOTE_KINDS: Record<Quote['kind'], string> = {
  statement: 'statement',
  interview: 'interview',
  'social-post': 'social post',
  'press-briefing': 'remarks to reporters',
};

/** `25 Nov 2025`, or `reported 26 Nov 2025` when the source gives only the day it carried the words. */
function itemDate(item: Pick<Quote, 'date' | 'dated'>): string {
  return item.dated === 'reported' ? `reported ${formatDate(item.date)}` : formatDate(item.date);
}

/** The heading of a quote in a list: label, speaker and date. */
export function quoteHeading(briefing: Briefing, quote: Quote): string {
  const label = standingLabel(quote.standing);
  return `${label ? `${label} · ` : ''}${actorName(briefing, quote.speaker)} · ${itemDate(quote)}`;
}

/** What a later edition did to an item: what replaced it, and each correction (saying what was wrong). */
function laterNotes(briefing: Briefing, kind: ItemKind, id: string): string[] {
  const notes: string[] = [];
  const replacement = briefing.replacedBy.get(`${kind}:${id}`);
  if (replacement) {
    const { item } = replacement;
    const now = 'stance' in item ? item.stance : 'title' in item ? `${formatDateSpan(item.date, item.endDate)}: ${item.title}` : item.text;
    notes.push(`⤷ *Superseded in the edition of ${editionDate(replacement.edition)}:* ${literal(now)}`);
  }
  for (const correction of correctionsOf(briefing, kind, id)) notes.push(`✏️ *Corrected ${formatDate(correction.date)}:* ${literal(correction.wrong)}`);
  return notes;
}

/** A quote in full: words, translation note, other renderings, context and source. */
export function quoteBlock(briefing: Briefing, quote: Quote, citation: 'full' | 'tag' = 'full'): Block {
  const lines = [quoted(quote)];
  if (quote.translation !== 'none' && quote.translationNote) lines.push(`Translation: ${literal(quote.translationNote)}`);
  for (const rendering of quote.renderings) {
    lines.push(`Also rendered as “${literal(rendering.text)}” (${literal(briefing.sourceById.get(rendering.source)?.publisher ?? rendering.source)})`);
  }
  lines.push(`Context: ${literal(quote.context)}`);
  lines.push(`Source: ${citation === 'tag' ? sourceTag(briefing, quote.source) : citeSource(briefing, quote.source, quote.date)} · ${QUOTE_KINDS[quote.kind]}`);
  lines.push(...laterNotes(briefing, 'quote', quote.id));
  return { text: lines.join('\n'), sources: [quote.source, ...quote.renderings.map((rendering) => rendering.source)] };
}

/** A position: stance (labelled when it is a claim or commentary), detail, supporting quotes, date and source. */
export function positionBlock(briefing: Briefing, position: Position): Block {
  const label = standingLabel(position.standing);
  const lines = [`${label ? `${label}: ` : ''}**${literal(position.stance)}**`];
  if (position.detail) lines.push(literal(position.detail));
  const supporting = position.quotes.flatMap((id) => briefing.quoteById.get(id) ?? []);
  for (const quote of supporting) {
    const speaker = quote.speaker === position.actor ? '' : ` — ${actorName(briefing, quote.speaker)}`;
    lines.push(`${quoted(quote)}${speaker}`);
  }
  lines.push(`${itemDate(position)} · Source: ${citeSource(briefing, position.source, position.date)}`);
  const earlier = position.supersedes ? briefing.positionById.get(position.supersedes) : undefined;
  if (earlier) lines.push(`Earlier (${itemDate(earlier)}): “${literal(earlier.stance)}”`);
  lines.push(...laterNotes(briefing, 'position', position.id));
  return { text: lines.join('\n'), sources: [position.source, ...supporting.map((quote) => quote.source)] };
}

const EVENT_STATUS: Record<TimelineEvent['status'], string> = {
  happened: '',
  reported: ' *(reported)*',
  planned: ' *(planned)*',
  expected: ' *(expected)*',
};

/**
 * One timeline line: date, title and whether it happened, was reported, or is still to come on `today`
 * (YYYY-MM-DD). A planned event whose day has passed with no later report says so, never "planned".
 */
export function eventLine(briefing: Briefing, event: InEdition<TimelineEvent>, today: string): Block {
  const when = formatDateSpan(event.date, event.endDate);
  const overdue = (event.status === 'planned' || event.status === 'expected') && (event.endDate ?? event.date) < today;
  const status = !overdue
    ? EVENT_STATUS[event.status]
    : briefing.replacedBy.has(`event:${event.id}`)
      ? ` *(was ${event.status} for ${when})*`
      : ` *(was ${event.status} for ${when}; no later report in this briefing)*`;
  return { text: `**${when}** ${literal(event.title)}${status}`, sources: [event.source] };
}

/** An event in full: date span, title and status, detail, source, and what later editions said of it. */
export function timelineBlock(briefing: Briefing, event: InEdition<TimelineEvent>, today: string): Block {
  const line = eventLine(briefing, event, today);
  const lines = [line.text];
  if (event.detail) lines.push(literal(event.detail));
  lines.push(`Source: ${citeSource(briefing, event.source)}`);
  lines.push(...laterNotes(briefing, 'event', event.id));
  return { text: lines.join('\n'), sources: line.sources };
}

/**
 * Lines that say how current a reply is: an older edition names the newest one, and a briefing whose newest
 * edition is more than `staleAfterDays` old says when it was last updated.
 */
export function readerNotes(briefing: Briefing, now: Date, staleAfterDays: number): string[] {
  const notes: string[] = [];
  if (briefing.latest !== briefing.newest) notes.push(`📜 *The edition of ${editionDate(briefing.latest)}; the newest is of ${editionDate(briefing.newest)}.*`);
  const days = Math.floor((now.getTime() - Date.parse(briefing.newest.published)) / 86_400_000);
  if (days > staleAfterDays) notes.push(`⏳ *Last updated ${editionDate(briefing.newest)}, ${days} days ago: later developments are not in this briefing.*`);
  return notes;
}

/** The calendar day of `now`, UTC: an event is overdue only once its last day is over everywhere near. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
