// What changed in a story between one edition and the latest: corrections, new and changed positions,
// new quotes, new timeline events. Recaps use it to tell a channel only what is new since its last recap.
import { compareText } from './matching.js';
import type { Briefing, Edition, InEdition } from './briefing.js';
import type { Correction, Position, Quote, TimelineEvent } from './schema.js';

export interface PositionChange {
  before: InEdition<Position>;
  after: InEdition<Position>;
}

export interface Changes {
  since: Edition;
  latest: Edition;
  /** The editions after `since`, oldest first: each one's own *Since* summary is part of what changed. */
  editions: Edition[];
  newPositions: InEdition<Position>[];
  changedPositions: PositionChange[];
  newQuotes: InEdition<Quote>[];
  newEvents: InEdition<TimelineEvent>[];
  /** Corrections published after `since`, newest first: a recap leads with them. */
  corrections: InEdition<Correction>[];
}

/**
 * Changes in every edition after `sinceEditionId` (with `withdrawn`, that edition too: what was told of it was
 * withdrawn since). Edition ids are dates: when that edition is not in the briefing (withdrawn),
 * they are measured from the newest edition before it; undefined when there is none.
 */
export function changesSince(briefing: Briefing, sinceEditionId: string, { withdrawn = false } = {}): Changes | undefined {
  const index = briefing.editions.findLastIndex((edition) => (withdrawn ? edition.id < sinceEditionId : edition.id <= sinceEditionId));
  if (index < 0) return undefined;
  const laterEditions = briefing.editions.slice(index + 1);
  const later = new Set(laterEditions.map((edition) => edition.id));
  const isLater = (item: { edition: string }) => later.has(item.edition);
  const positionById = new Map(briefing.allPositions.map((position) => [position.id, position]));

  const changes: Changes = { since: briefing.editions[index]!, latest: briefing.latest, editions: laterEditions, newPositions: [], changedPositions: [], newQuotes: [], newEvents: [], corrections: [] };
  for (const position of briefing.allPositions.filter(isLater)) {
    const before = position.supersedes === undefined ? undefined : earliestVersion(position.supersedes, positionById, later);
    if (before) changes.changedPositions.push({ before, after: position });
    else changes.newPositions.push(position);
  }
  // A position changed twice since the last recap is reported once, in its latest form.
  const superseded = new Set(changes.changedPositions.map((change) => change.after.supersedes));
  changes.changedPositions = changes.changedPositions.filter((change) => !superseded.has(change.after.id));
  changes.newPositions = changes.newPositions.filter((position) => !superseded.has(position.id));
  changes.newQuotes = briefing.quotes.filter(isLater);
  changes.newEvents = briefing.timeline.filter(isLater);
  changes.corrections = briefing.corrections.filter(isLater).sort((a, b) => compareText(b.date, a.date));
  return changes;
}

/** Follows `supersedes` back to the version the reader last saw (the newest one not in a later edition). */
function earliestVersion(id: string, positionById: ReadonlyMap<string, InEdition<Position>>, later: ReadonlySet<string>): InEdition<Position> | undefined {
  let current = positionById.get(id);
  while (current && later.has(current.edition)) {
    current = current.supersedes === undefined ? undefined : positionById.get(current.supersedes);
  }
  return current;
}

/** Nothing new: no item, no correction, and no later edition with a *Since* summary of its own. */
export function isEmpty(changes: Changes): boolean {
  const items = changes.newPositions.length + changes.changedPositions.length + changes.newQuotes.length + changes.newEvents.length + changes.corrections.length;
  return items === 0 && changes.editions.every((edition) => (edition.summary.since ?? []).length === 0);
}
