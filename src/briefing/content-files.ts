// Reading content/ from disk: which files exist, YAML parsing with line numbers, and zod validation
// whose errors point at file, line and field path.
import { constants, type Dirent } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { createRequire } from 'node:module';
import type { Document, LineCounter } from 'yaml';
import { z } from 'zod';
import { fieldNamesAt } from './field-names.js';
import { suggestion } from './matching.js';
import type { ContentError } from './content-error.js';
import { editionFiles, storyFiles } from './schema.js';

/** A content file larger than this is refused unread: 20 times the largest file of a briefing 100 times the shipped one. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** Errors given a line number per file; matches the loader's per-file cap. */
export const MAX_LOCATED_ERRORS = 200;

export type FieldPath = readonly (string | number)[];

function formatFieldPath(fieldPath: FieldPath): string {
  return fieldPath
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join('');
}

interface ParsedYaml {
  document: Document;
  lineCounter: LineCounter;
}

let yamlLibrary: typeof import('yaml') | undefined;

/**
 * `yaml` keeps line positions, so it explains a broken file and locates fields; valid content never needs
 * it, so it is loaded (and its memory spent) only when that happens.
 */
function yaml(): typeof import('yaml') {
  return (yamlLibrary ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}

/**
 * `uniqueKeys` costs time quadratic in a mapping's size (1.3 s for 20,000 keys); it is needed only to
 * explain a file js-yaml refused, never to locate fields in one it accepted (it has no duplicates).
 */
function parseYaml(source: string, { uniqueKeys = true } = {}): ParsedYaml {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  return { document: parseDocument(source, { lineCounter, uniqueKeys }), lineCounter };
}

/** Where a node might be an alias (`*name`): only text that may hold one is lexed, which costs twice a parse. */
const MAYBE_ALIAS = /(?:^|[\s[{,:])\*[^\s,[\]{}]/m;

/** The first alias in `source` (`*name`) and its line, by YAML's own lexer, so a `*` inside text never counts. */
export function firstAlias(source: string): { name: string; line: number } | undefined {
  if (!MAYBE_ALIAS.test(source)) return undefined;
  const { CST, Lexer } = yaml();
  for (const token of new Lexer().lex(source)) {
    if (CST.tokenType(token) === 'alias') return { name: token, line: lineOfNode(source, token) };
  }
  return undefined;
}

/** The line where `node` first stands as a node of its own (after a space, a colon or a flow bracket). */
function lineOfNode(source: string, node: string): number {
  for (let at = source.indexOf(node); at >= 0; at = source.indexOf(node, at + 1)) {
    if (at === 0 || /[\s[{,:]/.test(source[at - 1]!)) return source.slice(0, at).split('\n').length;
  }
  return 1;
}

/**
 * The same data with every string built afresh. js-yaml returns strings that are slices of the file's text,
 * and in V8 a slice keeps the whole text alive: for a briefing 100 times the shipped one, about 30 MB of
 * the heap the loaded briefing retains is raw YAML. A JSON round trip copies every string (and is no
 * slower overall: the garbage collector has less to trace). YAML's `.inf` and `.nan` have no JSON form,
 * so data holding them is kept as parsed (the schema rejects them anyway, with their real value).
 */
function withFreshStrings(data: unknown): unknown {
  return allFinite(data) ? JSON.parse(JSON.stringify(data)) : data;
}

/** No number in it is infinite or NaN. A plain walk: a JSON.stringify replacer would cost more than the copy. */
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!allFinite(item)) return false;
    return true;
  }
  for (const key in value) if (!allFinite((value as Record<string, unknown>)[key])) return false;
  return true;
}

/** One parsed YAML file, able to say on which line any field path starts. */
export class ContentFile {
  /**
   * A file that parsed cleanly keeps its data and drops its YAML document, which takes many times the
   * memory (for a briefing 100 times the shipped one, a third of the peak heap while loading, and the
   * garbage collector's time with it); the rare question about a line parses the text again.
   */
  private parsed: ParsedYaml | undefined;
  private readonly parsedData: { value: unknown } | undefined;

  private constructor(
    readonly file: string,
    readonly name: string,
    readonly edition: string | undefined,
    private readonly source: string,
    parsed: { data: unknown } | ParsedYaml,
  ) {
    if ('data' in parsed) this.parsedData = { value: parsed.data };
    else this.parsed = parsed;
  }

  /**
   * Parses with js-yaml first: several times faster on large files, and the same YAML 1.2 core schema
   * (dates stay strings, duplicate keys are errors). Only a file it rejects is parsed again with `yaml`,
   * whose error messages carry line numbers and whose documents can locate any field.
   */
  static parse(absolutePath: string, source: string, edition?: string): { file: ContentFile; errors: ContentError[] } {
    const where = [displayPath(absolutePath), path.basename(absolutePath), edition, source] as const;
    const alias = firstAlias(source);
    if (alias) {
      // Never expanded: a few lines of aliases can stand for billions of nodes (a "billion laughs" file).
      const message = `YAML aliases (${alias.name}) are not allowed in content files: write the value out where it is used`;
      return { file: new ContentFile(...where, { data: null }), errors: [{ file: where[0], line: alias.line, path: '', message, severity: 'error' }] };
    }
    try {
      return { file: new ContentFile(...where, { data: withFreshStrings(loadYaml(source, { schema: CORE_SCHEMA }) ?? null) }), errors: [] };
    } catch {
      // Reported below from `yaml`'s reading of the same text.
    }
    const parsed = parseYaml(source);
    const file = new ContentFile(...where, parsed);
    const errors = parsed.document.errors.map((yamlError) => ({
      file: file.file,
      line: yamlError.linePos?.[0].line,
      path: '',
      message: `YAML syntax error: ${yamlError.message.split('\n')[0]}`,
      severity: 'error' as const,
    }));
    return { file, errors };
  }

  /** The file's first line, as read (or as the editor has it, unsaved). */
  get firstLine(): string {
    return this.source.split(/\r?\n/, 1)[0]!;
  }

  get data(): unknown {
    return this.parsedData ? this.parsedData.value : this.yaml().document.toJS();
  }

  private yaml(): ParsedYaml {
    return (this.parsed ??= parseYaml(this.source, { uniqueKeys: false }));
  }

  /**
   * A message quotes a wrong string value only if it is all on the offending line: a file that is not
   * YAML (a `.env` linked in by mistake) reads as one string folded from all its lines, and none of the
   * others may be echoed.
   */
  private withoutOtherLines(error: ContentError, expected: string): ContentError {
    const quoted = /got string ("(?:[^"\\]|\\.)*")$/.exec(error.message)?.[1];
    if (quoted === undefined) return error;
    const value = JSON.parse(quoted) as string;
    const line = error.line === undefined ? undefined : this.source.split('\n', error.line)[error.line - 1];
    if (line !== undefined && line.includes(value) && value.length <= 200) return error;
    return { ...error, message: `expected ${expected}, got text (${value.length} characters, not shown)` };
  }

  /** The line of the deepest node that exists along `fieldPath` (a missing field points at its parent). */
  lineOf(fieldPath: FieldPath): number | undefined {
    const { document, lineCounter } = this.yaml();
    const { isNode } = yaml();
    for (let depth = fieldPath.length; depth >= 0; depth--) {
      const node = document.getIn(fieldPath.slice(0, depth), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  }

  /** The line of a key inside the map at `fieldPath` (for keys that are not allowed there). */
  lineOfKey(fieldPath: FieldPath, key: string): number | undefined {
    const { document, lineCounter } = this.yaml();
    const { isMap, isPair, isScalar } = yaml();
    const node = document.getIn(fieldPath, true);
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (pair && isScalar(pair.key) && pair.key.range) return lineCounter.linePos(pair.key.range[0]).line;
    }
    return this.lineOf(fieldPath);
  }

  error(fieldPath: FieldPath, message: string, severity: ContentError['severity'] = 'error'): ContentError {
    return { file: this.file, line: this.lineOf(fieldPath), path: formatFieldPath(fieldPath), message, severity };
  }

  /**
   * Validates against `schema`; every problem becomes one error. Only the first MAX_LOCATED_ERRORS are
   * given their line (locating one can mean walking a large mapping): the rest are only counted, since the
   * loader reports no more than that many per file.
   */
  validate<Schema extends z.ZodType>(schema: Schema): { data?: z.infer<Schema>; errors: ContentError[] } {
    const parser = this.source.length >= COMPILE_FROM_LENGTH ? compiled(schema) : schema;
    const result = parser.safeParse(this.data, { error: explainIssue });
    if (result.success) return { data: result.data, errors: [] };
    const errors: ContentError[] = [];
    const locate = () => errors.length < MAX_LOCATED_ERRORS;
    for (const issue of result.error.issues) {
      const fieldPath = issue.path.filter((segment) => typeof segment !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          errors.push({
            file: this.file,
            line: locate() ? this.lineOfKey(fieldPath, key) : undefined,
            path: formatFieldPath([...fieldPath, key]),
            message: `unknown field "${key}"${suggestion(key, fieldNamesAt(schema, fieldPath))}`,
            severity: 'error',
          });
        }
      } else if (locate()) {
        const error = this.error(fieldPath, issue.message);
        errors.push(issue.code === 'invalid_type' ? this.withoutOtherLines(error, issue.expected) : error);
      } else {
        errors.push({ file: this.file, path: formatFieldPath(fieldPath), message: issue.message, severity: 'error' });
      }
    }
    return { errors };
  }
}

const compiledSchemas = new WeakMap<z.ZodType, z.ZodType>();

/**
 * Compiling a schema costs a few milliseconds, more than the schema itself spends on a small file: the
 * shipped files (12 kB at most) are validated as they were, the 100x briefing's large ones compiled.
 */
const COMPILE_FROM_LENGTH = 32 * 1024;

/**
 * The schema with zod's generated fast path (z.compile): the same data, several times faster (for the 100x
 * briefing, 6 ms against 80 for one quotes file). Data it refuses is parsed again by the schema itself, so
 * the issues, and the messages made of them, are the ones the schema gives. Compiled on first use.
 */
function compiled<Schema extends z.ZodType>(schema: Schema): Schema {
  let fast = compiledSchemas.get(schema);
  if (!fast) compiledSchemas.set(schema, (fast = z.compile(schema)));
  return fast as Schema;
}

/** zod's default messages are written for programmers; these are for editors. */
function explainIssue(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'missing required field';
  if (issue.code === 'invalid_type') return `expected ${issue.expected}, got ${describe(issue.input)}`;
  if (issue.code === 'too_big' && issue.origin === 'string') return `too long: at most ${issue.maximum} characters`;
  if (issue.code === 'too_small' && issue.origin === 'string') return 'must not be empty';
  if (issue.code === 'too_small' && issue.origin === 'array') return `needs at least ${issue.minimum} entr${issue.minimum === 1 ? 'y' : 'ies'}`;
  if (issue.code === 'invalid_format' && issue.format === 'date') return 'not a valid date: use YYYY-MM-DD';
  if (issue.code === 'invalid_format' && issue.format === 'datetime') return 'not a valid date and time: use ISO 8601 with an offset, like 2025-11-26T12:00:00+01:00';
  if (issue.code === 'invalid_value') return `must be one of: ${issue.values.map(String).join(', ')}`;
  return undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  // A file that is not YAML at all reads as one long string: quote its start, never the rest.
  return `${typeof value} ${JSON.stringify(value)}`;
}

export function displayPath(absolutePath: string): string {
  const relative = path.relative(process.cwd(), absolutePath);
  return relative.startsWith('..') ? absolutePath : relative;
}

export interface ContentTree {
  storyFiles: Map<string, ContentFile>;
  /** Edition id (its folder name) -> its files, by name. */
  editions: Map<string, Map<string, ContentFile>>;
  errors: ContentError[];
}

const EDITIONS_FOLDER = 'editions';
/** Generated for editors (npm run content:schema), not content. */
const SCHEMA_FOLDER = 'schema';

/**
 * A file's text as an editor has it, not yet saved (the studio checks drafts as you type): read in place of
 * what is on disk at `file`, a path inside the content folder. Only a file that exists there is replaced.
 */
export interface Unsaved {
  file: string;
  text: string;
}

export interface ReadOptions {
  unsaved?: Unsaved | undefined;
}

/** Reads and parses every content file under `dir`; unexpected files are errors, not silently ignored. */
export async function readContentTree(dir: string, options: ReadOptions = {}): Promise<ContentTree> {
  const tree: ContentTree = { storyFiles: new Map(), editions: new Map(), errors: [] };
  const unexpected = (where: string, expected: readonly string[]) =>
    tree.errors.push({
      file: displayPath(where),
      path: '',
      message: `unexpected file; content files here are: ${expected.join(', ')}`,
      severity: 'error',
    });

  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (cause) {
    tree.errors.push({ file: displayPath(dir), path: '', message: `cannot read content folder: ${(cause as Error).message}`, severity: 'error' });
    return tree;
  }
  const unsaved = options.unsaved && { where: path.resolve(dir, options.unsaved.file), text: options.unsaved.text };
  const reads = readAhead(dir, entries, (name) => name in storyFiles, unsaved);
  for (const entry of entries) {
    const where = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) {
      refuseLink(where, tree);
    } else if (entry.isDirectory()) {
      if (entry.name === EDITIONS_FOLDER) await readEditions(where, tree, unexpected, unsaved);
      else if (entry.name !== SCHEMA_FOLDER) unexpected(where, [...Object.keys(storyFiles), `${EDITIONS_FOLDER}/`]);
    } else if (isContentName(entry.name)) {
      if (!(entry.name in storyFiles)) {
        unexpected(where, Object.keys(storyFiles));
        continue;
      }
      const parsed = parseFile(where, await reads.get(entry.name)!, tree);
      if (parsed) tree.storyFiles.set(entry.name, parsed);
    }
  }
  return tree;
}

