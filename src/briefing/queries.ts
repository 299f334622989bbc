// Questions the commands ask of a briefing: which topics and quotes match, what an actor said, where a name
// comes up (who is meant by a name is names.ts's policy). Answers come from indexes built once per loaded
// briefing, on first use, and dropped with it: nothing scans every quote per keystroke (bench: /quotes and
// autocomplete at 100x content).
import type { Briefing, InEdition } from './briefing.js';
import { groupBy, perBriefing } from './indexes.js';
import { compareText, containmentOf, normalize, TypoIndex } from './matching.js';
import { TextSearch, withoutEnding } from './search.js';
import type { Actor, Correction, Position, Quote, TimelineEvent, Topic } from './schema.js';
import { whatsNextText } from './whats-next.js';

// The name policy's steps, where the commands have always asked for them.
export { closeActors, findActor, groupOf, guessable, principalActors } from './names.js';

type CorrectionItem = Correction['items'][number];

interface Index {
  topicByKey: ReadonlyMap<string, Topic>;
  /** Each topic's normalized name and its id, as matched while typing, with their typo trie. */
  topicKeys: readonly TopicKey[];
  topicTypos: TypoIndex<TopicKey>;
  positionsByActor: ReadonlyMap<string, readonly InEdition<Position>[]>;
  /** Quotes by speaker and by topic as positions in `quotesNewestFirst`, ascending (so newest first). */
  quotesBySpeaker: ReadonlyMap<string, readonly number[]>;
  quotesByTopic: ReadonlyMap<string, readonly number[]>;
  quotesAbout: ReadonlyMap<string, readonly InEdition<Quote>[]>;
  timelineByActor: ReadonlyMap<string, readonly InEdition<TimelineEvent>[]>;
  quotesNewestFirst: readonly InEdition<Quote>[];
  /** 0 up to the number of quotes: every position in `quotesNewestFirst`. */
  everyQuote: readonly number[];
  /** Every quote's search text, newest first, indexed by word (search.ts); built on the first search. */
  quoteSearch: () => TextSearch;
  citations: ReadonlyMap<string, Citations>;
  /** A source's position in `briefing.sources`. */
  sourcePositions: ReadonlyMap<string, number>;
  /** `kind:id` -> the corrections naming it, newest first. */
  corrections: ReadonlyMap<string, readonly InEdition<Correction>[]>;
}

interface TopicKey {
  key: string;
  topic: Topic;
}

/** How many quotes (by their words or a rendering) and current positions cite a source directly. */
export interface Citations {
  quotes: number;
  positions: number;
}

const indexOf = perBriefing(buildIndex);

function buildIndex(briefing: Briefing): Index {
  const quotesNewestFirst = [...briefing.quotes].sort((a, b) => compareText(b.date, a.date));
  const positionsByActor = groupBy(briefing.positions, (position) => [position.actor]);
  const quotePositions = quotesNewestFirst.map((_, position) => position);
  const quotesBySpeaker = groupBy(quotePositions, (position) => [quotesNewestFirst[position]!.speaker]);
  return {
    // Autocomplete sends the id, people type the name: both are looked up normalized.
    topicByKey: new Map(briefing.topics.flatMap((topic) => [normalize(topic.name), normalize(topic.id)].map((key) => [key, topic] as const))),
    ...topicKeys(briefing.topics),
    positionsByActor,
    quotesBySpeaker,
    quotesByTopic: groupBy(quotePositions, (position) => quotesNewestFirst[position]!.topics),
    quotesAbout: groupBy(quotesNewestFirst, (quote) => quote.about),
    timelineByActor: groupBy(briefing.timeline, (event) => event.actors),
    quotesNewestFirst,
    everyQuote: quotePositions,
    quoteSearch: once(() => new TextSearch(quotesNewestFirst.map((quote) => quoteSearchText(briefing, quote)))),
    citations: countCitations(briefing),
    sourcePositions: new Map(briefing.sources.map((source, position) => [source.id, position])),
    corrections: groupBy(newestCorrectionsFirst(briefing), (correction) => correction.items.map((item) => `${item.kind}:${item.id}`)),
  };
}

function topicKeys(topics: readonly Topic[]): Pick<Index, 'topicKeys' | 'topicTypos'> {
  const keys = topics.flatMap((topic) => [{ key: normalize(topic.name), topic }, { key: topic.id, topic }]);
  return { topicKeys: keys, topicTypos: new TypoIndex(keys) };
}

function countCitations(briefing: Briefing): Map<string, Citations> {
  const counts = new Map(briefing.sources.map((source): [string, Citations] => [source.id, { quotes: 0, positions: 0 }]));
  for (const quote of briefing.quotes) {
    for (const id of new Set([quote.source, ...quote.renderings.map((rendering) => rendering.source)])) {
      const count = counts.get(id);
      if (count) count.quotes += 1;
    }
  }
  for (const position of briefing.positions) {
    const count = counts.get(position.source);
    if (count) count.positions += 1;
  }
  return counts;
}

/** Every correction published by the view's newest edition, newest first. */
export function newestCorrectionsFirst(briefing: Briefing): InEdition<Correction>[] {
  return [...briefing.corrections].sort((a, b) => compareText(b.date, a.date));
}

