// Validating a parsed content file against its zod schema: every issue becomes a ContentError with the
// file, line and field path, in words written for editors; large files use zod's compiled fast path.
import { z } from 'zod';
import type { ContentError } from './content-error.js';
import type { ContentFile } from './content-file.js';
import { fieldNamesAt } from './field-names.js';
import { formatFieldPath } from './field-path.js';
import { suggestion } from './matching.js';

/** Errors given a line number per file; matches the loader's per-file cap. */
export const MAX_LOCATED_ERRORS = 200;

/**
 * Validates against `schema`; every problem becomes one error. Only the first MAX_LOCATED_ERRORS are
 * given their line (locating one can mean walking a large mapping): the rest are only counted, since the
 * loader reports no more than that many per file.
 */
export function validateContent<Schema extends z.ZodType>(file: ContentFile, schema: Schema): { data?: z.infer<Schema>; errors: ContentError[] } {
  const parser = file.source.length >= COMPILE_FROM_LENGTH ? compiled(schema) : schema;
  const result = parser.safeParse(file.data, { error: explainIssue });
  if (result.success) return { data: result.data, errors: [] };
  const errors: ContentError[] = [];
  const locate = () => errors.length < MAX_LOCATED_ERRORS;
  for (const issue of result.error.issues) {
    const fieldPath = issue.path.filter((segment) => typeof segment !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({
          file: file.file,
          line: locate() ? file.lineOfKey(fieldPath, key) : undefined,
          path: formatFieldPath([...fieldPath, key]),
          message: `unknown field "${key}"${suggestion(key, fieldNamesAt(schema, fieldPath))}`,
          severity: 'error',
        });
      }
    } else if (locate()) {
      const error = file.error(fieldPath, issue.message);
      errors.push(issue.code === 'invalid_type' ? withoutOtherLines(file, error, issue.expected) : error);
    } else {
      errors.push({ file: file.file, path: formatFieldPath(fieldPath), message: issue.message, severity: 'error' });
    }
  }
  return { errors };
}

/**
 * A message quotes a wrong string value only if it is all on the offending line: a file that is not
 * YAML (a `.env` linked in by mistake) reads as one string folded from all its lines, and none of the
 * others may be echoed.
 */
function withoutOtherLines(file: ContentFile, error: ContentError, expected: string): ContentError {
  const quoted = /got string ("(?:[^"\\]|\\.)*")$/.exec(error.message)?.[1];
  if (quoted === undefined) return error;
  const value = JSON.parse(quoted) as string;
  const line = error.line === undefined ? undefined : file.source.split('\n', error.line)[error.line - 1];
  if (line !== undefined && line.includes(value) && value.length <= 200) return error;
  return { ...error, message: `expected ${expected}, got text (${value.length} characters, not shown)` };
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
