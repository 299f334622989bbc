// How a name someone typed is read: one policy for autocomplete, /position, /quotes and every other place
// that turns a name into actors. Everything is compared normalized (case, accents and punctuation do not
// count). The steps, in order; the first that answers wins:
//   1. exact: an actor's id or display name (findActor);
//   2. alias: one the content lists (findActor); an id or name outranks another actor's alias;
//   3. institution or group: a country or organisation actors belong to, or an institution they speak for
//      (`speaksFor`), as people say it (`Ukraine`, `Ukrainian`, `EU`, `the Kremlin`, `Kreml`): its speakers,
//      principals first (groupOf); a group's name finds its speakers even where an actor's name holds it;
//   4. first name or surname (3 letters or more) that only one actor has (findActor);
//   5. close: a name, alias or one of their words contains what was typed (3 letters or more), or is a
//      likely typo of it: within 1 edit (2 from 7 letters typed) of its start, cut to the typed length plus
//      that allowance: "did you mean" (closeActors), best first, as autocomplete ranks them.
// Autocomplete (actorSuggestions) lists step 3's speakers, then ranks every actor as step 5 does, but from
// the first letter (typos from the third). src/command/resolve.ts walks the steps in this order.
// Indexes are built once per loaded briefing, on first use, and dropped with it (bench: autocomplete at
// 100x content).
import type { Briefing } from './briefing.js';
import { groupBy, perBriefing } from './indexes.js';
import { compareText, containmentOf, normalize, TypoIndex } from './matching.js';
import type { Actor } from './schema.js';

/** A name or alias an actor can be found by, normalized for matching. */
export interface ActorKey {
  key: string;
  actor: Actor;
  /** The form shown to users when this key matched (name or alias). */
  label: string;
}

export interface RankedActor {
  actor: Actor;
  /** The name or alias that matched best. */
  label: string;
}

export interface ActorGroup {
  /** The country, organisation or institution, as the content writes it (the first that matched). */
  label: string;
  actors: Actor[];
}

/** A country or organisation actors belong to (their affiliation), or an institution some speak for (`speaksFor`). */
interface Affiliation {
  /** As the content writes it. */
  label: string;
  key: string;
  /** The first letter of each word of `key`: `european union` -> `eu`. */
  initials: string;
  actors: readonly number[];
}

interface NameIndex {
  /** Every normalized id and name, then every alias, each in file order: the order lookups prefer them in. */
  actorKeys: readonly ActorKey[];
  actorByKey: ReadonlyMap<string, Actor>;
  /** A first name or surname (`steve`) that only one actor has and no group is called. */
  actorByNameWord: ReadonlyMap<string, Actor>;
  /** Actors who feature most (positions and quotes) first; ties by name. */
  actorsByProminence: readonly Actor[];
  /** Each actor's keys, actors in order of prominence: autocomplete ranks without sorting. */
  actorKeysByProminence: readonly (readonly ActorKey[])[];
  /** An actor's position in `actorsByProminence`. */
  prominenceRank: ReadonlyMap<Actor, number>;
  /** Each affiliation, normalized once, with its actors (positions in `actorsByProminence`, ascending). */
  affiliations: readonly Affiliation[];
  actorTypos: TypoIndex<ActorKey>;
}

/** Step 5's edits allowed for a name typed this long; none under 3 letters, where a slip matches anyone. */
export function nameTypoAllowance(length: number): number {
  return length < 3 ? 0 : length < 7 ? 1 : 2;
}

const indexOf = perBriefing(buildIndex);

