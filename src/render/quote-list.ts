// A list of quotes as document sections, made on demand: /quotes at a large briefing matches thousands
// of quotes, and only the page shown is formatted. Each quote's field sizes are measured once per loaded
// briefing (kept beside it and dropped with it, like the query indexes), so laying out the pages of any
// filter walks numbers, not text. The pages are exactly those of one built section per quote.
import type { Briefing } from '../briefing/briefing.js';
import { quotesNewestFirst } from '../briefing/queries.js';
import type { Quote } from '../briefing/schema.js';
import type { Messages } from '../i18n/messages.js';
import { fieldSizes, type Section, type SectionList } from './document.js';
import { quoteBlock, quoteHeading } from './format.js';
import { oncePerView } from './per-view.js';

/** A quote in a list: its heading (label, speaker, date), then the quote, its source named by publisher (the page lists each in full once). */
export function quoteSection(t: Messages, briefing: Briefing, quote: Quote): Section {
  return { name: quoteHeading(t, briefing, quote), blocks: [quoteBlock(t, briefing, quote, 'tag')] };
}

/** Sizes per view and language: the labels around a quote differ in length from language to language. */
const measured = oncePerView(quotesNewestFirst, (t, briefing, position) => fieldSizes(quoteSection(t, briefing, quotesNewestFirst(briefing)[position]!)));

/** One section per quote, in order, built only when shown; quotes are given by their positions in quotesNewestFirst. */
export function quoteSections(t: Messages, briefing: Briefing, positions: readonly number[]): SectionList {
  const quotes = quotesNewestFirst(briefing);
  const sizeOf = measured(t, briefing);
  return {
    length: positions.length,
    section: (index) => quoteSection(t, briefing, quotes[positions[index]!]!),
    fieldSizes: (index) => sizeOf(positions[index]!),
  };
}
