// One content file, parsed: its data, and on which line any field of it stands (content-yaml.ts reads the
// text; content-validation.ts checks the data against its schema).
import path from 'node:path';
import type { ContentError } from './content-error.js';
import { firstAlias, lineOf, lineOfKey, parseYaml, readYaml, type ParsedYaml } from './content-yaml.js';
import { formatFieldPath, type FieldPath } from './field-path.js';

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
    /** The text as read (or as the editor has it, unsaved). */
    readonly source: string,
    parsed: { data: unknown } | ParsedYaml,
  ) {
    if ('data' in parsed) this.parsedData = { value: parsed.data };
    else this.parsed = parsed;
  }

  /** Reads `source` as YAML (content-yaml.ts); a file with aliases is refused unparsed. */
  static parse(absolutePath: string, source: string, edition?: string): { file: ContentFile; errors: ContentError[] } {
    const where = [displayPath(absolutePath), path.basename(absolutePath), edition, source] as const;
    const alias = firstAlias(source);
    if (alias) {
      // Never expanded: a few lines of aliases can stand for billions of nodes (a "billion laughs" file).
      const message = `YAML aliases (${alias.name}) are not allowed in content files: write the value out where it is used`;
      return { file: new ContentFile(...where, { data: null }), errors: [{ file: where[0], line: alias.line, path: '', message, severity: 'error' }] };
    }
    const reading = readYaml(source);
    if ('data' in reading) return { file: new ContentFile(...where, reading), errors: [] };
    const file = new ContentFile(...where, reading.parsed);
    return { file, errors: reading.errors.map(({ line, message }) => ({ file: file.file, line, path: '', message, severity: 'error' })) };
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

  /** The line of the deepest node that exists along `fieldPath` (a missing field points at its parent). */
  lineOf(fieldPath: FieldPath): number | undefined {
    return lineOf(this.yaml(), fieldPath);
  }

  /** The line of a key inside the map at `fieldPath` (for keys that are not allowed there). */
  lineOfKey(fieldPath: FieldPath, key: string): number | undefined {
    return lineOfKey(this.yaml(), fieldPath, key);
  }

  error(fieldPath: FieldPath, message: string, severity: ContentError['severity'] = 'error'): ContentError {
    return { file: this.file, line: this.lineOf(fieldPath), path: formatFieldPath(fieldPath), message, severity };
  }
}

export function displayPath(absolutePath: string): string {
  const relative = path.relative(process.cwd(), absolutePath);
  return relative.startsWith('..') ? absolutePath : relative;
}
