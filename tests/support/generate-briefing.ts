// Writes a synthetic but valid briefing in the content/ layout, of any size, the same bytes for the same
// seed: the "100x" briefing the bench measures, and small ones for tests.
//   node --import tsx tests/support/generate-briefing.ts <dir> [scale] [seed]
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import type { Actor, EditionContent, Position, Quote, Source, Story, TimelineEvent, Topic } from '../../src/briefing/schema.js';
import { addDays, IdRegistry, paragraph, sentence, slug, toCyrillic } from './prose.js';
import { Random, WeightedPicker } from './random.js';
import {
  COMMENTATOR_ROLES,
  FAMILY_NAMES,
  GIVEN_NAMES,
  ID_WORDS,
  MEDIA_WORDS,
  ORGANISATION_KINDS,
  ORGANISATION_SUBJECTS,
  ORGANISATIONS,
  PERSON_ROLES,
  PLACES,
  PLATFORMS,
  REGIONS,
  TOPIC_NAMES,
} from './vocabulary.js';

export interface BriefingSize {
  actors: number;
  topics: number;
  sources: number;
  editions: number;
  quotes: number;
  positions: number;
  timeline: number;
}

/** About 100 times the shipped briefing (topics grow less: a story has only so many). */
export const HUNDRED_X: BriefingSize = { actors: 1000, topics: 48, sources: 1200, editions: 50, quotes: 20_000, positions: 5_000, timeline: 1_300 };
/** Two editions at least, so that positions can supersede earlier ones. */
const MINIMUM: BriefingSize = { actors: 6, topics: 3, sources: 4, editions: 2, quotes: 10, positions: 6, timeline: 4 };

/** `scale` 1 is HUNDRED_X; 0.01 is a briefing about the shipped one's size. */
export function sizeAt(scale: number): BriefingSize {
  const size = (key: keyof BriefingSize) => Math.max(MINIMUM[key], Math.round(HUNDRED_X[key] * scale));
  return {
    actors: size('actors'),
    topics: Math.min(size('topics'), TOPIC_NAMES.length),
    sources: size('sources'),
    editions: size('editions'),
    quotes: size('quotes'),
    positions: size('positions'),
    timeline: size('timeline'),
  };
}

const STORY_START = '2025-09-01';
const DAYS_BETWEEN_EDITIONS = 2;

interface GeneratedEdition {
  id: string;
  content: EditionContent;
  quotes: Quote[];
  positions: Position[];
  timeline: TimelineEvent[];
}

/** Everything a briefing holds, as plain objects shaped like the YAML files. */
interface GeneratedBriefing {
  story: Story;
  actors: Actor[];
  topics: Topic[];
  sources: Source[];
  editions: GeneratedEdition[];
}

export async function generateBriefing(dir: string, options: { scale?: number; seed?: number } = {}): Promise<BriefingSize> {
  const size = sizeAt(options.scale ?? 1);
  await writeBriefing(dir, makeBriefing(new Random(options.seed ?? 1), size));
  return size;
}

function makeBriefing(random: Random, size: BriefingSize): GeneratedBriefing {
  const actors = makeActors(random, size.actors);
  const topics = random.sample(TOPIC_NAMES, size.topics).map((name) => ({ id: slug(name), name, description: sentence(random, 60, 280) }));
  const prominent = new WeightedPicker(actors, (_, index) => 1 / (index + 1) ** 0.9);
  const sources = makeSources(random, size.sources, actors, prominent);
  const editions = makeEditions(random, size, { actors, topics, sources, prominent });
  return { story: { id: 'generated-talks', title: 'Generated peace talks', topic: sentence(random, 60, 190) }, actors, topics, sources, editions };
}

interface ActorDraft extends Omit<Actor, 'id' | 'note' | 'speaksFor'> {
  /** What the id is made from. */
  idText: string;
  person?: { given: string; family: (typeof FAMILY_NAMES)[number] };
}

