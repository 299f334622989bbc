// Test helpers: the shipped briefing, and throwaway copies of content/ to break on purpose.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Briefing } from '../../src/briefing/briefing.js';
import { formatContentError } from '../../src/briefing/content-error.js';
import { loadBriefing } from '../../src/briefing/loader.js';

export const SHIPPED_CONTENT = path.resolve('content');
export const EDITION_DIR = 'editions/2025-11-26';

export function shippedBriefing(): Promise<Briefing> {
  return loadOrThrow(SHIPPED_CONTENT);
}

export async function loadOrThrow(dir: string): Promise<Briefing> {
  const result = await loadBriefing(dir);
  if (!result.ok) throw new Error(`${dir} is not a valid briefing:\n${result.errors.slice(0, 10).map(formatContentError).join('\n')}`);
  return result.briefing;
}

/** A private copy of the shipped content; `edit` rewrites one file's text in it. */
export async function contentCopy() {
  const dir = await mkdtemp(path.join(tmpdir(), 'briefing-content-'));
  await cp(SHIPPED_CONTENT, dir, { recursive: true });
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