type UnsavedAt = { where: string; text: string } | undefined;

async function readEditions(editionsDir: string, tree: ContentTree, unexpected: (where: string, expected: readonly string[]) => void, unsaved: UnsavedAt) {
  const editionEntries = await listFolder(editionsDir, tree);
  for (const entry of editionEntries ?? []) {
    const editionDir = path.join(editionsDir, entry.name);
    if (entry.isSymbolicLink()) {
      refuseLink(editionDir, tree);
      continue;
    }
    if (!entry.isDirectory()) {
      if (isContentName(entry.name)) unexpected(editionDir, ['one folder per edition, named by its id']);
      continue;
    }
    // A folder created and removed again while we read: it is gone, not an edition.
    const fileEntries = await listFolder(editionDir, tree, { missingIsEmpty: true });
    if (!fileEntries) continue;
    const files = new Map<string, ContentFile>();
    tree.editions.set(entry.name, files);
    const reads = readAhead(editionDir, fileEntries, (name) => name in editionFiles, unsaved);
    for (const file of fileEntries) {
      const where = path.join(editionDir, file.name);
      if (file.isSymbolicLink()) {
        refuseLink(where, tree);
        continue;
      }
      if (file.isDirectory() || !isContentName(file.name)) continue;
      if (!(file.name in editionFiles)) {
        unexpected(where, Object.keys(editionFiles));
        continue;
      }
      const parsed = parseFile(where, await reads.get(file.name)!, tree, entry.name);
      if (parsed) files.set(file.name, parsed);
    }
  }
}

