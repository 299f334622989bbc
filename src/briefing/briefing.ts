// The loaded briefing: immutable content, the current positions, and maps from ids to items. Search
// indexes belong to the queries that use them (queries.ts).
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

export interface Briefing extends BriefingContent {
  latest: Edition;
  /** Current positions: those no later edition supersedes. */
  positions: readonly InEdition<Position>[];
  actorById: ReadonlyMap<string, Actor>;
  topicById: ReadonlyMap<string, Topic>;
  sourceById: ReadonlyMap<string, Source>;
  quoteById: ReadonlyMap<string, InEdition<Quote>>;
}

export function buildBriefing(content: BriefingContent): Briefing {
  const superseded = new Set(content.allPositions.flatMap((position) => position.supersedes ?? []));
  return {
    ...content,
    latest: content.editions[content.editions.length - 1]!,
    positions: content.allPositions.filter((position) => !superseded.has(position.id)),
    actorById: byId(content.actors),
    topicById: byId(content.topics),
    sourceById: byId(content.sources),
    quoteById: byId(content.quotes),
  };
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}
