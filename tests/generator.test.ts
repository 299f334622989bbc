// The bench's briefing generator (bench/generate-briefing.ts): what it writes is valid content, shaped like
// the real thing, and the same seed always writes the same bytes.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBriefing, HUNDRED_X, sizeAt } from './support/generate-briefing.js';
import { formatContentError } from '../src/briefing/content-error.js';
import { loadBriefing } from '../src/briefing/loader.js';

const SCALE = 0.02;
const folders: string[] = [];

async function generated(seed: number): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'generated-briefing-'));
  folders.push(dir);
  await generateBriefing(dir, { scale: SCALE, seed });
  return dir;
}

/** Every file under `dir`, by relative path, with its bytes. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const entries = await Promise.all(
    files.map(async (file) => {
      const where = path.join(file.parentPath, file.name);
      return [path.relative(dir, where), await readFile(where)] as const;
    }),
  );
  return new Map(entries.sort(([a], [b]) => a.localeCompare(b)));
}

afterAll(async () => {
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the briefing generator', () => {
  it('writes a small briefing that loads with no errors, with every part of the content model in use', async () => {
    const result = await loadBriefing(await generated(1));
    expect(result.ok ? [] : result.errors.map(formatContentError)).toEqual([]);
    if (!result.ok) return;
    const { briefing } = result;
    const size = sizeAt(SCALE);
    expect(briefing.actors).toHaveLength(size.actors);
    expect(briefing.quotes).toHaveLength(size.quotes);
    expect(briefing.allPositions).toHaveLength(size.positions);
    expect(briefing.editions).toHaveLength(size.editions);
    expect(briefing.timeline).toHaveLength(size.timeline);
    expect(briefing.positions.length).toBeLessThan(briefing.allPositions.length);
    expect(briefing.allPositions.some((position) => position.supersedes !== undefined)).toBe(true);
    expect(briefing.quotes.some((quote) => quote.translation !== 'none')).toBe(true);
    expect(briefing.actors.some((actor) => actor.aliases.some((alias) => /[^\x20-\x7e]/.test(alias)))).toBe(true);
    expect(new Set(briefing.actors.map((actor) => actor.kind))).toEqual(new Set(['official', 'organisation', 'commentator', 'media']));
  });

  it('writes the same bytes for the same seed, and another briefing for another seed', async () => {
    const [first, again, other] = await Promise.all([snapshot(await generated(7)), snapshot(await generated(7)), snapshot(await generated(8))]);
    expect([...first.keys()]).toEqual([...again.keys()]);
    for (const [file, bytes] of first) expect(bytes.equals(again.get(file)!), file).toBe(true);
    expect(other.get('actors.yaml')!.equals(first.get('actors.yaml')!)).toBe(false);
  });

  it('scales to the 100x briefing the bench measures: 1,000 actors, 20,000 quotes, 5,000 positions, 50 editions', () => {
    expect(sizeAt(1)).toEqual(HUNDRED_X);
    expect(HUNDRED_X).toMatchObject({ actors: 1000, quotes: 20_000, positions: 5000, editions: 50 });
  });
});