function buildIndex(briefing: Briefing): NameIndex {
  const keysOfEach = briefing.actors.map((actor) =>
    uniqueBy([actor.name, actor.id, ...actor.aliases].map((label) => ({ key: normalize(label), actor, label })), (entry) => entry.key),
  );
  const isAlias = ({ actor, label }: ActorKey) => label !== actor.name && label !== actor.id;
  const actorKeys = [...keysOfEach.flat().filter((entry) => !isAlias(entry)), ...keysOfEach.flat().filter(isAlias)];
  const featured = countFeatures(briefing);
  const weight = (actor: Actor) => featured.get(actor.id) ?? 0;
  const actorsByProminence = [...briefing.actors].sort((a, b) => weight(b) - weight(a) || compareText(a.name, b.name));
  const keysByActor = groupBy(keysOfEach.flat(), (entry) => [entry.actor.id]);
  // First claim wins when two actors share a key (the content checker warns about that).
  const actorByKey = new Map([...actorKeys].reverse().map((entry) => [entry.key, entry.actor]));
  const affiliations = [...groupBy(actorsByProminence.map((_, rank) => rank), (rank) => [actorsByProminence[rank]!.affiliation, ...actorsByProminence[rank]!.speaksFor])].map(([label, actors]) => {
    const key = withoutArticle(normalize(label));
    return { label, key, initials: initials(key), actors };
  });
  return {
    actorKeys,
    actorByKey,
    actorByNameWord: uniqueNameWords(briefing.actors, actorByKey, (word) => affiliations.some((affiliation) => namesGroup(affiliation, word))),
    actorsByProminence,
    actorKeysByProminence: actorsByProminence.map((actor) => keysByActor.get(actor.id) ?? []),
    prominenceRank: new Map(actorsByProminence.map((actor, rank) => [actor, rank])),
    affiliations,
    actorTypos: new TypoIndex(actorKeys, nameTypoAllowance),
  };
}

/** How many current positions and quotes each actor has, by id. */
function countFeatures(briefing: Briefing): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of [...briefing.positions.map((position) => position.actor), ...briefing.quotes.map((quote) => quote.speaker)]) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** Words of actors' names (3 letters or more) that name one actor only and are neither a key nor a group's name. */
function uniqueNameWords(actors: readonly Actor[], taken: ReadonlyMap<string, Actor>, isGroup: (word: string) => boolean): Map<string, Actor> {
  const owners = new Map<string, Set<Actor>>();
  for (const actor of actors) {
    for (const word of normalize(actor.name).split(' ')) {
      if (word.length >= 3 && !taken.has(word) && !isGroup(word)) owners.set(word, (owners.get(word) ?? new Set()).add(actor));
    }
  }
  return new Map([...owners].flatMap(([word, set]) => (set.size === 1 ? [[word, [...set][0]!] as const] : [])));
}

/** Every normalized id and name, then every alias (one per distinct key of each actor), in the order lookups prefer them. */
export function actorKeys(briefing: Briefing): readonly ActorKey[] {
  return indexOf(briefing).actorKeys;
}

/** Steps 1, 2 and 4: the actor named by id, display name, alias, or a first name or surname only they have. */
export function findActor(briefing: Briefing, input: string): Actor | undefined {
  const index = indexOf(briefing);
  const key = normalize(input);
  return index.actorByKey.get(key) ?? index.actorByNameWord.get(key);
}

/**
 * Step 3: the actors of a country or organisation named as people say it (`NATO`, `Ukraine`, `Ukrainian`, `US`),
 * or the speakers of an institution (`the Kremlin`), principals first, then by prominence, with the name
 * `input` was read as; undefined when it names no group.
 */
export function groupOf(briefing: Briefing, input: string): ActorGroup | undefined {
  const query = withoutArticle(normalize(input));
  if (query.length < 2) return undefined;
  const index = indexOf(briefing);
  // Affiliations are few (tens, where actors are a thousand at 100x content), so they are what is matched.
  const matched = index.affiliations.filter((affiliation) => namesGroup(affiliation, query));
  if (matched.length === 0) return undefined;
  const ranks = [...new Set(matched.flatMap((affiliation) => affiliation.actors))].sort((a, b) => a - b);
  return { label: matched[0]!.label, actors: ranks.map((rank) => index.actorsByProminence[rank]!).sort((a, b) => Number(isCommentary(a)) - Number(isCommentary(b))) };
}

/** Whether `query` (normalized, without its article) names the group: as written, by its initials, or as its people (`ukrainian`). */
function namesGroup({ key, initials }: Affiliation, query: string): boolean {
  return key === query || (key.includes(' ') && initials === query) || (key.length >= 5 && query.length <= key.length + 3 && query.startsWith(key.slice(0, -1)));
}

/** `the kremlin`, `der kreml`, `l otan` (normalized): an institution as named with its article. */
function withoutArticle(key: string): string {
  return key.replace(/^(?:the|der|die|das|le|la|les|l) (?=\S)/, '');
}

function initials(text: string): string {
  return text.split(' ').map((word) => word[0]).join('');
}

