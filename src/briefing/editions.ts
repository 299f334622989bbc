// Which edition a reader sees: the editions published by "now", the one asked for (the newest by default),
// and how old the newest one is. Every reply is computed for a moment, so tests and the preview can travel
// in time.
import { viewOf, type Briefing, type Edition } from './briefing.js';

/** Why no edition can be shown: none published by a day (YYYY-MM-DD), one not yet published then, or none with that id. */
export type EditionProblem = { kind: 'none-by'; date: string } | { kind: 'not-yet' | 'unknown'; id: string };

export type EditionChoice = { briefing: Briefing } | { problem: EditionProblem };

/** Views built per loaded briefing, by (edition shown, newest edition): at 100x content a view's indexes take a while to build. */
const views = new WeakMap<Briefing, Map<string, Briefing>>();

/** The editions published by `now`, oldest first. */
export function publishedBy(briefing: Briefing, now: Date): Edition[] {
  return briefing.editions.filter((edition) => Date.parse(edition.published) <= now.getTime());
}

/** The briefing at edition `editionId` (default: the newest published by `now`), or why there is none. */
export function atEdition(briefing: Briefing, now: Date, editionId?: string): EditionChoice {
  const published = publishedBy(briefing, now);
  const newest = published[published.length - 1];
  if (!newest) return { problem: { kind: 'none-by', date: now.toISOString().slice(0, 10) } };
  const latest = editionId === undefined ? newest : published.find((edition) => edition.id === editionId);
  if (!latest) {
    const future = briefing.editions.some((edition) => edition.id === editionId);
    return { problem: { kind: future ? 'not-yet' : 'unknown', id: String(editionId) } };
  }
  if (latest === briefing.latest && newest === briefing.newest) return { briefing };
  let byKey = views.get(briefing);
  if (!byKey) views.set(briefing, (byKey = new Map()));
  const key = `${latest.id}|${newest.id}`;
  let view = byKey.get(key);
  if (!view) byKey.set(key, (view = viewOf(briefing.content, latest, newest)));
  return { briefing: view };
}