function makeActors(random: Random, count: number): Actor[] {
  const people = random.shuffle(GIVEN_NAMES.flatMap((given) => FAMILY_NAMES.map((family) => ({ given, family }))));
  const organisations = random.shuffle(
    REGIONS.flatMap((region) => ORGANISATION_KINDS.flatMap((kind) => ORGANISATION_SUBJECTS.map((subject) => ({ name: `${region} ${kind} for ${subject}`, subject })))),
  );
  const media = random.shuffle(REGIONS.flatMap((region) => MEDIA_WORDS.map((word) => `${region} ${word}`)));
  const familyCount = new Map<string, number>();
  const drafts = Array.from({ length: count }, (): ActorDraft => {
    const roll = random.next();
    const place = random.pick(PLACES);
    if (roll < 0.08 && media.length > 0) {
      const name = media.pop()!;
      return { name, idText: name, aliases: [`The ${name}`], role: `News outlet based in ${place}`, affiliation: place, kind: 'media' };
    }
    if (roll < 0.18 && organisations.length > 0) {
      const { name, subject } = organisations.pop()!;
      const acronym = name.split(' ').filter((word) => /^[A-Z]/.test(word)).map((word) => word[0]).join('');
      return { name, idText: `${acronym} ${subject}`, aliases: [acronym], role: `Organisation working on ${subject.toLowerCase()}`, affiliation: place, kind: 'organisation' };
    }
    const person = people.pop()!;
    familyCount.set(person.family.name, (familyCount.get(person.family.name) ?? 0) + 1);
    const commentator = roll < 0.3;
    const name = `${person.given} ${person.family.name}`;
    return {
      name,
      idText: name,
      aliases: [],
      role: commentator ? `${random.pick(COMMENTATOR_ROLES)}, ${place}` : random.pick(PERSON_ROLES).replace('{place}', place),
      affiliation: !commentator && random.chance(0.1) ? random.pick(ORGANISATIONS) : place,
      kind: commentator ? 'commentator' : 'official',
      person,
    };
  });
  const ids = new IdRegistry();
  const claimedAliases = new Set<string>();
  return drafts.map(({ idText, person, ...draft }): Actor => {
    const aliases = [...draft.aliases];
    if (person) {
      const variants = person.family.variants ?? [];
      aliases.push(...variants.map((variant) => `${person.given} ${variant}`));
      // A family name alone is an alias only when one person has it.
      if (familyCount.get(person.family.name) === 1) aliases.push(person.family.name, ...variants);
      if (random.chance(0.25)) aliases.push(toCyrillic(draft.name));
    }
    const unique = aliases.filter((alias) => !claimedAliases.has(alias) && alias !== draft.name);
    unique.forEach((alias) => claimedAliases.add(alias));
    const actor: Actor = { id: ids.claim(idText), ...draft, aliases: unique, speaksFor: [] };
    if (random.chance(0.08)) actor.note = paragraph(random, 60, 400);
    return actor;
  });
}

const SOURCE_TYPES = new WeightedPicker<Source['type']>(
  ['wire-report', 'news-report', 'social-post', 'official-statement', 'poll', 'commentary'],
  (_, index) => [15, 35, 30, 12, 3, 5][index]!,
);

function makeSources(random: Random, count: number, actors: readonly Actor[], prominent: WeightedPicker<Actor>): Source[] {
  const ids = new IdRegistry();
  const outlets = actors.filter((actor) => actor.kind === 'media').map((actor) => actor.name);
  const people = new WeightedPicker(actors.filter((actor) => actor.kind === 'official' || actor.kind === 'commentator'), () => 1);
  const sources: Source[] = [];
  const reports: Source[] = [];
  for (let index = 0; index < count; index++) {
    const type = SOURCE_TYPES.pick(random);
    const date = addDays(STORY_START, random.int(0, 110));
    const publisher =
      type === 'social-post' ? random.pick(PLATFORMS)
      : type === 'official-statement' ? `Government of ${random.pick(PLACES)}`
      : type === 'poll' ? `${random.pick(REGIONS)} Polling Institute`
      : outlets.length > 0 && random.chance(0.7) ? random.pick(outlets)
      : `${random.pick(REGIONS)} ${random.pick(MEDIA_WORDS)}`;
    const id = ids.claim(`${slug(publisher, 13)}-${date}`);
    const source: Source = { id, publisher, type, title: sentence(random, 30, 160, ''), date };
    if (random.chance(0.7)) source.url = `https://example.org/${slug(publisher)}/${id}`;
    if (type === 'social-post' || type === 'official-statement') source.author = (random.chance(0.7) ? prominent.pick(random) : people.pick(random)).id;
    if (type === 'social-post' && reports.length > 0 && random.chance(0.4)) source.via = random.pick(reports.slice(-20)).id;
    if (random.chance(0.05)) source.note = sentence(random, 40, 300);
    sources.push(source);
    if (type === 'wire-report') reports.push(source);
  }
  return sources;
}

