// content/ -> Briefing, or every problem at once. Nothing half-loaded ever leaves this module.
import { buildBriefing, type Briefing, type BriefingContent, type Edition, type InEdition } from './briefing.js';
import path from 'node:path';
import { z } from 'zod';
import { displayPath, type ContentFile } from './content-file.js';
import { readContentTree, type ReadOptions } from './content-folder.js';
import { MAX_LOCATED_ERRORS, validateContent } from './content-validation.js';
import type { FieldPath } from './field-path.js';
import { type ContentError } from './content-error.js';
import { compareText, suggestion } from './matching.js';
import {
  ActorsFile,
  CorrectionsFile,
  EditionFile,
  PositionsFile,
  QuotesFile,
  SourcesFile,
  StoryFile,
  TimelineFile,
  TopicsFile,
  type Actor,
  type Correction,
  type Position,
  type Quote,
  type Source,
  type TimelineEvent,
  type Topic,
} from './schema.js';

/** Errors reported per file: past this an editor learns nothing more, and the log is flooded. */
export const MAX_ERRORS_PER_FILE = MAX_LOCATED_ERRORS;

export type LoadResult = { ok: true; briefing: Briefing } | { ok: false; errors: ContentError[] };

/** Where an item was written, so later checks can point at it. */
interface Located<T> {
  item: T;
  file: ContentFile;
  path: FieldPath;
}

/** An edition is named by its date: `/brief edition:2025-11-26` asks for it, and page buttons carry it. */
const EDITION_ID = z.iso.date();

export async function loadBriefing(contentDir: string, options: ReadOptions = {}): Promise<LoadResult> {
  const tree = await readContentTree(contentDir, options);
  const errors: ContentError[] = [];
  // Never `push(...list)`: a call's arguments live on the stack, and a broken file can have 100,000 errors.
  const report = (more: Iterable<ContentError>) => {
    for (const error of more) errors.push(error);
  };
  report(tree.errors);
  const unreadable = new Set(tree.errors.map((error) => error.file));
  /** Files that failed to parse or validate: their ids are unknown, so references to them are not judged. */
  const failed = new Set<string>();

  function validated<Schema extends z.ZodType>(file: ContentFile | undefined, schema: Schema) {
    if (!file) return undefined;
    if (unreadable.has(file.file)) {
      failed.add(file.name);
      return undefined;
    }
    const result = validateContent(file, schema);
    report(result.errors);
    if (!result.data) failed.add(file.name);
    return result.data;
  }

  function required(name: string): ContentFile | undefined {
    const file = tree.storyFiles.get(name);
    if (!file && !unreadable.has(displayPath(path.join(contentDir, name)))) errors.push({ file: displayPath(path.join(contentDir, name)), path: '', message: 'missing file', severity: 'error' });
    return file;
  }

  const story = validated(required('story.yaml'), StoryFile);
  const actorsFile = required('actors.yaml');
  const actors = listed(actorsFile, 'actors', validated(actorsFile, ActorsFile)?.actors);
  const topicsFile = required('topics.yaml');
  const topics = listed(topicsFile, 'topics', validated(topicsFile, TopicsFile)?.topics);
  const sourcesFile = required('sources.yaml');
  const sources = listed(sourcesFile, 'sources', validated(sourcesFile, SourcesFile)?.sources);

  const editions: Located<Edition>[] = [];
  const positions: Located<InEdition<Position>>[] = [];
  const quotes: Located<InEdition<Quote>>[] = [];
  const timeline: Located<InEdition<TimelineEvent>>[] = [];
  const corrections: Located<InEdition<Correction>>[] = [];
  for (const [editionId, files] of tree.editions) {
    const editionFile = files.get('edition.yaml');
    if (!editionFile) {
      const expected = displayPath(path.join(contentDir, 'editions', editionId, 'edition.yaml'));
      if (!unreadable.has(expected)) errors.push({ file: expected, path: '', message: 'missing file: every edition needs one', severity: 'error' });
      continue;
    }
    if (!EDITION_ID.safeParse(editionId).success) {
      errors.push({ file: editionFile.file, path: '', message: `edition folder name "${editionId}" must be the edition's date, YYYY-MM-DD, like 2025-11-26`, severity: 'error' });
    }
    const edition = validated(editionFile, EditionFile);
    if (edition) editions.push({ item: { id: editionId, ...edition }, file: editionFile, path: [] });
    // Validation built these items afresh (zod never returns its input), so they take their edition in place, uncopied.
    const inEdition = <T extends object>(items: Located<T>[]) => items.map(({ item, file, path }) => ({ item: Object.assign(item, { edition: editionId }), file, path }));
    append(positions, inEdition(listed(files.get('positions.yaml'), 'positions', validated(files.get('positions.yaml'), PositionsFile)?.positions)));
    append(quotes, inEdition(listed(files.get('quotes.yaml'), 'quotes', validated(files.get('quotes.yaml'), QuotesFile)?.quotes)));
    append(timeline, inEdition(listed(files.get('timeline.yaml'), 'timeline', validated(files.get('timeline.yaml'), TimelineFile)?.timeline)));
    append(corrections, inEdition(listed(files.get('corrections.yaml'), 'corrections', validated(files.get('corrections.yaml'), CorrectionsFile)?.corrections)));
  }
  if (tree.editions.size === 0) {
    errors.push({ file: displayPath(path.join(contentDir, 'editions')), path: '', message: 'no editions: add a folder editions/<id>/ with an edition.yaml', severity: 'error' });
  }

  editions.sort((a, b) => Date.parse(a.item.published) - Date.parse(b.item.published));
  report(checkReferences({ actors, topics, sources, editions, positions, quotes, timeline, corrections }, failed));
  // Every command assumes at least one of each; a briefing without one would break them, not answer.
  const latestId = editions.at(-1)?.item.id ?? [...tree.editions.keys()].at(-1);
  const needed = [
    { name: 'timeline.yaml', kind: 'timeline event', items: timeline },
    { name: 'quotes.yaml', kind: 'quote', items: quotes },
    { name: 'positions.yaml', kind: 'position', items: positions },
  ] as const;
  for (const { name, kind, items } of needed) {
    if (items.length > 0 || latestId === undefined || failed.has(name)) continue;
    const expected = displayPath(path.join(contentDir, 'editions', latestId, name));
    if (unreadable.has(expected)) continue;
    errors.push({ file: expected, path: '', message: `missing file: the briefing needs at least one ${kind}, and no edition has a ${name}`, severity: 'error' });
  }
  if (errors.length > 0 || !story) return { ok: false, errors: capPerFile(errors) };

  const content: BriefingContent = {
    story,
    editions: editions.map(({ item }) => item),
    actors: actors.map(({ item }) => item),
    topics: topics.map(({ item }) => item),
    sources: sources.map(({ item }) => item),
    allPositions: positions.map(({ item }) => item),
    quotes: quotes.map(({ item }) => item),
    timeline: timeline.map(({ item }) => item).sort((a, b) => compareText(a.date, b.date)),
    corrections: corrections.map(({ item }) => item),
  };
  return { ok: true, briefing: buildBriefing(content) };
}

