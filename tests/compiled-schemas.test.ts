// Large content files are validated with zod's compiled fast path (z.compile, src/briefing/content-validation.ts):
// it must accept and return exactly what the schema itself does, on the generated briefing's files and on
// the shipped ones, and refuse the same broken items.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { editionFiles, storyFiles } from '../src/briefing/schema.js';
import { generateBriefing } from './support/generate-briefing.js';

let dir: string;
let editions: string[];
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'compiled-schemas-'));
  // A fifth of the 100x briefing: 400 quotes per edition, files well over the size compiled schemas start at.
  await generateBriefing(dir, { scale: 0.2 });
  editions = await readdir(path.join(dir, 'editions'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const read = async (file: string) => load(await readFile(file, 'utf8'), { schema: CORE_SCHEMA });

describe('zod compiled schemas', () => {
  it('give the same data as the schemas on every generated and shipped file', async () => {
    const files: [z.ZodType, string][] = [
      ...Object.entries(storyFiles).flatMap(([name, schema]) => [[schema, path.join(dir, name)], [schema, path.join('content', name)]] as [z.ZodType, string][]),
      ...editions.slice(0, 3).flatMap((id) => Object.entries(editionFiles).map(([name, schema]) => [schema, path.join(dir, 'editions', id, name)] as [z.ZodType, string])),
    ];
    for (const [schema, file] of files) {
      const data = await read(file).catch(() => undefined);
      if (data === undefined) continue;
      const plain = schema.safeParse(data);
      expect(plain.success, file).toBe(true);
      expect(z.compile(schema).safeParse(data), file).toEqual(plain);
    }
  });

  it('refuse what the schemas refuse', async () => {
    const quotes = (await read(path.join(dir, 'editions', editions[0]!, 'quotes.yaml'))) as { quotes: Record<string, unknown>[] };
    const broken = { quotes: quotes.quotes.map((quote, index) => (index % 7 === 3 ? { ...quote, date: 'yesterday', speaker: 42 } : quote)) };
    const plain = editionFiles['quotes.yaml'].safeParse(broken);
    expect(plain.success).toBe(false);
    const compiled = z.compile(editionFiles['quotes.yaml']).safeParse(broken);
    expect(compiled.success).toBe(false);
    expect(compiled.error?.issues).toEqual(plain.error?.issues);
  });
});