type FileRead = Awaited<ReturnType<typeof readRegularFile>>;

/**
 * Starts reading, all at once, the content files among `entries` that `expected` names. Each read waits
 * for the thread pool several times (open, stat, read, close): one file after another, the load of the
 * 100x briefing sat idle for about 180 ms (CPU profile; 120 ms with this, most of it before the load).
 * They are still parsed one by one, in order, so errors keep their order.
 */
function readAhead(dir: string, entries: readonly Dirent[], expected: (name: string) => boolean, unsaved: UnsavedAt): Map<string, Promise<FileRead>> {
  const reads = new Map<string, Promise<FileRead>>();
  for (const entry of entries) {
    if (!entry.isFile() || !isContentName(entry.name) || !expected(entry.name)) continue;
    const where = path.join(dir, entry.name);
    reads.set(entry.name, unsaved && path.resolve(where) === unsaved.where ? Promise.resolve({ text: unsaved.text }) : readRegularFile(where));
  }
  return reads;
}

/**
 * A link could point anywhere (a secret outside the folder, a file another tool rewrites): it is refused by
 * its own path, never followed, and nothing of its target is read.
 */
function refuseLink(where: string, tree: ContentTree): void {
  tree.errors.push({ file: displayPath(where), path: '', message: 'a symbolic link: content files and folders must be real ones inside the content folder (links are never followed)', severity: 'error' });
}