interface Cast {
  actors: readonly Actor[];
  topics: readonly Topic[];
  sources: readonly Source[];
  prominent: WeightedPicker<Actor>;
}

/** How many of `total` items edition `index` of `editions` gets: spread evenly. */
const share = (total: number, index: number, editions: number) => Math.floor(((index + 1) * total) / editions) - Math.floor((index * total) / editions);

function makeEditions(random: Random, size: BriefingSize, cast: Cast): GeneratedEdition[] {
  const ids = { quotes: new IdRegistry(), positions: new IdRegistry(), events: new IdRegistry() };
  const quotesBy = new Map<string, string[]>();
  /** `actor|topic` -> the current position on it and its edition. */
  const current = new Map<string, { id: string; edition: number }>();
  return Array.from({ length: size.editions }, (_, index): GeneratedEdition => {
    const date = addDays(STORY_START, 10 + index * DAYS_BETWEEN_EDITIONS);
    const quotes = Array.from({ length: share(size.quotes, index, size.editions) }, () => {
      const quote = makeQuote(random, cast, date, ids.quotes);
      quotesBy.set(quote.speaker, [...(quotesBy.get(quote.speaker) ?? []).slice(-29), quote.id]);
      return quote;
    });
    const positions = Array.from({ length: share(size.positions, index, size.editions) }, () => {
      const position = makePosition(random, cast, date, ids.positions, quotesBy);
      const key = `${position.actor}|${position.topic}`;
      const earlier = current.get(key);
      if (earlier && earlier.edition < index && random.chance(0.7)) position.supersedes = earlier.id;
      current.set(key, { id: position.id, edition: index });
      return position;
    });
    const timeline = Array.from({ length: share(size.timeline, index, size.editions) }, () => makeEvent(random, cast, date, ids.events))
      // Editors keep each timeline oldest first.
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const content: EditionContent = {
      published: `${date}T12:00:00+01:00`,
      timeZone: 'Europe/Zurich',
      basedOn: random.sample(cast.sources, random.int(1, 3)).map((source) => source.id),
      summary: {
        tldr: paragraph(random, 400, 950),
        keyPoints: Array.from({ length: random.int(4, 7) }, () => paragraph(random, 120, 420)),
        whatsNext: Array.from({ length: random.int(3, 5) }, () => sentence(random, 60, 300)),
        openQuestions: Array.from({ length: random.int(3, 5) }, () => sentence(random, 40, 200, '?')),
      },
    };
    return { id: date, content, quotes, positions, timeline };
  });
}

const QUOTE_KINDS = ['statement', 'interview', 'social-post', 'press-briefing'] as const;

function makeQuote(random: Random, cast: Cast, editionDate: string, ids: IdRegistry): Quote {
  const speaker = cast.prominent.pick(random);
  const length = random.next();
  const quote: Quote = {
    id: ids.claim(`${slug(speaker.id, 14)}-${random.pick(ID_WORDS)}`),
    speaker: speaker.id,
    text: length < 0.25 ? sentence(random, 10, 40, '') : length < 0.8 ? paragraph(random, 30, 160) : paragraph(random, 160, 450),
    date: addDays(editionDate, -random.int(0, 6)),
    dated: 'said',
    kind: random.pick(QUOTE_KINDS),
    context: sentence(random, 40, 200),
    source: random.pick(cast.sources).id,
    standing: standingOf(random, speaker),
    translation: random.pick(['none', 'none', 'none', 'translated', 'back-translated'] as const),
    renderings: [],
    topics: random.sample(cast.topics, random.int(1, 3)).map((topic) => topic.id),
    about: [],
  };
  if (quote.translation !== 'none') quote.translationNote = sentence(random, 40, 200);
  if (random.chance(0.05)) quote.renderings = [{ text: sentence(random, 20, 300), source: random.pick(cast.sources).id }];
  if (random.chance(0.15)) quote.about = random.sample(cast.actors, 2).filter((actor) => actor !== speaker).slice(0, random.int(1, 2)).map((actor) => actor.id);
  return quote;
}

