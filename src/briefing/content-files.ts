// Reading content/ from disk: which files exist, YAML parsing with line numbers, and zod validation
// whose errors point at file, line and field path.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { createRequire } from 'node:module';
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { editionFiles, storyFiles } from './schema.js';

export type FieldPath = readonly (string | number)[];

export interface ContentError {
  /** Path as shown to the editor, relative to the working directory. */
  file: string;
  line?: number;
  /** Field path inside the file, like `quotes[3].speaker`; empty for whole-file problems. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

export function formatContentError(error: ContentError): string {
  const where = error.line === undefined ? error.file : `${error.file}:${error.line}`;
  return `${where}${error.path ? ` ${error.path}` : ''}: ${error.message}`;
}

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

function parseYaml(source: string): ParsedYaml {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  return { document: parseDocument(source, { lineCounter, uniqueKeys: true }), lineCounter };
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

  get data(): unknown {
    return this.parsedData ? this.parsedData.value : this.yaml().document.toJS();
  }

  private yaml(): ParsedYaml {
    return (this.parsed ??= parseYaml(this.source));
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

  /** Validates against `schema`; every problem becomes one error with its line. */
  validate<Schema extends z.ZodType>(schema: Schema): { data?: z.infer<Schema>; errors: ContentError[] } {
    const result = schema.safeParse(this.data, { error: explainIssue });
    if (result.success) return { data: result.data, errors: [] };
    const errors = result.error.issues.flatMap((issue): ContentError[] => {
      const fieldPath = issue.path.filter((segment) => typeof segment !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({
          file: this.file,
          line: this.lineOfKey(fieldPath, key),
          path: formatFieldPath([...fieldPath, key]),
          message: `unknown field "${key}"`,
          severity: 'error',
        }));
      }
      return [this.error(fieldPath, issue.message)];
    });
    return { errors };
  }
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
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`;
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

/** Reads and parses every content file under `dir`; unexpected files are errors, not silently ignored. */
export async function readContentTree(dir: string): Promise<ContentTree> {
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
  for (const entry of entries) {
    const where = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === EDITIONS_FOLDER) await readEditions(where, tree, unexpected);
      else if (entry.name !== SCHEMA_FOLDER) unexpected(where, [...Object.keys(storyFiles), `${EDITIONS_FOLDER}/`]);
    } else if (isContentName(entry.name)) {
      if (entry.name in storyFiles) tree.storyFiles.set(entry.name, await parseFile(where, tree));
      else unexpected(where, Object.keys(storyFiles));
    }
  }
  return tree;
}

async function readEditions(editionsDir: string, tree: ContentTree, unexpected: (where: string, expected: readonly string[]) => void) {
  for (const entry of await readdir(editionsDir, { withFileTypes: true })) {
    const editionDir = path.join(editionsDir, entry.name);
    if (!entry.isDirectory()) {
      if (isContentName(entry.name)) unexpected(editionDir, ['one folder per edition, named by its id']);
      continue;
    }
    const files = new Map<string, ContentFile>();
    tree.editions.set(entry.name, files);
    for (const file of await readdir(editionDir, { withFileTypes: true })) {
      if (!file.isFile() || !isContentName(file.name)) continue;
      const where = path.join(editionDir, file.name);
      if (file.name in editionFiles) files.set(file.name, await parseFile(where, tree, entry.name));
      else unexpected(where, Object.keys(editionFiles));
    }
  }
}

async function parseFile(absolutePath: string, tree: ContentTree, edition?: string): Promise<ContentFile> {
  const { file, errors } = ContentFile.parse(absolutePath, await readFile(absolutePath, 'utf8'), edition);
  tree.errors.push(...errors);
  return file;
}

function isContentName(name: string): boolean {
  return name.endsWith('.yaml') || name.endsWith('.yml');
}