/** The corrections of one item (`summary` items are edition ids), newest first. */
export function correctionsOf(briefing: Briefing, kind: CorrectionItem['kind'] | 'event', id: string): readonly InEdition<Correction>[] {
  return indexOf(briefing).corrections.get(`${kind}:${id}`) ?? [];
}

export function positionOfSource(briefing: Briefing, sourceId: string): number | undefined {
  return indexOf(briefing).sourcePositions.get(sourceId);
}

export function citationsOf(briefing: Briefing, sourceId: string): Citations {
  return indexOf(briefing).citations.get(sourceId) ?? { quotes: 0, positions: 0 };
}

/** What /quotes search looks in: the quote's words, its other renderings, its context and its topics' names, normalized. */
export function quoteSearchText(briefing: Briefing, quote: Quote): string {
  const topics = quote.topics.map((id) => briefing.topicById.get(id)?.name ?? id);
  return normalize([quote.text, ...quote.renderings.map((rendering) => rendering.text), quote.context, ...topics].join(' '));
}

/** Where a briefing mentions `input` as a whole word or words: its newest summary, its timeline, its quotes. */
export interface Mentions {
  summary: boolean;
  timeline: boolean;
  quotes: boolean;
}

/**
 * Where `input` comes up, for a name that is no actor's (`EU`): asked only once nothing else matched, so the
 * summary and timeline are read through; quotes are looked up in their word index first.
 */
export function mentionsOf(briefing: Briefing, input: string): Mentions {
  const query = normalize(input);
  if (query.length < 2) return { summary: false, timeline: false, quotes: false };
  const holds = (text: string) => ` ${normalize(text)} `.includes(` ${query} `);
  const { tldr, keyPoints, whatsNext, openQuestions, since = [] } = briefing.latest.summary;
  const index = indexOf(briefing);
  return {
    summary: [tldr, ...keyPoints, ...whatsNext.map(whatsNextText), ...openQuestions, ...since].some(holds),
    timeline: briefing.timeline.some((event) => holds(event.title) || (event.detail !== undefined && holds(event.detail))),
    quotes: index.quoteSearch().matching(query).some((position) => holds(quoteSearchText(briefing, index.quotesNewestFirst[position]!))),
  };
}

export function findTopic(briefing: Briefing, input: string): Topic | undefined {
  return indexOf(briefing).topicByKey.get(normalize(input));
}

export function positionsOf(briefing: Briefing, actorId: string): readonly InEdition<Position>[] {
  return indexOf(briefing).positionsByActor.get(actorId) ?? [];
}

/** Quotes about an actor (by others, and the actor's own that name them), newest first. */
export function quotesAbout(briefing: Briefing, actorId: string): readonly InEdition<Quote>[] {
  return (indexOf(briefing).quotesAbout.get(actorId) ?? []).filter((quote) => quote.speaker !== actorId);
}

export function hasQuotesBy(briefing: Briefing, actorId: string): boolean {
  return indexOf(briefing).quotesBySpeaker.has(actorId);
}

export function timelineOf(briefing: Briefing, actorId: string): readonly InEdition<TimelineEvent>[] {
  return indexOf(briefing).timelineByActor.get(actorId) ?? [];
}

export function quotesNewestFirst(briefing: Briefing): readonly InEdition<Quote>[] {
  return indexOf(briefing).quotesNewestFirst;
}

export function rankTopics(briefing: Briefing, input: string, limit: number): Topic[] {
  const query = normalize(input);
  if (query === '') return briefing.topics.slice(0, limit);
  const index = indexOf(briefing);
  // matchScore of each key: containment, else the typo trie's score (asked once, for all keys).
  const containment = containmentOf(query);
  let typos: Map<TopicKey, number> | undefined;
  const scores = new Map<Topic, number>();
  for (const key of index.topicKeys) {
    const score = containment(key.key) ?? (typos ??= index.topicTypos.scores(query)).get(key) ?? Infinity;
    scores.set(key.topic, Math.min(scores.get(key.topic) ?? Infinity, score));
  }
  return briefing.topics
    .map((topic) => ({ topic, score: scores.get(topic)! }))
    .filter(({ score }) => score !== Infinity)
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map(({ topic }) => topic);
}

export interface QuoteFilter {
  actor?: Actor;
  topic?: Topic;
  /** Normalized search text; matched against the quote's words, renderings, context and topics, in any form of its last word. */
  search?: string;
}

/**
 * Quotes matching every given filter, newest first, as positions in `quotesNewestFirst` (ascending). Lists
 * of positions, not of quotes: at 100x content a list reply walks 20,000 of them per call, and looking
 * each quote up in a map cost more than the rest of the reply (bench: /quotes reply).
 */
export function filterQuotes(briefing: Briefing, filter: QuoteFilter): readonly number[] {
  const index = indexOf(briefing);
  const lists = [
    filter.actor && (index.quotesBySpeaker.get(filter.actor.id) ?? []),
    filter.topic && (index.quotesByTopic.get(filter.topic.id) ?? []),
    filter.search ? index.quoteSearch().matching(withoutEnding(filter.search)) : undefined,
  ].filter((list) => list !== undefined);
  if (lists.length === 0) return index.everyQuote;
  return lists.sort((a, b) => a.length - b.length).reduce(intersectAscending);
}

/** The numbers in both ascending lists, ascending. */
function intersectAscending(a: readonly number[], b: readonly number[]): readonly number[] {
  const both: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      both.push(a[i]!);
      i++;
      j++;
    }
  }
  return both;
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
