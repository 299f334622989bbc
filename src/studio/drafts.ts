// What the studio writes into the drafts besides plain saves: a new edition made from the previous one, the
// starting file of an edition's list (positions, quotes, timeline, corrections), and a correction (the record in
// the newest edition's corrections.yaml and the fix in place, together). Each computes every file's new text
// first and writes only once all of them are known to be good, so a refused request changes nothing.
import { HTTPException } from 'hono/http-exception';
import { Document, isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { MAX_ID_LENGTH } from '../briefing/schema.js';
import { currentOffset } from '../time/zones.js';
import { draftTree, readDraft, writeDraft } from './files.js';

const refuse = (message: string): never => {
  throw new HTTPException(400, { message });
};

/** `# yaml-language-server: $schema=../../schema/quotes.json`: editors (and the studio) complete and check from it. */
const schemaLine = (name: string) => `# yaml-language-server: $schema=../../schema/${name}.json`;

/** The lists an edition may hold, by file: the key, and a first entry whose empty fields the editor fills in. */
const LISTS = {
  'positions.yaml': { key: 'positions', kind: 'position', template: (date: string) => `  - id:\n    actor:\n    topic:\n    stance:\n    date: ${date}\n    source:\n    standing: fact\n` },
  'quotes.yaml': {
    key: 'quotes',
    kind: 'quote',
    template: (date: string) =>
      `  - id:\n    speaker:\n    text:\n    date: ${date}\n    kind: statement\n    context:\n    source:\n    standing: fact\n    translation: none\n    evidence:\n      passage:\n      read: ${date}\n    topics: []\n`,
  },
  'timeline.yaml': { key: 'timeline', kind: 'event', template: (date: string) => `  - id:\n    date: ${date}\n    status: happened\n    title:\n    source:\n` },
  'corrections.yaml': { key: 'corrections', kind: 'correction', template: (date: string) => `  - id:\n    date: ${date}\n    items: []\n    wrong:\n    right:\n` },
} as const;

export type ListFile = keyof typeof LISTS;
export const isListFile = (name: string): name is ListFile => name in LISTS;

/** Starts an edition's list file with one entry to fill in. */
export async function startListFile(contentDir: string, edition: string, name: ListFile): Promise<string> {
  const file = `editions/${edition}/${name}`;
  await writeDraft(contentDir, file, `${schemaLine(name.replace('.yaml', ''))}\n${LISTS[name].key}:\n${LISTS[name].template(edition)}`, { create: true });
  return file;
}

/**
 * A draft edition dated `date`, from the newest edition before it: published at the same time of day in the same
 * time zone, its summary carried over to be revised, and what must be written anew left empty (the sources it
 * rests on, what changed since), so the checker points at each until it is filled.
 */
export async function newEdition(contentDir: string, date: string): Promise<string> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) refuse('the new edition needs its date, YYYY-MM-DD');
  const { editions } = await draftTree(contentDir);
  if (editions.some((edition) => edition.id === date)) refuse(`there is an edition of ${date} already`);
  const previous = editions.find((edition) => edition.id < date && edition.files.includes('edition.yaml'));
  if (!previous) refuse(`no edition before ${date} to start from`);
  const before = parseDocument(await readDraft(contentDir, `editions/${previous!.id}/edition.yaml`));
  const published = String(before.get('published') ?? '');
  const timeZone = String(before.get('timeZone') ?? 'UTC');
  const time = /T(\d{2}:\d{2}(?::\d{2})?)/.exec(published)?.[1] ?? '18:00:00';
  const summary = before.get('summary') as YAMLMap | undefined;
  const edition = new Document({
    published: `${date}T${time}${currentOffset(timeZone, new Date(`${date}T${time}Z`))}`,
    timeZone,
    basedOn: [],
    summary: {
      tldr: summary?.get('tldr') ?? '',
      keyPoints: summary?.get('keyPoints') ?? [],
      whatsNext: summary?.get('whatsNext') ?? [],
      openQuestions: summary?.get('openQuestions') ?? [],
      since: [],
    },
  });
  edition.commentBefore = ` yaml-language-server: $schema=../../schema/edition.json\n Carried over from the edition of ${previous!.id}: revise the summary; fill in basedOn (the sources it rests on) and since (what changed).`;
  const file = `editions/${date}/edition.yaml`;
  await writeDraft(contentDir, file, edition.toString({ lineWidth: 0 }), { create: true });
  return file;
}

export type CorrectableKind = 'position' | 'quote' | 'event';
const FILE_OF: Record<CorrectableKind, ListFile> = { position: 'positions.yaml', quote: 'quotes.yaml', event: 'timeline.yaml' };

interface Found {
  file: string;
  source: string;
  list: YAMLSeq;
  index: number;
}

