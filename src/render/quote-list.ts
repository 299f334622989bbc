// A list of quotes as document sections, made on demand: /quotes at a large briefing matches thousands
// of quotes, and only the page shown is formatted. Each quote's field sizes are measured once per loaded
// briefing (kept beside it and dropped with it, like the query indexes), so laying out the pages of any
// filter walks numbers, not text. The pages are exactly those of one built section per quote.
import type { Briefing, InEdition } from '../briefing/briefing.js';
import type { Quote } from '../briefing/schema.js';
import { fieldSizes, type FieldSizes, type Section, type SectionList } from './document.js';
import { quoteBlock, quoteHeading } from './format.js';

/** A quote in a list: its heading (label, speaker, date), then the quote, its source named by publisher (the page lists each in full once). */
export function quoteSection(briefing: Briefing, quote: Quote): Section {
  return { name: quoteHeading(briefing, quote), blocks: [quoteBlock(briefing, quote, 'tag')] };
}

const measured = new WeakMap<Briefing, Map<Quote, FieldSizes>>();

/** One section per quote, in order, built only when shown. */
export function quoteSections(briefing: Briefing, quotes: readonly InEdition<Quote>[]): SectionList {
  let sizes = measured.get(briefing);
  if (!sizes) measured.set(briefing, (sizes = new Map()));
  const known = sizes;
  return {
    length: quotes.length,
    section: (index) => quoteSection(briefing, quotes[index]!),
    fieldSizes(index) {
      const quote = quotes[index]!;
      let size = known.get(quote);
      if (size === undefined) known.set(quote, (size = fieldSizes(quoteSection(briefing, quote))));
      return size;
    },
  };
}
