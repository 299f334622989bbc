// Plural forms, relative days and lists for the three languages the bot speaks, by hand. Intl would do
// it too, but its first formatter pages in ICU data (bench: several MB of RSS against a bare client) for
// rules that fit in a few lines: English and German say "one" for 1 only, French for 0 and 1.
import type { Locale } from './locale.js';

export interface PluralForms {
  one: string;
  other: string;
}

const isOne: Record<Locale, (count: number) => boolean> = {
  en: (count) => count === 1,
  de: (count) => count === 1,
  fr: (count) => count === 0 || count === 1,
};

/** `1 quote`, `3 quotes`; French counts 0 as singular (`0 citation`). */
export function countOf(locale: Locale, count: number, forms: PluralForms): string {
  return `${count} ${isOne[locale](count) ? forms.one : forms.other}`;
}

const DAYS: Record<Locale, { today: string; yesterday: string; ago: (days: number) => string }> = {
  en: { today: 'today', yesterday: 'yesterday', ago: (days) => `${days} days ago` },
  de: { today: 'heute', yesterday: 'gestern', ago: (days) => `vor ${days} Tagen` },
  fr: { today: 'aujourd’hui', yesterday: 'hier', ago: (days) => `il y a ${days} jours` },
};

/** `8 days ago`, `vor 8 Tagen`, `il y a 8 jours`; `yesterday`, `today`. */
export function daysAgo(locale: Locale, days: number): string {
  const words = DAYS[locale];
  return days <= 0 ? words.today : days === 1 ? words.yesterday : words.ago(days);
}

const LAST_JOINER: Record<Locale, Record<'disjunction' | 'conjunction', string>> = {
  en: { disjunction: ' or ', conjunction: ' and ' },
  de: { disjunction: ' oder ', conjunction: ' und ' },
  fr: { disjunction: ' ou ', conjunction: ' et ' },
};

/** `A, B or C` / `A, B oder C` / `A, B ou C` (`and` with type conjunction), with no serial comma. */
export function listOf(locale: Locale, items: readonly string[], type: 'disjunction' | 'conjunction'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${LAST_JOINER[locale][type]}${items.at(-1)}`;
}