/** Where an item of `kind` stands in the drafts: its file and place. */
async function findItem(contentDir: string, kind: CorrectableKind, id: string): Promise<Found> {
  if (!Object.hasOwn(FILE_OF, kind)) refuse('a correction fixes a position, a quote or a timeline event');
  const name = FILE_OF[kind];
  for (const edition of (await draftTree(contentDir)).editions.filter((candidate) => candidate.files.includes(name))) {
    const file = `editions/${edition.id}/${name}`;
    const source = await readDraft(contentDir, file);
    const list = parseDocument(source).get(LISTS[name].key);
    if (!isSeq(list)) continue;
    const index = list.items.findIndex((item) => isMap(item) && item.get('id') === id);
    if (index >= 0) return { file, source, list, index };
  }
  return refuse(`no ${kind} "${id}" in the drafts`);
}

/** The column a node starts at, in `source`. */
const columnOf = (source: string, offset: number) => offset - (source.lastIndexOf('\n', offset - 1) + 1);

/** `text`'s lines after the first, indented to `column`: a block written at that column. */
const indented = (text: string, column: number) =>
  text
    .trimEnd()
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : `${' '.repeat(column)}${line}`))
    .join('\n');

/** An item as YAML, for the editor to fix: its text as written, comments and all. */
export async function itemText(contentDir: string, kind: CorrectableKind, id: string): Promise<{ file: string; text: string }> {
  const { file, source, list, index } = await findItem(contentDir, kind, id);
  const [start, , end] = (list.items[index] as YAMLMap).range!;
  const column = columnOf(source, start);
  const text = source
    .slice(start, end)
    .split('\n')
    .map((line, at) => (at === 0 ? line : line.slice(Math.min(column, line.length - line.trimStart().length))))
    .join('\n');
  return { file, text: `${text.trimEnd()}\n` };
}

/**
 * `source` with `entry` added at the end of its block list `key`, written as the file writes its entries; the
 * file's other lines are kept as they are, so the change is only what was added.
 */
function appendEntry(source: string, key: string, entry: object): string {
  const list = parseDocument(source).get(key);
  const block = new Document([entry]).toString({ lineWidth: 0 });
  if (isSeq(list) && !list.flow && list.items.length > 0) {
    const [start, , end] = list.range!;
    const column = columnOf(source, start);
    const before = source.slice(0, end);
    return `${before}${before.endsWith('\n') ? '' : '\n'}${' '.repeat(column)}${indented(block, column)}\n${source.slice(end)}`;
  }
  const head = source.split('\n', 1)[0]!.startsWith('#') ? `${source.split('\n', 1)[0]}\n` : '';
  return `${head}${key}:\n  ${indented(block, 2)}\n`;
}

export interface CorrectionRequest {
  kind: CorrectableKind;
  id: string;
  /** The item as it should read (YAML of one entry, its id unchanged). */
  fixed: string;
  wrong: string;
  right: string;
}

/** Fixes the item in place and records the correction in the newest draft edition; returns the correction's id. */
export async function correctItem(contentDir: string, request: CorrectionRequest): Promise<{ correctionId: string; files: string[] }> {
  const { kind, id } = request;
  const [wrong, right] = [String(request.wrong ?? '').trim(), String(request.right ?? '').trim()];
  if (!wrong || !right) refuse('say what was wrong and what is right: readers see both');
  const found = await findItem(contentDir, kind, id);
  const fixed = parseDocument(String(request.fixed ?? ''));
  if (fixed.errors.length > 0) refuse(`the fixed ${kind} is not valid YAML: ${fixed.errors[0]!.message.split('\n')[0]}`);
  if (!isMap(fixed.contents) || (fixed.contents as YAMLMap).get('id') !== id) refuse(`the fixed ${kind} must be one entry with id: ${id}`);
  const [start, , end] = (found.list.items[found.index] as YAMLMap).range!;
  const after = `${found.source.slice(0, start)}${indented(String(request.fixed), columnOf(found.source, start))}\n${found.source.slice(end)}`;
  if ((await itemText(contentDir, kind, id)).text.trim() === String(request.fixed).trim()) refuse(`the fix changes nothing in ${kind} "${id}"`);

  const newest = (await draftTree(contentDir)).editions[0]!;
  const correctionsFile = `editions/${newest.id}/corrections.yaml`;
  const exists = newest.files.includes('corrections.yaml');
  const source = exists ? await readDraft(contentDir, correctionsFile) : `${schemaLine('corrections')}\n`;
  const records = parseDocument(source).get('corrections');
  if (exists && !isSeq(records)) refuse(`${correctionsFile} has no corrections list to add to: fix it first`);
  const taken = new Set(isSeq(records) ? records.items.map((item) => (isMap(item) ? String(item.get('id')) : '')) : []);
  const correctionId = freeId(`${id}-fix`, taken);
  const record = appendEntry(source, 'corrections', { id: correctionId, date: newest.id, items: [{ kind, id }], wrong, right });

  // The fix first: should the record fail to write, the drafts hold a fix the checker sees uncorrected, never a record of a fix not made.
  await writeDraft(contentDir, found.file, after);
  await writeDraft(contentDir, correctionsFile, record, { create: !exists });
  return { correctionId, files: [found.file, correctionsFile] };
}

/** `base`, shortened to an id's length, with -2, -3, ... until no correction has it. */
function freeId(base: string, taken: ReadonlySet<string>): string {
  const stem = (length: number) => base.slice(0, length).replace(/-+$/, '');
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const candidate = `${stem(MAX_ID_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