function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** The first MAX_ERRORS_PER_FILE errors of each file, then one line saying how many more it has. */
export function capPerFile(errors: readonly ContentError[]): ContentError[] {
  const counts = new Map<string, number>();
  const capped: ContentError[] = [];
  for (const error of errors) {
    const count = (counts.get(error.file) ?? 0) + 1;
    counts.set(error.file, count);
    if (count <= MAX_ERRORS_PER_FILE) capped.push(error);
  }
  for (const [file, count] of counts) {
    if (count <= MAX_ERRORS_PER_FILE) continue;
    const extra = count - MAX_ERRORS_PER_FILE;
    const index = capped.findLastIndex((error) => error.file === file);
    capped.splice(index + 1, 0, { file, path: '', message: `… and ${extra} more error${extra === 1 ? '' : 's'} in this file`, severity: 'error' });
  }
  return capped;
}

function listed<T>(file: ContentFile | undefined, key: string, items: readonly T[] | undefined): Located<T>[] {
  if (!file || !items) return [];
  return items.map((item, index) => ({ item, file, path: [key, index] }));
}

interface LocatedContent {
  actors: Located<Actor>[];
  topics: Located<Topic>[];
  sources: Located<Source>[];
  editions: Located<Edition>[];
  positions: Located<InEdition<Position>>[];
  quotes: Located<InEdition<Quote>>[];
  timeline: Located<InEdition<TimelineEvent>>[];
  corrections: Located<InEdition<Correction>>[];
}

