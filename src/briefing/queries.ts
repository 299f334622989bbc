// Questions the commands ask of a briefing: who is meant by a name, which topics and quotes match.
// Everything here reads the indexes built at load; nothing scans every quote per keystroke.
import { SEARCH_SEPARATOR, type ActorKey, type Briefing, type InEdition } from './briefing.js';
import { containmentScore, matchScore, normalize } from './matching.js';
import type { Actor, Quote, Topic } from './schema.js';

/** An actor by id, display name or alias, ignoring case, accents and punctuation. */
export function findActor(briefing: Briefing, input: string): Actor | undefined {
  return briefing.actorByKey.get(normalize(input));
}

export function findTopic(briefing: Briefing, input: string): Topic | undefined {
  return briefing.topicByKey.get(normalize(input));
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
  const query = normalize(input);
  if (query === '') return briefing.actorsByProminence.slice(0, limit).map((actor) => ({ actor, label: actor.name }));
  // Scores are small integers: gathering matches per score, walking actors in order of prominence, ranks them
  // without sorting.
  const byScore: RankedActor[][] = [];
  const unmatched: (readonly ActorKey[])[] = [];
  const containment = (key: ActorKey) => containmentScore(query, key.key);
  for (const keys of briefing.actorKeysByProminence) {
    const found = bestMatch(keys, containment);
    if (found) (byScore[found.score] ??= []).push(found.ranked);
    else unmatched.push(keys);
  }
  // A likely typo ranks after every containment match, so typos are looked for only while there is room.
  if (briefing.actorKeysByProminence.length - unmatched.length < limit) {
    const typos = briefing.actorTypos.scores(query);
    const typo = (key: ActorKey) => typos.get(key);
    for (const keys of unmatched) {
      const found = bestMatch(keys, typo);
      if (found) (byScore[found.score] ??= []).push(found.ranked);
    }
  }
  return byScore.flat().slice(0, limit);
}

/** The best-scoring of one actor's keys (the first of equals), with the label that matched. */
function bestMatch(keys: readonly ActorKey[], score: (key: ActorKey) => number | undefined): { score: number; ranked: RankedActor } | undefined {
  let best: { score: number; ranked: RankedActor } | undefined;
  for (const key of keys) {
    const value = score(key);
    if (value !== undefined && (!best || value < best.score)) best = { score: value, ranked: { actor: key.actor, label: key.label } };
  }
  return best;
}

export function rankTopics(briefing: Briefing, input: string, limit: number): Topic[] {
  const query = normalize(input);
  if (query === '') return briefing.topics.slice(0, limit);
  return briefing.topics
    .map((topic) => ({ topic, score: Math.min(matchScore(query, normalize(topic.name)) ?? Infinity, matchScore(query, topic.id) ?? Infinity) }))
    .filter(({ score }) => score !== Infinity)
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map(({ topic }) => topic);
}

export interface QuoteFilter {
  actor?: Actor;
  topic?: Topic;
  /** Normalized search text; matched against the quote's words and context. */
  search?: string;
}

/** Quotes matching every given filter, newest first. */
export function filterQuotes(briefing: Briefing, filter: QuoteFilter): readonly InEdition<Quote>[] {
  const candidates = [
    filter.actor && (briefing.quotesBySpeaker.get(filter.actor.id) ?? []),
    filter.topic && (briefing.quotesByTopic.get(filter.topic.id) ?? []),
  ].filter((list) => list !== undefined);
  const smallest = candidates.sort((a, b) => a.length - b.length)[0] ?? briefing.quotesNewestFirst;
  const { actor, topic, search } = filter;
  if (candidates.length <= 1 && !search) return smallest;
  if (candidates.length === 0 && search && !search.includes(SEARCH_SEPARATOR)) return quotesContaining(briefing, search);
  return smallest.filter(
    (quote) =>
      (!actor || quote.speaker === actor.id) &&
      (!topic || quote.topics.includes(topic.id)) &&
      (!search || (briefing.quoteSearchText.get(quote.id) ?? '').includes(search)),
  );
}

/** Every quote whose search text contains `search`, newest first: one pass of indexOf over all of them. */
function quotesContaining(briefing: Briefing, search: string): InEdition<Quote>[] {
  const { text, starts } = briefing.quoteSearch;
  const found: InEdition<Quote>[] = [];
  for (let at = text.indexOf(search); at >= 0; ) {
    const index = lastAtOrBefore(starts, at);
    found.push(briefing.quotesNewestFirst[index]!);
    const next = starts[index + 1];
    if (next === undefined) break;
    at = text.indexOf(search, next);
  }
  return found;
}

/** The index of the last of the ascending `values` that is at most `value` (values[0] <= value). */
function lastAtOrBefore(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (values[middle]! <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}