/** Commentators and media are shown after the parties to the story. */
function isCommentary(actor: Actor): boolean {
  return actor.kind === 'commentator' || actor.kind === 'media';
}

/** Step 5, for "did you mean": the actors autocomplete would offer first for `input`, if it has 3 letters or more. */
export function closeActors(briefing: Briefing, input: string, limit: number): Actor[] {
  if (normalize(input).length < 3) return [];
  return rankActors(briefing, input, limit).map(({ actor }) => actor);
}

/** The actors who feature most (positions and quotes), most first; ties by name. */
export function prominentActors(briefing: Briefing, limit: number): readonly Actor[] {
  return indexOf(briefing).actorsByProminence.slice(0, limit);
}

/** The parties to the story who feature most, before any commentator or news organisation. */
export function principalActors(briefing: Briefing, limit: number): Actor[] {
  return [...indexOf(briefing).actorsByProminence].sort((a, b) => Number(isCommentary(a)) - Number(isCommentary(b))).slice(0, limit);
}

/** Autocomplete: the speakers of a group `typed` names (step 3) first, then the other actors rankActors finds. */
export function actorSuggestions(briefing: Briefing, typed: string, limit: number): RankedActor[] {
  const group = (groupOf(briefing, typed)?.actors ?? []).map((actor) => ({ actor, label: actor.name }));
  const ranked = rankActors(briefing, typed, limit).filter(({ actor }) => !group.some((member) => member.actor === actor));
  return [...group, ...ranked].slice(0, limit);
}

/**
 * Actors best matching `input`, best first: exact, then prefix, word prefix, substring, likely typo (step 5,
 * measured against the start of each name, alias or word). Ties go to the actors with the most positions and
 * quotes. An empty input lists the most prominent.
 */
export function rankActors(briefing: Briefing, input: string, limit: number): RankedActor[] {
  const index = indexOf(briefing);
  const query = normalize(input);
  if (query === '') return index.actorsByProminence.slice(0, limit).map((actor) => ({ actor, label: actor.name }));
  // Scores are small integers: gathering matches per score, walking actors in order of prominence, ranks them
  // without sorting.
  const byScore: ActorKey[][] = [];
  const contained = new Array<boolean>(index.actorKeysByProminence.length).fill(false);
  let containedCount = 0;
  const containment = containmentOf(query);
  const contains = (key: ActorKey) => containment(key.key);
  index.actorKeysByProminence.forEach((keys, rank) => {
    if (!fileBestKey(keys, contains, byScore)) return;
    contained[rank] = true;
    containedCount++;
  });
  // A likely typo ranks after every containment match, so typos are looked for only while there is room.
  if (containedCount < limit) {
    const typos = index.actorTypos.scores(query);
    // Only the actors a typo names, in order of prominence: looking every other actor's keys up cost more than the walk.
    const ranks = [...new Set([...typos.keys()].map((key) => index.prominenceRank.get(key.actor)!))].filter((rank) => !contained[rank]).sort((a, b) => a - b);
    const typo = (key: ActorKey) => typos.get(key);
    for (const rank of ranks) fileBestKey(index.actorKeysByProminence[rank]!, typo, byScore);
  }
  return byScore.flat().slice(0, limit);
}

/**
 * Files the best-scoring of one actor's keys (the first of equals) under its score in `byScore`: a key is a
 * RankedActor, with the label that matched. False when none of them scores.
 */
function fileBestKey(keys: readonly ActorKey[], score: (key: ActorKey) => number | undefined, byScore: ActorKey[][]): boolean {
  let best: ActorKey | undefined;
  let bestScore = Infinity;
  for (const key of keys) {
    const value = score(key);
    if (value !== undefined && value < bestScore) {
      best = key;
      bestScore = value;
    }
  }
  if (!best) return false;
  (byScore[bestScore] ??= []).push(best);
  return true;
}

/** A spelling a reader would guess from the name: a part of it, or any form with the same surname ("President Trump"). */
export function guessable(alias: string, name: string): boolean {
  const [spelling, full] = [normalize(alias), normalize(name)];
  const surname = full.split(' ').at(-1)!;
  return ` ${full} `.includes(` ${spelling} `) || ` ${spelling} `.includes(` ${surname} `);
}

function uniqueBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
