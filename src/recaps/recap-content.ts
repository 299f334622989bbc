// What a recap says, as a pure function of the briefing and the channel's last recap: the summary the
// first time, then only what changed since, or a one-line "no new developments".
import type { Briefing, Edition } from '../briefing/briefing.js';
import { changesSince, isEmpty, type Changes } from '../briefing/diff.js';
import { renderPage, withSourcesButton, type Document, type Section } from '../render/document.js';
import { renderSourceList } from '../render/sources.js';
import { actorName, correctedNote, editionDate, editionProblem, eventLine, positionBlock, quoteBlock, quoteHeading, readerNotes, utcDay } from '../render/format.js';
import { privately, type Reply } from '../render/reply.js';
import type { Delivery } from './ledger.js';
import { formatInZone } from '../time/dates.js';
import type { Locale } from '../i18n/locale.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import { atEdition } from '../briefing/editions.js';
import type { Position } from '../briefing/schema.js';
import { literal } from '../render/text.js';

export interface LastRecap {
  editionId: string | null;
  /** When it was posted, ISO. */
  deliveredAt: string;
  /** It announced that edition, and the editors withdrew it since: what it told no longer stands. */
  withdrawn?: boolean;
}

/** What "changed since" is measured from: the channel's last delivered recap, if any, and the lines added to it since. */
export function lastRecap(delivery: Delivery | undefined, annotations: readonly string[] = []): LastRecap | undefined {
  return delivery && { editionId: delivery.editionId, deliveredAt: delivery.settledAt ?? delivery.slot, withdrawn: annotations.includes(`withdrawn:${delivery.editionId}`) };
}

export interface RecapContent {
  kind: 'summary' | 'changes' | 'quiet';
  reply: Reply;
  editionId: string;
  /** What it shows, as `kind:id` (`summary:<edition>` for an edition's summary): a later correction finds it by these. */
  items: string[];
}

export const RECAP_COMMAND = 'recap';

/** Discord's limit on a thread's (or forum post's) name. */
const THREAD_NAME_LIMIT = 100;

/** The name of the story's forum post, or of a recap's thread: `US-led Ukraine peace talks · 1 Dec 2026`, the date in the recap's language. */
export function threadName(briefing: Briefing, now: Date, timeZone: string, locale: Locale): string {
  const date = ` · ${formatInZone(now, timeZone, 'day', locale)}`;
  return `${briefing.story.title.slice(0, THREAD_NAME_LIMIT - date.length)}${date}`;
}

/** When a recap is made: the loaded briefing, the moment, and how old a briefing may be before it says so. */
export interface RecapMoment {
  briefing: Briefing;
  now: Date;
  staleAfterDays: number;
}

/** The full summary a channel's first recap posts: /brief's reply, handed in by the composition root. */
export type Summarize = (moment: RecapMoment, locale: Locale) => Reply;

/** The recap a channel gets at `moment`, given its last one, with dates in its time zone, in its language. */
export function buildRecap(moment: RecapMoment, last: LastRecap | undefined, timeZone: string, summarize: Summarize, locale: Locale): RecapContent {
  const t = messagesFor(locale);
  const chosen = atEdition(moment.briefing, moment.now);
  // Editors may load an edition dated later than now; until then there is nothing to recap.
  if ('problem' in chosen) return { kind: 'quiet', editionId: '', reply: { content: editionProblem(t, chosen.problem) }, items: [] };
  const briefing = chosen.briefing;
  const editionId = briefing.latest.id;
  const changes = last?.editionId ? changesSince(briefing, last.editionId, { withdrawn: last.withdrawn }) : undefined;
  if (!last || !changes) {
    // The embed carries the story's title: no content line to repeat it.
    return { kind: 'summary', editionId, reply: summarize(moment, locale), items: [`summary:${editionId}`] };
  }
  if (isEmpty(changes)) {
    const since = formatInZone(last.deliveredAt, timeZone, 'day', locale);
    const notes = readerNotes(t, briefing, moment.now, moment.staleAfterDays);
    return { kind: 'quiet', editionId, reply: { content: [t.recap.quiet(since), ...notes].join('\n') }, items: [] };
  }
  const items = [
    ...changes.editions.map((edition) => `summary:${edition.id}`),
    ...[...changes.newPositions, ...changes.changedPositions.map(({ after }) => after)].map((position) => `position:${position.id}`),
    ...changes.newQuotes.map((quote) => `quote:${quote.id}`),
    ...changes.newEvents.map((event) => `event:${event.id}`),
  ];
  return { kind: 'changes', editionId, reply: changesPage(moment, changes, 1, locale), items };
}

