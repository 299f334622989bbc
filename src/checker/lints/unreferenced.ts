// Lint: actors, topics and sources that nothing refers to are dead weight, or a sign of a typo elsewhere.
import type { Briefing } from '../../briefing/briefing.js';
import type { Lint } from '../lint.js';

/** Ids referred to by positions, quotes, timeline events, other sources and editions. */
function references(briefing: Briefing) {
  const actors = new Set<string>();
  const topics = new Set<string>();
  const sources = new Set<string>();
  for (const position of briefing.allPositions) {
    actors.add(position.actor);
    topics.add(position.topic);
    sources.add(position.source);
  }
  for (const quote of briefing.quotes) {
    [quote.speaker, ...quote.about].forEach((id) => actors.add(id));
    quote.topics.forEach((id) => topics.add(id));
    [quote.source, ...quote.renderings.map((rendering) => rendering.source)].forEach((id) => sources.add(id));
  }
  for (const event of briefing.timeline) {
    event.actors.forEach((id) => actors.add(id));
    event.topics.forEach((id) => topics.add(id));
    sources.add(event.source);
  }
  for (const source of briefing.sources) {
    if (source.author) actors.add(source.author);
    if (source.via) sources.add(source.via);
  }
  for (const edition of briefing.editions) edition.basedOn.forEach((id) => sources.add(id));
  return { actors, topics, sources };
}

export const unreferenced: Lint = ({ briefing, locator }) => {
  const used = references(briefing);
  const unused = (kind: 'actor' | 'topic' | 'source', items: readonly { id: string }[], referenced: ReadonlySet<string>, citedBy: string) =>
    items
      .filter((item) => !referenced.has(item.id))
      .map((item) => locator.finding(kind, item.id, ['id'], `nothing refers to this ${kind}: ${citedBy}, or remove it`, 'warning'));
  return [
    ...unused('actor', briefing.actors, used.actors, 'give it a position, a quote or a timeline event'),
    ...unused('topic', briefing.topics, used.topics, 'tag a position, quote or timeline event with it'),
    ...unused('source', briefing.sources, used.sources, 'cite it from a position, quote, timeline event or edition'),
  ];
};