/** Unique ids and every cross-reference between files. */
function checkReferences(content: LocatedContent, failedFiles: ReadonlySet<string>): ContentError[] {
  const errors: ContentError[] = [];
  const registry = <T extends { id: string }>(kind: string, items: Located<T>[], fileName: string) => {
    const byId = new Map<string, Located<T>>();
    for (const located of items) {
      const first = byId.get(located.item.id);
      if (first) {
        const firstAt = `${first.file.file}:${first.file.lineOf(first.path) ?? '?'}`;
        errors.push(located.file.error([...located.path, 'id'], `duplicate ${kind} id "${located.item.id}" (first defined at ${firstAt})`));
      } else {
        byId.set(located.item.id, located);
      }
    }
    return { kind, byId, complete: !failedFiles.has(fileName) };
  };
  const actors = registry('actor', content.actors, 'actors.yaml');
  const topics = registry('topic', content.topics, 'topics.yaml');
  const sources = registry('source', content.sources, 'sources.yaml');
  const quotes = registry('quote', content.quotes, 'quotes.yaml');
  const positions = registry('position', content.positions, 'positions.yaml');
  const events = registry('timeline event', content.timeline, 'timeline.yaml');
  registry('correction', content.corrections, 'corrections.yaml');
  const editions = { kind: 'edition', byId: new Map(content.editions.map((edition) => [edition.item.id, edition])), complete: !failedFiles.has('edition.yaml') };

  const expect = (
    known: { kind: string; byId: ReadonlyMap<string, unknown>; complete: boolean },
    located: Located<unknown>,
    field: FieldPath,
    value: string | undefined,
  ) => {
    if (value === undefined || known.byId.has(value) || !known.complete) return;
    errors.push(located.file.error([...located.path, ...field], `unknown ${known.kind} "${value}"${suggestion(value, known.byId.keys())}`));
  };
  const expectAll = (known: Parameters<typeof expect>[0], located: Located<unknown>, field: string, values: readonly string[]) =>
    values.forEach((value, index) => expect(known, located, [field, index], value));

  for (const source of content.sources) {
    expect(actors, source, ['author'], source.item.author);
    expect(sources, source, ['via'], source.item.via);
    if (source.item.via === source.item.id) errors.push(source.file.error([...source.path, 'via'], 'a source cannot be read via itself'));
  }
  for (const edition of content.editions) {
    expectAll(sources, edition, 'basedOn', edition.item.basedOn);
    edition.item.summary.whatsNext.forEach((item, index) => typeof item !== 'string' && item.events.forEach((id, at) => expect(events, edition, ['summary', 'whatsNext', index, 'events', at], id)));
  }

  const editionOrder = new Map(content.editions.map((edition, index) => [edition.item.id, index]));
  /** `supersedes` must name an existing item of an earlier edition. */
  const expectEarlier = (
    known: { kind: string; byId: ReadonlyMap<string, Located<{ edition: string }>>; complete: boolean },
    located: Located<{ edition: string; supersedes?: string | undefined }>,
  ) => {
    const { supersedes } = located.item;
    if (supersedes === undefined) return;
    const earlier = known.byId.get(supersedes);
    expect(known, located, ['supersedes'], supersedes);
    if (earlier && (editionOrder.get(earlier.item.edition) ?? Infinity) >= (editionOrder.get(located.item.edition) ?? -1)) {
      errors.push(located.file.error([...located.path, 'supersedes'], `${known.kind} "${supersedes}" is not from an earlier edition`));
    }
  };
  for (const position of content.positions) {
    const { item } = position;
    expect(actors, position, ['actor'], item.actor);
    expect(topics, position, ['topic'], item.topic);
    expect(sources, position, ['source'], item.source);
    expectAll(quotes, position, 'quotes', item.quotes);
    expectEarlier(positions, position);
  }
  for (const quote of content.quotes) {
    const { item } = quote;
    expect(actors, quote, ['speaker'], item.speaker);
    expect(sources, quote, ['source'], item.source);
    expectAll(topics, quote, 'topics', item.topics);
    expectAll(actors, quote, 'about', item.about);
    item.renderings.forEach((rendering, index) => expect(sources, quote, ['renderings', index, 'source'], rendering.source));
    expectEarlier(quotes, quote);
  }
  for (const event of content.timeline) {
    expectAll(actors, event, 'actors', event.item.actors);
    expectAll(topics, event, 'topics', event.item.topics);
    expect(sources, event, ['source'], event.item.source);
    expectEarlier(events, event);
  }
  const corrected = { quote: quotes, position: positions, event: events, source: sources, summary: editions } as const;
  for (const correction of content.corrections) {
    correction.item.items.forEach((item, index) => expect(corrected[item.kind], correction, ['items', index, 'id'], item.id));
  }
  return errors;
}
