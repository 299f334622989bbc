// Questions the commands ask of a briefing: who is meant by a name, which topics and quotes match, what
// an actor said. Answers come from indexes built once per loaded briefing, on first use, and dropped
// with it: nothing scans every quote per keystroke (bench: /quotes and autocomplete at 100x content).
import type { Briefing, InEdition } from './briefing.js';
import { compareText, containmentOf, containmentScore, editDistance, normalize, TypoIndex } from './matching.js';
import { TextSearch, withoutEnding } from './search.js';
import { whatsNextText, type Actor, type Correction, type Position, type Quote, type TimelineEvent, type Topic } from './schema.js';

type CorrectionItem = Correction['items'][number];

/** A name or alias an actor can be found by, normalized for matching. */
export interface ActorKey {
  key: string;
  actor: Actor;
  /** The form shown to users when this key matched (name or alias). */
  label: string;
}

interface Index {
  /** Every normalized id, name and alias, in file order. */
  actorKeys: readonly ActorKey[];
  actorByKey: ReadonlyMap<string, Actor>;
  /** A first name or surname (`steve`) that only one actor has. */
  actorByNameWord: ReadonlyMap<string, Actor>;
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
  /** Actors who feature most (positions and quotes) first; ties by name. */
  actorsByProminence: readonly Actor[];
  /** Each actor's keys, actors in order of prominence: autocomplete ranks without sorting. */
  actorKeysByProminence: readonly (readonly ActorKey[])[];
  /** An actor's position in `actorsByProminence`. */
  prominenceRank: ReadonlyMap<Actor, number>;
  /** Each affiliation, normalized once, with its actors (positions in `actorsByProminence`, ascending). */
  affiliations: readonly Affiliation[];
  actorTypos: TypoIndex<ActorKey>;
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

/** A country or organisation actors belong to (their affiliation), or an institution some speak for (`speaksFor`). */
interface Affiliation {
  /** As the content writes it. */
  label: string;
  key: string;
  /** The first letter of each word of `key`: `european union` -> `eu`. */
  initials: string;
  actors: readonly number[];
}

/** How many quotes (by their words or a rendering) and current positions cite a source directly. */
export interface Citations {
  quotes: number;
  positions: number;
}

const indexes = new WeakMap<Briefing, Index>();

function indexOf(briefing: Briefing): Index {
  let index = indexes.get(briefing);
  if (!index) indexes.set(briefing, (index = buildIndex(briefing)));
  return index;
}

function buildIndex(briefing: Briefing): Index {
  const actorKeys = briefing.actors.flatMap((actor) =>
    uniqueBy([actor.name, actor.id, ...actor.aliases].map((label) => ({ key: normalize(label), actor, label })), (entry) => entry.key),
  );
  const quotesNewestFirst = [...briefing.quotes].sort((a, b) => compareText(b.date, a.date));
  const positionsByActor = groupBy(briefing.positions, (position) => [position.actor]);
  const quotePositions = quotesNewestFirst.map((_, position) => position);
  const quotesBySpeaker = groupBy(quotePositions, (position) => [quotesNewestFirst[position]!.speaker]);
  const weight = (actor: Actor) => (positionsByActor.get(actor.id)?.length ?? 0) + (quotesBySpeaker.get(actor.id)?.length ?? 0);
  const actorsByProminence = [...briefing.actors].sort((a, b) => weight(b) - weight(a) || compareText(a.name, b.name));
  const keysByActor = groupBy(actorKeys, (entry) => [entry.actor.id]);
  const actorByKey = new Map([...actorKeys].reverse().map((entry) => [entry.key, entry.actor]));
  const affiliations = [...groupBy(actorsByProminence.map((_, rank) => rank), (rank) => [actorsByProminence[rank]!.affiliation, ...actorsByProminence[rank]!.speaksFor])].map(([label, actors]) => {
    const key = withoutArticle(normalize(label));
    return { label, key, initials: initials(key), actors };
  });
  return {
    actorKeys,
    // First claim wins when two actors share an alias; the content checker warns about that.
    actorByKey,
    // `Ukraine` names the country's speakers, even if one actor's name says "of Ukraine".
    actorByNameWord: uniqueNameWords(briefing.actors, actorByKey, new Set(affiliations.map(({ key }) => key))),
    // Autocomplete sends the id, people type the name: both are looked up normalized.
    topicByKey: new Map(briefing.topics.flatMap((topic) => [normalize(topic.name), normalize(topic.id)].map((key) => [key, topic] as const))),
    ...topicKeys(briefing.topics),
    positionsByActor,
    quotesBySpeaker,
    quotesByTopic: groupBy(quotePositions, (position) => quotesNewestFirst[position]!.topics),
    quotesAbout: groupBy(quotesNewestFirst, (quote) => quote.about),
    timelineByActor: groupBy(briefing.timeline, (event) => event.actors),
    actorsByProminence,
    actorKeysByProminence: actorsByProminence.map((actor) => keysByActor.get(actor.id) ?? []),
    prominenceRank: new Map(actorsByProminence.map((actor, rank) => [actor, rank])),
    affiliations,
    actorTypos: new TypoIndex(actorKeys),
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

/** Words of actors' names (3 letters or more) that name one actor only and are neither a key nor a group's name. */
function uniqueNameWords(actors: readonly Actor[], taken: ReadonlyMap<string, Actor>, groups: ReadonlySet<string>): Map<string, Actor> {
  const owners = new Map<string, Set<Actor>>();
  for (const actor of actors) {
    for (const word of normalize(actor.name).split(' ')) {
      if (word.length >= 3 && !taken.has(word) && !groups.has(word)) owners.set(word, (owners.get(word) ?? new Set()).add(actor));
    }
  }
  return new Map([...owners].flatMap(([word, set]) => (set.size === 1 ? [[word, [...set][0]!] as const] : [])));
}

/** What /quotes search looks in: the quote's words, its other renderings, its context and its topics' names, normalized. */
export function quoteSearchText(briefing: Briefing, quote: Quote): string {
  const topics = quote.topics.map((id) => briefing.topicById.get(id)?.name ?? id);
  return normalize([quote.text, ...quote.renderings.map((rendering) => rendering.text), quote.context, ...topics].join(' '));
}

/** Every normalized id, name and alias, in file order (one per distinct key of each actor). */
export function actorKeys(briefing: Briefing): readonly ActorKey[] {
  return indexOf(briefing).actorKeys;
}

/** An actor by id, display name or alias, ignoring case, accents and punctuation. */
export function findActor(briefing: Briefing, input: string): Actor | undefined {
  const index = indexOf(briefing);
  const key = normalize(input);
  return index.actorByKey.get(key) ?? index.actorByNameWord.get(key);
}

/**
 * The actors of a country or organisation named as people say it (`NATO`, `Ukraine`, `Ukrainian`, `US`), and the
 * speakers of an institution (`the Kremlin`), principals first, then by prominence.
 */
export function actorsOf(briefing: Briefing, input: string): Actor[] {
  return groupOf(briefing, input)?.actors ?? [];
}

export interface ActorGroup {
  /** The country, organisation or institution, as the content writes it (the first that matched). */
  label: string;
  actors: Actor[];
}

/** What actorsOf finds, with the name it read `input` as; undefined when it names no group. */
export function groupOf(briefing: Briefing, input: string): ActorGroup | undefined {
  const query = withoutArticle(normalize(input));
  if (query.length < 2) return undefined;
  const index = indexOf(briefing);
  const names = ({ key, initials }: Affiliation) =>
    key === query || (key.includes(' ') && initials === query) || (key.length >= 5 && query.length <= key.length + 3 && query.startsWith(key.slice(0, -1)));
  // Affiliations are few (tens, where actors are a thousand at 100x content), so they are what is matched.
  const matched = index.affiliations.filter(names);
  if (matched.length === 0) return undefined;
  const ranks = [...new Set(matched.flatMap((affiliation) => affiliation.actors))].sort((a, b) => a - b);
  return { label: matched[0]!.label, actors: ranks.map((rank) => index.actorsByProminence[rank]!).sort((a, b) => Number(isCommentary(a)) - Number(isCommentary(b))) };
}

/** `the kremlin`, `der kreml`, `l otan` (normalized): an institution as named with its article. */
function withoutArticle(key: string): string {
  return key.replace(/^(?:the|der|die|das|le|la|les|l) (?=\S)/, '');
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

function initials(text: string): string {
  return text.split(' ').map((word) => word[0]).join('');
}

/** Commentators and media are shown after the parties to the story. */
export function isCommentary(actor: Actor): boolean {
  return actor.kind === 'commentator' || actor.kind === 'media';
}

/**
 * Actors whose name, alias or a word of them is close enough to `input` to ask "did you mean": it contains
 * or starts it (3 letters at least), or is one edit away (two for words of 7 letters or more). Best first.
 */
export function closeActors(briefing: Briefing, input: string, limit: number): Actor[] {
  const query = normalize(input);
  if (query.length < 3) return [];
  const allowed = query.length >= 7 ? 2 : 1;
  const scored = indexOf(briefing).actorKeysByProminence.flatMap((keys) => {
    let best = Infinity;
    for (const { key } of keys) {
      best = Math.min(best, containmentScore(query, key) ?? Infinity);
      for (const word of [key, ...key.split(' ')]) {
        const distance = editDistance(query, word, allowed);
        if (distance <= allowed) best = Math.min(best, 4 + distance);
      }
    }
    return best === Infinity ? [] : [{ actor: keys[0]!.actor, score: best }];
  });
  return scored.sort((a, b) => a.score - b.score).slice(0, limit).map(({ actor }) => actor);
}

export function findTopic(briefing: Briefing, input: string): Topic | undefined {
  return indexOf(briefing).topicByKey.get(normalize(input));
}

/** The actors who feature most (positions and quotes), most first; ties by name. */
export function prominentActors(briefing: Briefing, limit: number): readonly Actor[] {
  return indexOf(briefing).actorsByProminence.slice(0, limit);
}

/** The parties to the story who feature most, before any commentator or news organisation. */
export function principalActors(briefing: Briefing, limit: number): Actor[] {
  return [...indexOf(briefing).actorsByProminence].sort((a, b) => Number(isCommentary(a)) - Number(isCommentary(b))).slice(0, limit);
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

export interface RankedActor {
  actor: Actor;
  /** The name or alias that matched best. */
  label: string;
}

/**
 * Actors best matching `input`, best first: exact, then prefix, word prefix, substring, likely typo.
 * Ties go to the actors with the most positions and quotes. An empty input lists the most prominent.
 */
export function rankActors(briefing: Briefing, input: string, limit: number): RankedActor[] {
  const index = indexOf(briefing);
  const query = normalize(input);
  if (query === '') return index.actorsByProminence.slice(0, limit).map((actor) => ({ actor, label: actor.name }));
  // Scores are small integers: gathering matches per score, walking actors in order of prominence, ranks them
  // without sorting.
  const byScore: ActorKey[][] = [];
  const contained = new Array<boolean>(index.actorKeysByProminence.length).fill(false);
  let containedCount = 0;
  const containment = containmentOf(query);
  const contains = (key: ActorKey) => containment(key.key);
  index.actorKeysByProminence.forEach((keys, rank) => {
    if (!fileBestKey(keys, contains, byScore)) return;
    contained[rank] = true;
    containedCount++;
  });
  // A likely typo ranks after every containment match, so typos are looked for only while there is room.
  if (containedCount < limit) {
    const typos = index.actorTypos.scores(query);
    // Only the actors a typo names, in order of prominence: looking every other actor's keys up cost more than the walk.
    const ranks = [...new Set([...typos.keys()].map((key) => index.prominenceRank.get(key.actor)!))].filter((rank) => !contained[rank]).sort((a, b) => a - b);
    const typo = (key: ActorKey) => typos.get(key);
    for (const rank of ranks) fileBestKey(index.actorKeysByProminence[rank]!, typo, byScore);
  }
  return byScore.flat().slice(0, limit);
}

/**
 * Files the best-scoring of one actor's keys (the first of equals) under its score in `byScore`: a key is a
 * RankedActor, with the label that matched. False when none of them scores.
 */
function fileBestKey(keys: readonly ActorKey[], score: (key: ActorKey) => number | undefined, byScore: ActorKey[][]): boolean {
  let best: ActorKey | undefined;
  let bestScore = Infinity;
  for (const key of keys) {
    const value = score(key);
    if (value !== undefined && value < bestScore) {
      best = key;
      bestScore = value;
    }
  }
  if (!best) return false;
  (byScore[bestScore] ??= []).push(best);
  return true;
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
