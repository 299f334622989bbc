// Built replies, kept per loaded briefing. A briefing command's reply is a pure function of the briefing, its
// options, the page and the language, and of the moment only through `momentOf`: which editions are published,
// how many whole days old the newest one is (the staleness line) and the UTC day (overdue events).
// tests/reply-memo.test.ts checks a kept reply against a freshly built one across moments, options and pages.
//
// Why keep them: readers ask for the same replies again and again (/brief, the pages of one reply), and while
// the JIT is cold a build costs far more than a lookup. `npm run bench -- end-to-end` measured it (README).
import type { Briefing } from '../briefing/briefing.js';
import { publishedBy } from '../briefing/editions.js';
import { utcDay } from '../render/format.js';

const DAY_MS = 86_400_000;

/** What of `now` a reply can depend on. */
export function momentOf(briefing: Briefing, now: Date): string {
  const published = publishedBy(briefing, now);
  const newest = published.at(-1);
  const days = newest ? Math.floor((now.getTime() - Date.parse(newest.published)) / DAY_MS) : '';
  return `${published.length}|${days}|${utcDay(now)}`;
}

/** The `limit` most recently used values per briefing; a reloaded briefing starts empty, the old one's go with it. */
export class ReplyMemo {
  readonly #byBriefing = new WeakMap<Briefing, Map<string, object>>();

  constructor(private readonly limit: number) {}

  /** The value kept for `key` (which must name everything it depends on), else `build()`, then kept. */
  get<T extends object>(briefing: Briefing, key: string, build: () => T): T {
    let kept = this.#byBriefing.get(briefing);
    if (!kept) this.#byBriefing.set(briefing, (kept = new Map()));
    let value = kept.get(key) as T | undefined;
    if (value) kept.delete(key);
    else value = deepFreeze(build());
    // A Map keeps insertion order: the first key is the least recently used.
    kept.set(key, value);
    if (kept.size > this.limit) kept.delete(kept.keys().next().value!);
    return value;
  }
}

/** A kept reply is shared by everyone who asks: a change to it would throw instead of reaching the next reader. */
function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) if (typeof child === 'object' && child !== null && !Object.isFrozen(child)) deepFreeze(child as object);
  return Object.freeze(value);
}
