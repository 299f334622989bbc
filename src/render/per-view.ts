// What a list reply makes of each item (its block, its field sizes), made once per loaded briefing view and
// language and kept beside the view, so it is dropped with it: a reload or another edition is another view.
// At 100x content /timeline and /sources show one page of 1,300 events or 1,200 sources, and formatting
// them all on every call was most of their time (bench: reply builders). Items are known by their position
// in a list of the view: on this machine a map lookup per item (object or string key) cost 0.1 to 0.7 µs,
// several milliseconds for /quotes' 20,000, where reading an array costs next to nothing.
import type { Briefing } from '../briefing/briefing.js';
import type { Locale } from '../i18n/locale.js';
import type { Messages } from '../i18n/messages.js';

/**
 * `make`, remembered per (view, language, position in `listOf(view)`). `make` must depend on nothing else:
 * whatever else a reply varies with (the day, say) selects one of several such functions.
 */
export function oncePerView<Value>(listOf: (briefing: Briefing) => readonly unknown[], make: (t: Messages, briefing: Briefing, position: number) => Value) {
  const made = new WeakMap<Briefing, Map<Locale, (Value | undefined)[]>>();
  /** The lookup for one view and language: list replies ask it thousands of times a call. */
  return (t: Messages, briefing: Briefing): ((position: number) => Value) => {
    let byLocale = made.get(briefing);
    if (!byLocale) made.set(briefing, (byLocale = new Map()));
    let values = byLocale.get(t.locale);
    if (!values) byLocale.set(t.locale, (values = new Array<Value | undefined>(listOf(briefing).length).fill(undefined)));
    const known = values;
    return (position) => (known[position] ??= make(t, briefing, position));
  };
}
