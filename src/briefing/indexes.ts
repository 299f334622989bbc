// What the briefing's indexes (names.ts, queries.ts) are built with: one index per loaded briefing, built on
// first use and dropped with it, and items grouped under keys.
import type { Briefing } from './briefing.js';

/** `build`, asked once per briefing: a reload is a new briefing, so it never answers from an earlier load. */
export function perBriefing<Index>(build: (briefing: Briefing) => Index): (briefing: Briefing) => Index {
  const indexes = new WeakMap<Briefing, Index>();
  return (briefing) => {
    let index = indexes.get(briefing);
    if (!index) indexes.set(briefing, (index = build(briefing)));
    return index;
  };
}

/** Each key with the items that have it, in the items' order; an item with several keys is under each. */
export function groupBy<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}