async function listFolder(dir: string, tree: ContentTree, options: { missingIsEmpty?: boolean } = {}) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (cause) {
    if (options.missingIsEmpty && (cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    tree.errors.push({ file: displayPath(dir), path: '', message: `cannot read folder: ${errorCode(cause)}`, severity: 'error' });
    return undefined;
  }
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function errorCode(cause: unknown): string {
  const { code } = cause as NodeJS.ErrnoException;
  if (code === 'ELOOP') return 'a symbolic link, which is never followed (ELOOP)';
  if (code === 'ENOENT') return 'it does not exist (ENOENT)';
  if (code === 'EACCES') return 'permission denied (EACCES)';
  return code ?? 'unknown error';
}

/**
 * Reads a content file without ever blocking: opened non-blocking (a FIFO would otherwise wait for a
 * writer forever) and without following a link (one swapped in since the folder was listed), and only a
 * regular file of at most MAX_FILE_BYTES is read; anything else (FIFO, socket, device) is an error.
 */
async function readRegularFile(absolutePath: string): Promise<{ text: string } | { problem: string }> {
  let handle;
  try {
    handle = await open(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (cause) {
    return { problem: `cannot read file: ${errorCode(cause)}` };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { problem: 'not a regular file' };
    if (stats.size > MAX_FILE_BYTES) return { problem: `${megabytes(stats.size)} MB, more than the ${megabytes(MAX_FILE_BYTES)} MB a content file may hold: split it (an edition's items can go in a later edition)` };
    return { text: await handle.readFile('utf8') };
  } catch (cause) {
    return { problem: `cannot read file: ${errorCode(cause)}` };
  } finally {
    await handle.close();
  }
}

function parseFile(absolutePath: string, read: FileRead, tree: ContentTree, edition?: string): ContentFile | undefined {
  if ('problem' in read) {
    tree.errors.push({ file: displayPath(absolutePath), path: '', message: read.problem, severity: 'error' });
    return undefined;
  }
  const { file, errors } = ContentFile.parse(absolutePath, read.text, edition);
  for (const error of errors) tree.errors.push(error);
  return file;
}

function isContentName(name: string): boolean {
  return name.endsWith('.yaml') || name.endsWith('.yml');
}
