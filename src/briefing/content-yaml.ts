// YAML text -> data, for content files. Two parsers: js-yaml reads every valid file (fast, and nothing of
// it is kept); `yaml`, loaded only when needed, explains a file js-yaml refused and says on which line a
// field stands. firstAlias finds an alias (`*name`), so that a file holding one is refused before it is read.
import { createRequire } from 'node:module';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import type { Document, LineCounter } from 'yaml';
import type { FieldPath } from './field-path.js';

export interface ParsedYaml {
  document: Document;
  lineCounter: LineCounter;
}

/** What a file's text reads as: its data, or `yaml`'s document with the syntax errors found in it. */
export type YamlReading = { data: unknown } | { parsed: ParsedYaml; errors: { line: number | undefined; message: string }[] };

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
export function parseYaml(source: string, { uniqueKeys = true } = {}): ParsedYaml {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  return { document: parseDocument(source, { lineCounter, uniqueKeys }), lineCounter };
}

/**
 * Parses with js-yaml first: several times faster on large files, and the same YAML 1.2 core schema
 * (dates stay strings, duplicate keys are errors). Only a text it rejects is parsed again with `yaml`,
 * whose error messages carry line numbers and whose documents can locate any field.
 */
export function readYaml(source: string): YamlReading {
  try {
    return { data: withFreshStrings(loadYaml(source, { schema: CORE_SCHEMA }) ?? null) };
  } catch {
    // Explained below by `yaml`'s reading of the same text.
  }
  const parsed = parseYaml(source);
  const errors = parsed.document.errors.map((yamlError) => ({ line: yamlError.linePos?.[0].line, message: `YAML syntax error: ${yamlError.message.split('\n')[0]}` }));
  return { parsed, errors };
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

/** The line of the deepest node that exists along `fieldPath` (a missing field points at its parent). */
export function lineOf({ document, lineCounter }: ParsedYaml, fieldPath: FieldPath): number | undefined {
  const { isNode } = yaml();
  for (let depth = fieldPath.length; depth >= 0; depth--) {
    const node = document.getIn(fieldPath.slice(0, depth), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** The line of a key inside the map at `fieldPath` (for keys that are not allowed there). */
export function lineOfKey(parsed: ParsedYaml, fieldPath: FieldPath, key: string): number | undefined {
  const { isMap, isPair, isScalar } = yaml();
  const node = parsed.document.getIn(fieldPath, true);
  if (isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
    if (pair && isScalar(pair.key) && pair.key.range) return parsed.lineCounter.linePos(pair.key.range[0]).line;
  }
  return lineOf(parsed, fieldPath);
}
