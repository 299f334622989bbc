// Plural forms, relative times and lists from the platform's ICU (Intl), one formatter per locale, made
// on first use: creating one pages in ICU data, which no module may do at import time.
import type { Locale } from './locale.js';

/** BCP 47 tags for ICU: en-GB writes lists without a serial comma (`A, B or C`), as the English replies do. */
const TAGS: Record<Locale, string> = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR' };

const made = new Map<string, unknown>();

function lazily<T>(key: string, make: () => T): T {
  let value = made.get(key) as T | undefined;
  if (value === undefined) made.set(key, (value = make()));
  return value;
}

export interface PluralForms {
  one: string;
  other: string;
}

/** Plural categories by locale and count, as ICU gives them: a select() costs about a microsecond, and /sources asks two a source. */
const categories = new Map<Locale, Map<number, Intl.LDMLPluralRule>>();

/** `1 quote`, `3 quotes`; French counts 0 as singular (`0 citation`). */
export function countOf(locale: Locale, count: number, forms: PluralForms): string {
  let known = categories.get(locale);
  if (!known) categories.set(locale, (known = new Map()));
  let rule = known.get(count);
  if (rule === undefined) known.set(count, (rule = lazily(`plural|${locale}`, () => new Intl.PluralRules(TAGS[locale])).select(count)));
  return `${count} ${rule === 'one' ? forms.one : forms.other}`;
}

/** `8 days ago`, `vor 8 Tagen`, `il y a 8 jours`. */
export function daysAgo(locale: Locale, days: number): string {
  return lazily(`relative|${locale}`, () => new Intl.RelativeTimeFormat(TAGS[locale], { numeric: 'auto' })).format(-days, 'day');
}

/** `A, B or C` / `A, B oder C` / `A, B ou C` (`and` with type conjunction). */
export function listOf(locale: Locale, items: readonly string[], type: 'disjunction' | 'conjunction'): string {
  return lazily(`list|${type}|${locale}`, () => new Intl.ListFormat(TAGS[locale], { type })).format(items);
}

/** The tag an Intl.DateTimeFormat takes for the locale. */
export function dateTag(locale: Locale): string {
  return TAGS[locale];
}
