// The loaded briefing: immutable content, and a view of it as a reader sees it at one edition on one day:
// the editions published by then, the items current in the chosen edition, what later editions replaced,
// and maps from ids to items. Search indexes belong to the queries that use them (queries.ts).
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

export type ItemKind = 'position' | 'quote' | 'event';

/** What replaced an item, in which edition. */
export interface Replacement {
  kind: ItemKind;
  item: InEdition<Position> | InEdition<Quote> | InEdition<TimelineEvent>;
  edition: Edition;
}

/**
 * A view of the briefing. Its lists hold what the chosen edition (`latest`) shows: the items of that edition
 * and the ones before it, less those a later one of them replaced. `newest` is the newest edition published
 * by the view's day; `replacedBy` and `corrections` also know the editions after `latest` up to `newest`,
 * so an older edition says what has since changed.
 */
export interface Briefing extends BriefingContent {
  /** Everything loaded, every edition: other views are made from it. */
  content: BriefingContent;
  /** The edition this view shows. */
  latest: Edition;
  /** The newest edition published by the view's day (the same as `latest` unless an older one was asked for). */
  newest: Edition;
  /** Current positions: those no later edition in view supersedes. */
  positions: readonly InEdition<Position>[];
  /** `kind:id` -> what replaced it, in an edition up to `newest`. */
  replacedBy: ReadonlyMap<string, Replacement>;
  actorById: ReadonlyMap<string, Actor>;
  topicById: ReadonlyMap<string, Topic>;
  sourceById: ReadonlyMap<string, Source>;
  quoteById: ReadonlyMap<string, InEdition<Quote>>;
  positionById: ReadonlyMap<string, InEdition<Position>>;
  eventById: ReadonlyMap<string, InEdition<TimelineEvent>>;
}

/** The whole briefing, as of its newest edition. */
export function buildBriefing(content: BriefingContent): Briefing {
  const newest = content.editions[content.editions.length - 1]!;
  return viewOf(content, newest, newest);
}

/** The briefing as shown at edition `latest`, knowing the editions up to `newest` (both ids of `content`'s editions). */
export function viewOf(content: BriefingContent, latest: Edition, newest: Edition): Briefing {
  const order = new Map(content.editions.map((edition, index) => [edition.id, index]));
  const upTo = (limit: Edition) => (item: { edition: string }) => order.get(item.edition)! <= order.get(limit.id)!;
  const known = upTo(newest);
  const inView = upTo(latest);
  const editionById = new Map(content.editions.map((edition) => [edition.id, edition]));

  const replacedBy = new Map<string, Replacement>();
  const note = (kind: ItemKind, items: readonly Replacement['item'][]) => {
    for (const item of items.filter(known)) {
      if (item.supersedes) replacedBy.set(`${kind}:${item.supersedes}`, { kind, item, edition: editionById.get(item.edition)! });
    }
  };
  note('position', content.allPositions);
  note('quote', content.quotes);
  note('event', content.timeline);
  /** Replaced by an item the view itself shows: the view shows only the replacement. */
  const replacedInView = (kind: ItemKind) => (item: { id: string }) => {
    const replacement = replacedBy.get(`${kind}:${item.id}`);
    return replacement !== undefined && order.get(replacement.edition.id)! <= order.get(latest.id)!;
  };

  const allPositions = content.allPositions.filter(inView);
  const quotes = content.quotes.filter(inView);
  const timeline = content.timeline.filter(inView);
  return {
    ...content,
    content,
    editions: content.editions.filter((edition) => order.get(edition.id)! <= order.get(newest.id)!),
    allPositions,
    quotes: quotes.filter((quote) => !replacedInView('quote')(quote)),
    timeline: timeline.filter((event) => !replacedInView('event')(event)),
    corrections: content.corrections.filter(known),
    latest,
    newest,
    positions: allPositions.filter((position) => !replacedInView('position')(position)),
    replacedBy,
    actorById: byId(content.actors),
    topicById: byId(content.topics),
    sourceById: byId(content.sources),
    quoteById: byId(quotes),
    positionById: byId(allPositions),
    eventById: byId(timeline),
  };
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}
