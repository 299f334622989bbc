// The loaded briefing: immutable content plus the indexes every command reads, built once at load.
import { normalize, TypoIndex } from './matching.js';
import type { Actor, Correction, EditionContent, Position, Quote, Source, Story, TimelineEvent, Topic } from './schema.js';

/** An item together with the edition that introduced it. */
export type InEdition<T> = T & { readonly edition: string };

export interface Edition extends EditionContent {
  readonly id: string;
}

export interface BriefingContent {
  story: Story;
  /** Oldest first. */
  editions: readonly Edition[];
  actors: readonly Actor[];
  topics: readonly Topic[];
  sources: readonly Source[];
  /** Every position of every edition, superseded ones included. */
  allPositions: readonly InEdition<Position>[];
  quotes: readonly InEdition<Quote>[];
  timeline: readonly InEdition<TimelineEvent>[];
  corrections: readonly InEdition<Correction>[];
}

/** A name or alias an actor can be found by, normalized for matching. */
export interface ActorKey {
  key: string;
  actor: Actor;
  /** The form shown to users when this key matched (name or alias). */
  label: string;
}

export interface Briefing extends BriefingContent {
  latest: Edition;
  /** Current positions: those no later edition supersedes. */
  positions: readonly InEdition<Position>[];
  actorById: ReadonlyMap<string, Actor>;
  topicById: ReadonlyMap<string, Topic>;
  sourceById: ReadonlyMap<string, Source>;
  quoteById: ReadonlyMap<string, InEdition<Quote>>;
  /** Every normalized id, name and alias, for lookup and autocomplete. */
  actorKeys: readonly ActorKey[];
  actorByKey: ReadonlyMap<string, Actor>;
  topicByKey: ReadonlyMap<string, Topic>;
  positionsByActor: ReadonlyMap<string, readonly InEdition<Position>[]>;
  quotesBySpeaker: ReadonlyMap<string, readonly InEdition<Quote>[]>;
  quotesByTopic: ReadonlyMap<string, readonly InEdition<Quote>[]>;
  quotesAbout: ReadonlyMap<string, readonly InEdition<Quote>[]>;
  timelineByActor: ReadonlyMap<string, readonly InEdition<TimelineEvent>[]>;
  /** Actors who feature most (positions and quotes) first; ties by name. */
  actorsByProminence: readonly Actor[];
  /** Each actor's keys (in actorKeys order), actors in order of prominence: autocomplete ranks without sorting. */
  actorKeysByProminence: readonly (readonly ActorKey[])[];
  /** actorKeys, for finding likely typos of them in one pass. */
  actorTypos: TypoIndex<ActorKey>;
  /** Actor id -> index in actorsByProminence, to break ties when ranking matches. */
  prominenceRank: ReadonlyMap<string, number>;
  /** Quotes newest first, the order /quotes lists them in. */
  quotesNewestFirst: readonly InEdition<Quote>[];
  /** Normalized quote text and context, for /quotes search. */
  quoteSearchText: ReadonlyMap<string, string>;
  /** Every quote's search text, newest first, in one string: a phrase is found in all of them in one native search. */
  quoteSearch: QuoteSearch;
}

export interface QuoteSearch {
  /** The search texts of quotesNewestFirst, joined by SEARCH_SEPARATOR. */
  text: string;
  /** Where each quote's search text starts in `text`. */
  starts: readonly number[];
}

/** Joins search texts; normalized text never holds it, so a match never runs from one quote into the next. */
export const SEARCH_SEPARATOR = '\n';

export function buildBriefing(content: BriefingContent): Briefing {
  const superseded = new Set(content.allPositions.flatMap((position) => position.supersedes ?? []));
  const positions = content.allPositions.filter((position) => !superseded.has(position.id));
  const actorKeys = content.actors.flatMap((actor) =>
    uniqueBy(
      [actor.name, actor.id, ...actor.aliases].map((label) => ({ key: normalize(label), actor, label })),
      (entry) => entry.key,
    ),
  );
  const quotesNewestFirst = [...content.quotes].sort((a, b) => b.date.localeCompare(a.date));
  const quoteSearch = joinSearchTexts(quotesNewestFirst.map((quote) => normalize(`${quote.text} ${quote.context}`)));
  const searchTextOf = new Map(quotesNewestFirst.map((quote, index) => [quote, searchText(quoteSearch, index)]));
  const positionsByActor = groupBy(positions, (position) => [position.actor]);
  const quotesBySpeaker = groupBy(quotesNewestFirst, (quote) => [quote.speaker]);
  const weight = (actor: Actor) => (positionsByActor.get(actor.id)?.length ?? 0) + (quotesBySpeaker.get(actor.id)?.length ?? 0);
  const actorsByProminence = [...content.actors].sort((a, b) => weight(b) - weight(a) || a.name.localeCompare(b.name));
  const keysByActor = groupBy(actorKeys, (entry) => [entry.actor.id]);

  return {
    ...content,
    latest: content.editions[content.editions.length - 1]!,
    positions,
    actorById: byId(content.actors),
    topicById: byId(content.topics),
    sourceById: byId(content.sources),
    quoteById: byId(content.quotes),
    actorKeys,
    // First claim wins when two actors share an alias; the content checker warns about that.
    actorByKey: new Map([...actorKeys].reverse().map((entry) => [entry.key, entry.actor])),
    topicByKey: new Map(content.topics.flatMap((topic) => [normalize(topic.name), topic.id].map((key) => [key, topic] as const))),
    positionsByActor,
    quotesBySpeaker,
    quotesByTopic: groupBy(quotesNewestFirst, (quote) => quote.topics),
    quotesAbout: groupBy(quotesNewestFirst, (quote) => quote.about),
    timelineByActor: groupBy(content.timeline, (event) => event.actors),
    actorsByProminence,
    actorKeysByProminence: actorsByProminence.map((actor) => keysByActor.get(actor.id) ?? []),
    actorTypos: new TypoIndex(actorKeys),
    prominenceRank: new Map(actorsByProminence.map((actor, index) => [actor.id, index])),
    quotesNewestFirst,
    quoteSearchText: new Map(content.quotes.map((quote) => [quote.id, searchTextOf.get(quote)!])),
    quoteSearch,
  };
}

function joinSearchTexts(texts: readonly string[]): QuoteSearch {
  const starts: number[] = [];
  let at = 0;
  for (const text of texts) {
    starts.push(at);
    at += text.length + SEARCH_SEPARATOR.length;
  }
  return { text: texts.join(SEARCH_SEPARATOR), starts };
}

/** One quote's search text: a slice, which shares the joined string's memory. */
function searchText(search: QuoteSearch, index: number): string {
  const end = search.starts[index + 1];
  return search.text.slice(search.starts[index], end === undefined ? undefined : end - SEARCH_SEPARATOR.length);
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function groupBy<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

function uniqueBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
