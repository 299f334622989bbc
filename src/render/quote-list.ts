// A list of quotes as document sections, made on demand: /quotes at a large briefing matches thousands
// of quotes, and only the page shown is formatted. Each quote's field sizes are measured once per loaded
// briefing (kept beside it and dropped with it, like the query indexes), so laying out the pages of any
// filter walks numbers, not text. The pages are exactly those of one built section per quote.
import type { Briefing, InEdition } from '../briefing/briefing.js';
import type { Quote } from '../briefing/schema.js';
import type { Locale } from '../i18n/locale.js';
import type { Messages } from '../i18n/messages.js';
import { fieldSizes, type FieldSizes, type Section, type SectionList } from './document.js';
import { quoteBlock, quoteHeading } from './format.js';

/** A quote in a list: its heading (label, speaker, date), then the quote, its source named by publisher (the page lists each in full once). */
export function quoteSection(t: Messages, briefing: Briefing, quote: Quote): Section {
  return { name: quoteHeading(t, briefing, quote), blocks: [quoteBlock(t, briefing, quote, 'tag')] };
}

/** Sizes by briefing, then by locale: the labels around a quote differ in length from language to language. */
const measured = new WeakMap<Briefing, Map<Locale, Map<Quote, FieldSizes>>>();

/** One section per quote, in order, built only when shown. */
export function quoteSections(t: Messages, briefing: Briefing, quotes: readonly InEdition<Quote>[]): SectionList {
  let byLocale = measured.get(briefing);
  if (!byLocale) measured.set(briefing, (byLocale = new Map()));
  let sizes = byLocale.get(t.locale);
  if (!sizes) byLocale.set(t.locale, (sizes = new Map()));
  const known = sizes;
  return {
    length: quotes.length,
    section: (index) => quoteSection(t, briefing, quotes[index]!),
    fieldSizes(index) {
      const quote = quotes[index]!;
      let size = known.get(quote);
      if (size === undefined) known.set(quote, (size = fieldSizes(quoteSection(t, briefing, quote))));
      return size;
    },
  };
}
