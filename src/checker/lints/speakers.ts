// Lint: a quote marked as a social post whose source is somebody else's post is attributed to the
// wrong speaker, or cites the wrong source.
import type { Lint } from '../lint.js';

export const postSpeakers: Lint = ({ briefing, locator }) =>
  briefing.quotes.flatMap((quote) => {
    const author = briefing.sourceById.get(quote.source)?.author;
    if (quote.kind !== 'social-post' || author === undefined || author === quote.speaker) return [];
    const name = (id: string) => briefing.actorById.get(id)?.name ?? id;
    return [
      locator.finding(
        'quote',
        quote.id,
        ['speaker'],
        `a social post by ${name(quote.speaker)}, but its source "${quote.source}" is a post by ${name(author)}: check the speaker and the source`,
        'warning',
      ),
    ];
  });
