// The JSON Schema editors get (content/schema/) must be what the zod schemas generate today, and every
// content file must point at its own schema.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSchemas, SCHEMA_FOLDER } from '../src/checker/json-schema.js';

const CONTENT = 'content';
const SCHEMAS = path.join(CONTENT, SCHEMA_FOLDER);
const MODELINE = /^# yaml-language-server: \$schema=(.+)$/;

describe('content/schema', () => {
  it.each(contentSchemas().map(({ name, json }) => [name, json]))('%s.json is up to date (else run npm run content:schema)', async (name, json) => {
    expect(await readFile(path.join(SCHEMAS, `${name}.json`), 'utf8')).toBe(json);
  });

  it('holds nothing but the generated schemas', async () => {
    const expected = contentSchemas().map(({ name }) => `${name}.json`);
    expect((await readdir(SCHEMAS)).sort()).toEqual(expected.sort());
  });

  it('covers every kind of content file', () => {
    expect(contentSchemas().map(({ name }) => name).sort()).toEqual(['actors', 'corrections', 'edition', 'positions', 'quotes', 'sources', 'story', 'timeline', 'topics']);
  });
});

describe('every YAML file in content/', () => {
  it('starts with a yaml-language-server comment pointing at the schema of its kind', async () => {
    const files = (await readdir(CONTENT, { recursive: true })).filter((file) => file.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const firstLine = (await readFile(path.join(CONTENT, file), 'utf8')).split('\n', 1)[0]!;
      const schema = MODELINE.exec(firstLine)?.[1];
      expect(schema, `${file}: first line is "${firstLine}"`).toBeDefined();
      const target = path.join(CONTENT, path.dirname(file), schema!);
      expect(path.relative(SCHEMAS, target), file).toBe(`${path.basename(file, '.yaml')}.json`);
      expect(existsSync(target), `${file} points at ${target}`).toBe(true);
    }
  });
});
