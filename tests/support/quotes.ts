// The quotes a filter finds, as quotes: filterQuotes gives their positions in quotesNewestFirst.
import type { Briefing, InEdition } from '../../src/briefing/briefing.js';
import { filterQuotes, quotesNewestFirst, type QuoteFilter } from '../../src/briefing/queries.js';
import type { Quote } from '../../src/briefing/schema.js';

export function quotesFound(briefing: Briefing, filter: QuoteFilter): InEdition<Quote>[] {
  const newestFirst = quotesNewestFirst(briefing);
  return filterQuotes(briefing, filter).map((position) => newestFirst[position]!);
}