/** Commentators are never fact (the content checker insists); others mostly are. */
function standingOf(random: Random, actor: Actor): Quote['standing'] {
  if (actor.kind === 'commentator') return random.chance(0.7) ? 'commentary' : 'claim';
  const roll = random.next();
  return roll < 0.85 ? 'fact' : roll < 0.95 ? 'claim' : 'commentary';
}

function makePosition(random: Random, cast: Cast, editionDate: string, ids: IdRegistry, quotesBy: ReadonlyMap<string, readonly string[]>): Position {
  const actor = cast.prominent.pick(random);
  const topic = random.pick(cast.topics);
  const position: Position = {
    id: ids.claim(`${slug(actor.id, 12)}-${topic.id}`),
    actor: actor.id,
    topic: topic.id,
    stance: sentence(random, 30, 160),
    date: addDays(editionDate, -random.int(0, 6)),
    dated: 'said',
    source: random.pick(cast.sources).id,
    quotes: random.sample(quotesBy.get(actor.id) ?? [], random.int(0, 3)),
    standing: standingOf(random, actor),
  };
  if (random.chance(0.55)) position.detail = paragraph(random, 80, 450);
  return position;
}

function makeEvent(random: Random, cast: Cast, editionDate: string, ids: IdRegistry): TimelineEvent {
  const date = addDays(editionDate, random.int(-10, 10));
  const past = date <= editionDate;
  const event: TimelineEvent = {
    id: ids.claim(`${random.pick(ID_WORDS)}-${date}`),
    date,
    status: past ? (random.chance(0.8) ? 'happened' : 'reported') : random.chance(0.6) ? 'planned' : 'expected',
    title: sentence(random, 30, 160, ''),
    actors: Array.from({ length: random.int(0, 4) }, () => cast.prominent.pick(random).id).filter((id, index, all) => all.indexOf(id) === index),
    topics: random.sample(cast.topics, random.int(0, 2)).map((topic) => topic.id),
    source: random.pick(cast.sources).id,
  };
  if (random.chance(0.15)) event.endDate = addDays(date, random.int(1, 6));
  if (random.chance(0.5)) event.detail = sentence(random, 60, 500);
  return event;
}

async function writeBriefing(dir: string, briefing: GeneratedBriefing): Promise<void> {
  const write = async (file: string, schema: string, data: object) => {
    const where = path.join(dir, file);
    await mkdir(path.dirname(where), { recursive: true });
    const depth = file.split('/').length - 1;
    const header = `# yaml-language-server: $schema=${'../'.repeat(depth)}schema/${schema}.json\n# Generated by tests/support/generate-briefing.ts.\n`;
    await writeFile(where, header + stringify(data, { lineWidth: 110 }));
  };
  await write('story.yaml', 'story', briefing.story);
  await write('actors.yaml', 'actors', { actors: briefing.actors.map(withoutDefaults) });
  await write('topics.yaml', 'topics', { topics: briefing.topics });
  await write('sources.yaml', 'sources', { sources: briefing.sources });
  for (const edition of briefing.editions) {
    const folder = `editions/${edition.id}`;
    await write(`${folder}/edition.yaml`, 'edition', edition.content);
    // A list file must hold at least one entry, so empty ones are left out.
    if (edition.positions.length > 0) await write(`${folder}/positions.yaml`, 'positions', { positions: edition.positions.map(withoutDefaults) });
    if (edition.quotes.length > 0) await write(`${folder}/quotes.yaml`, 'quotes', { quotes: edition.quotes.map(withoutDefaults) });
    if (edition.timeline.length > 0) await write(`${folder}/timeline.yaml`, 'timeline', { timeline: edition.timeline.map(withoutDefaults) });
  }
}

/** Editors leave out empty lists that default to empty; so does the generator. */
function withoutDefaults<T extends object>(item: T): Partial<T> {
  return Object.fromEntries(Object.entries(item).filter(([, value]) => !(Array.isArray(value) && value.length === 0))) as Partial<T>;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, scale = '1', seed = '1'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node --import tsx tests/support/generate-briefing.ts <dir> [scale] [seed]');
    process.exit(2);
  }
  console.log(await generateBriefing(dir, { scale: Number(scale), seed: Number(seed) }));
}
