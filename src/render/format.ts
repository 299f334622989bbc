// How briefing content reads in Discord: dates, source citations, labels for claims and commentary,
// and the blocks for a quote or a position. Every quote and position is shown with its source.
import type { Briefing, Edition } from '../briefing/briefing.js';
import type { Actor, Position, Quote, Standing, TimelineEvent } from '../briefing/schema.js';
import type { Block } from './document.js';
import { formatDate, formatInZone } from '../time/dates.js';
import { literal } from './text.js';

/** `26 Nov 2025`: the day an edition was published, in its own time zone (most replies' footers show it). */
export function editionDate(edition: Pick<Edition, 'published' | 'timeZone'>): string {
  return formatInZone(edition.published, edition.timeZone, 'day');
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

/** `publisher, "title", 25 Nov 2025 (via blue News (Keystone-SDA))`, linked when the URL is known. */
export function citeSource(briefing: Briefing, sourceId: string): string {
  const source = briefing.sourceById.get(sourceId);
  if (!source) return literal(sourceId);
  const title = source.url ? `[${literal(source.title)}](${source.url})` : `“${literal(source.title)}”`;
  const via = source.via ? briefing.sourceById.get(source.via) : undefined;
  return `${literal(source.publisher)}, ${title}, ${formatDate(source.date)}${via ? ` (via ${literal(via.publisher)})` : ''}`;
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

function quoted(quote: Quote): string {
  return `> “${literal(quote.text)}”${quote.translated ? ' *(translation)*' : ''}`;
}

const QUOTE_KINDS: Record<Quote['kind'], string> = {
  statement: 'statement',
  interview: 'interview',
  'social-post': 'social post',
  'press-briefing': 'remarks to reporters',
};

/** The heading of a quote in a list: label, speaker and date. */
export function quoteHeading(briefing: Briefing, quote: Quote): string {
  const label = standingLabel(quote.standing);
  return `${label ? `${label} · ` : ''}${actorName(briefing, quote.speaker)} · ${formatDate(quote.date)}`;
}

/** A quote in full: words, translation note, other renderings, context and source. */
export function quoteBlock(briefing: Briefing, quote: Quote): Block {
  const lines = [quoted(quote)];
  if (quote.translated && quote.translationNote) lines.push(`Translation: ${literal(quote.translationNote)}`);
  for (const rendering of quote.renderings) {
    lines.push(`Also rendered as “${literal(rendering.text)}” (${literal(briefing.sourceById.get(rendering.source)?.publisher ?? rendering.source)})`);
  }
  lines.push(`Context: ${literal(quote.context)}`);
  lines.push(`Source: ${citeSource(briefing, quote.source)} · ${QUOTE_KINDS[quote.kind]}`);
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
  lines.push(`${formatDate(position.date)} · Source: ${citeSource(briefing, position.source)}`);
  return { text: lines.join('\n'), sources: [position.source, ...supporting.map((quote) => quote.source)] };
}

const EVENT_STATUS: Record<TimelineEvent['status'], string> = {
  happened: '',
  reported: ' *(reported)*',
  planned: ' *(planned)*',
  expected: ' *(expected)*',
};

/** One timeline line: date, title and whether it happened, was reported, or is still to come. */
export function eventLine(event: TimelineEvent): Block {
  return { text: `**${formatDateSpan(event.date, event.endDate)}** ${literal(event.title)}${EVENT_STATUS[event.status]}`, sources: [event.source] };
}

/** An event in full: date span, title and status, detail, and source. */
export function timelineBlock(briefing: Briefing, event: TimelineEvent): Block {
  const line = eventLine(event);
  const lines = [line.text];
  if (event.detail) lines.push(literal(event.detail));
  lines.push(`Source: ${citeSource(briefing, event.source)}`);
  return { text: lines.join('\n'), sources: line.sources };
}
