// Lint: a position must rest on evidence readers can see. It does when it lists a supporting quote, or
// when its source is the actor's own words (a source whose author is the actor: their post, statement
// or interview). A position resting only on someone else's paraphrase is flagged.
import type { Lint } from '../lint.js';

export const unsupportedPositions: Lint = ({ briefing, locator }) =>
  briefing.allPositions
    .filter((position) => position.quotes.length === 0 && briefing.sourceById.get(position.source)?.author !== position.actor)
    .map((position) => {
      const actor = briefing.actorById.get(position.actor)?.name ?? position.actor;
      return locator.finding(
        'position',
        position.id,
        ['quotes'],
        `no supporting quote, and its source "${position.source}" is not ${actor}'s own words: add a quote, or cite ${actor}'s own post or statement`,
        'warning',
      );
    });
