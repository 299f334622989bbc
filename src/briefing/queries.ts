// Questions the commands ask of a briefing: who is meant by a name, which topics and quotes match.
// Everything here reads the indexes built at load; nothing scans every quote per keystroke.
import type { Briefing, InEdition } from './briefing.js';
import { matchScore, normalize } from './matching.js';
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
  const best = new Map<string, { score: number; label: string; actor: Actor }>();
  for (const { key, actor, label } of briefing.actorKeys) {
    const score = matchScore(query, key);
    const current = best.get(actor.id);
    if (score !== undefined && (!current || score < current.score)) best.set(actor.id, { score, label, actor });
  }
  const rank = briefing.prominenceRank;
  return [...best.values()]
    .sort((a, b) => a.score - b.score || rank.get(a.actor.id)! - rank.get(b.actor.id)!)
    .slice(0, limit)
    .map(({ actor, label }) => ({ actor, label }));
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
  return smallest.filter(
    (quote) =>
      (!actor || quote.speaker === actor.id) &&
      (!topic || quote.topics.includes(topic.id)) &&
      (!search || (briefing.quoteSearchText.get(quote.id) ?? '').includes(search)),
  );
}
