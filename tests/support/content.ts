// Test helpers: the shipped briefing, and throwaway copies of content/ to break on purpose.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Briefing } from '../../src/briefing/briefing.js';
import { atEdition } from '../../src/briefing/editions.js';
import { formatContentError } from '../../src/briefing/content-error.js';
import { loadBriefing } from '../../src/briefing/loader.js';

export const SHIPPED_CONTENT = path.resolve('content');
export const EDITION_DIR = 'editions/2025-11-26';

export function shippedBriefing(): Promise<Briefing> {
  return loadOrThrow(SHIPPED_CONTENT);
}

/**
 * The shipped briefing as it stood once edition `last` was written, before any later one: for tests that travel
 * in time through a story whose later editions must not exist yet (a year later, the newest is still `last`).
 */
export async function shippedUpTo(last: string): Promise<Briefing> {
  const copy = await contentCopy({ upTo: last });
  try {
    return await loadOrThrow(copy.dir);
  } finally {
    await copy.cleanup();
  }
}

/** The shipped briefing as readers saw it at `now`: the editions published by then, the newest shown. */
export async function shippedAt(now: Date): Promise<Briefing> {
  const chosen = atEdition(await shippedBriefing(), now);
  if ('problem' in chosen) throw new Error(`no shipped edition is published by ${now.toISOString()}`);
  return chosen.briefing;
}

export async function loadOrThrow(dir: string): Promise<Briefing> {
  const result = await loadBriefing(dir);
  if (!result.ok) throw new Error(`${dir} is not a valid briefing:\n${result.errors.slice(0, 10).map(formatContentError).join('\n')}`);
  return result.briefing;
}

/** Copies the shipped content into `dir`; with `upTo`, only its editions up to that date. */
export async function copyShippedContent(dir: string, { upTo }: { upTo?: string | undefined } = {}): Promise<void> {
  await cp(SHIPPED_CONTENT, dir, { recursive: true });
  if (upTo === undefined) return;
  for (const edition of await readdir(path.join(dir, 'editions'))) if (edition > upTo) await rm(path.join(dir, 'editions', edition), { recursive: true });
}

/**
 * A private copy of the shipped content (with `upTo`, only its editions up to that date, as the briefing
 * stood then); `edit` rewrites one file's text in it.
 */
export async function contentCopy({ upTo }: { upTo?: string } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'briefing-content-'));
  await copyShippedContent(dir, { upTo });
  return {
    dir,
    async edit(file: string, change: (text: string) => string) {
      const where = path.join(dir, file);
      const before = await readFile(where, 'utf8');
      const after = change(before);
      if (after === before) throw new Error(`edit of ${file} changed nothing`);
      await writeFile(where, after);
    },
    async write(file: string, text: string) {
      await writeFile(path.join(dir, file), text);
    },
    async mkdir(folder: string) {
      await mkdir(path.join(dir, folder), { recursive: true });
    },
    async remove(file: string) {
      await rm(path.join(dir, file), { recursive: true });
    },
    async errors(): Promise<string[]> {
      const result = await loadBriefing(dir);
      return result.ok ? [] : result.errors.map(formatContentError);
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
