// Lint: what a commentator posts is opinion or an unverified claim, never fact. A quote or position
// from a commentator (actor kind commentator) or from a source of type commentary may not be marked fact.
import type { Lint } from '../lint.js';

const FIX = 'use standing: commentary for an opinion, or claim for an unverified allegation';

export const commentaryAsFact: Lint = ({ briefing, locator }) => {
  const fromCommentary = (actorId: string, sourceId: string) =>
    briefing.actorById.get(actorId)?.kind === 'commentator' || briefing.sourceById.get(sourceId)?.type === 'commentary';
  return [
    ...briefing.quotes
      .filter((quote) => quote.standing === 'fact' && fromCommentary(quote.speaker, quote.source))
      .map((quote) => locator.finding('quote', quote.id, ['standing'], `a commentator's words are shown as fact: ${FIX}`, 'error')),
    ...briefing.allPositions
      .filter((position) => position.standing === 'fact' && fromCommentary(position.actor, position.source))
      .map((position) => locator.finding('position', position.id, ['standing'], `a commentator's position is shown as fact: ${FIX}`, 'error')),
  ];
};