/** The briefing as of the moment's newest edition. */
export function currentView(moment: RecapMoment): Briefing {
  const chosen = atEdition(moment.briefing, moment.now);
  return 'briefing' in chosen ? chosen.briefing : moment.briefing;
}

/** One page of the "what changed" recap; its page and Sources buttons rebuild it from the edition id alone. */
export function changesPage(moment: RecapMoment, changes: Changes, page: number, locale: Locale): Reply {
  const t = messagesFor(locale);
  const rendered = renderPage(t, changesDocument(t, moment, changes), page, { command: RECAP_COMMAND, view: 'recap-since', args: [changes.since.id] });
  return withSourcesButton(t, rendered.reply, { command: RECAP_COMMAND, view: 'sources', page: rendered.page, args: [changes.since.id] });
}

/** Privately, the sources that page `page` of a "what changed" recap rests on. */
export function changesSources(moment: RecapMoment, changes: Changes, page: number, locale: Locale): Reply {
  const t = messagesFor(locale);
  const briefing = currentView(moment);
  const { sources } = renderPage(t, changesDocument(t, moment, changes), page, { command: RECAP_COMMAND, args: [changes.since.id] });
  return privately(renderPage(t, { ...renderSourceList(t, briefing, sources), title: t.sources.forRecap }, 1, { command: RECAP_COMMAND, args: [] }).reply);
}

function changesDocument(t: Messages, moment: RecapMoment, changes: Changes): Document {
  const briefing = currentView(moment);
  const today = utcDay(moment.now);
  const topicName = (id: string) => literal(briefing.topicById.get(id)?.name ?? id);
  const positionChange = (position: Position) => {
    const block = positionBlock(t, briefing, position);
    return { ...block, text: `${t.recap.positionOn(actorName(briefing, position.actor), topicName(position.topic))}\n${block.text}` };
  };
  const { latest, since } = changes;
  // A quote that supports a new or changed position is shown with it, not a second time on its own.
  const positionsShown = [...changes.newPositions, ...changes.changedPositions.map(({ after }) => after)];
  const quotedWithPositions = new Set(positionsShown.flatMap((position) => position.quotes));
  const sections: Section[] = [
    {
      name: t.recap.corrections,
      list: true,
      blocks: changes.corrections.map((correction) => ({ text: correctedNote(t, correction.date, `${literal(correction.wrong)} ${literal(correction.right)}`), sources: [] })),
    },
    ...sinceSections(t, briefing, changes),
    { name: t.recap.newPositions, blocks: changes.newPositions.map(positionChange) },
    { name: t.recap.changedPositions, blocks: changes.changedPositions.map(({ after }) => positionChange(after)) },
    ...changes.newQuotes
      .filter((quote) => !quotedWithPositions.has(quote.id))
      .map((quote) => ({ name: t.recap.newQuote(quoteHeading(t, briefing, quote)), blocks: [quoteBlock(t, briefing, quote)] })),
    { name: t.recap.newEvents, list: true, blocks: changes.newEvents.map((event) => eventLine(t, briefing, event, today)) },
  ];
  const notes = readerNotes(t, briefing, moment.now, moment.staleAfterDays);
  return {
    title: t.recap.title(literal(briefing.story.title)),
    // Only what is new: an unchanged tl;dr is not repeated.
    description: [...notes, t.recap.changesSince(editionDate(t, since))].join('\n'),
    sections: sections.filter((section) => section.blocks.length > 0),
    footer: t.recap.footer(editionDate(t, latest)),
    timestamp: new Date(latest.published).toISOString(),
    sources: [...new Set(changes.editions.flatMap((edition) => edition.basedOn))],
  };
}

/**
 * Each later edition's own *Since* summary, newest first: under "Since <the channel's last edition>" when
 * there is one, else one section per edition, each saying what it covers.
 */
function sinceSections(t: Messages, briefing: Briefing, changes: Changes): Section[] {
  const bullets = (edition: Edition) => (edition.summary.since ?? []).map((item) => ({ text: `• ${literal(item)}`, sources: [] }));
  const [only, ...more] = changes.editions;
  if (only && more.length === 0) return [{ name: t.recap.since(editionDate(t, changes.since)), list: true, blocks: bullets(only) }];
  const previous = (index: number) => (index === 0 ? changes.since : changes.editions[index - 1]!);
  return changes.editions
    .map((edition, index) => ({ name: t.recap.sinceEdition(editionDate(t, edition), editionDate(t, previous(index))), list: true, blocks: bullets(edition) }))
    .reverse();
}
