// The loader's limits: a file with a hundred thousand problems is reported in 201 lines, not a crash;
// and a briefing left without any timeline, quote or position is refused, never served.
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatContentError } from '../src/briefing/content-error.js';
import { loadBriefing } from '../src/briefing/loader.js';
import { contentCopy, EDITION_DIR } from './support/content.js';
import { runScript } from './support/run-script.js';

const copies: Awaited<ReturnType<typeof contentCopy>>[] = [];
afterEach(async () => {
  for (const copy of copies.splice(0)) await copy.cleanup();
});
async function copy(options?: Parameters<typeof contentCopy>[0]) {
  const content = await contentCopy(options);
  copies.push(content);
  return content;
}

describe('errors per file', () => {
  it('reports the first 200 of 140,000 errors in a file, then how many more', async () => {
    const content = await copy();
    const keys = Array.from({ length: 140_000 }, (_, index) => `extra${index}: 1`).join('\n');
    await appendFile(path.join(content.dir, 'story.yaml'), `\n${keys}\n`);
    const result = await loadBriefing(content.dir);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors.map(formatContentError);
    const inStory = errors.filter((line) => line.includes('story.yaml'));
    expect(inStory).toHaveLength(201);
    expect(inStory[0]).toMatch(/story\.yaml:\d+ extra0: unknown field "extra0"/);
    expect(inStory[199]).toContain('extra199');
    expect(inStory[200]).toMatch(/story\.yaml: … and 139800 more errors in this file$/);
  }, 60_000);

  it('reports a file with fewer than 200 errors in full, with no summary line', async () => {
    const content = await copy();
    await appendFile(path.join(content.dir, 'story.yaml'), '\nextraA: 1\nextraB: 2\n');
    const errors = await content.errors();
    expect(errors).toHaveLength(2);
    expect(errors.join('\n')).not.toContain('more errors');
  });
});

describe('a briefing needs a timeline, quotes and positions', () => {
  /** The shipped content as of its first edition alone, so that one edition's file is the only one. */
  async function firstEditionOnly() {
    return copy({ upTo: '2025-11-26' });
  }

  for (const [file, kind] of [['timeline.yaml', 'timeline event'], ['quotes.yaml', 'quote'], ['positions.yaml', 'position']] as const) {
    it(`refuses a briefing whose only ${file} is gone`, async () => {
      const content = await firstEditionOnly();
      if (file === 'quotes.yaml') {
        // Positions cite quotes; without them those references fail first. Drop the citations too.
        await content.edit(`${EDITION_DIR}/positions.yaml`, (text) => text.replace(/^\s+quotes: \[[^\]]*\]\n/gm, '').replace(/^\s+quotes:\n(\s+- .*\n)+/gm, ''));
      }
      await content.remove(`${EDITION_DIR}/${file}`);
      const errors = await content.errors();
      expect(errors).toContain(`${path.join(content.dir, EDITION_DIR, file)}: missing file: the briefing needs at least one ${kind}, and no edition has a ${file}`);
    });
  }

  it('npm run content:check reports the missing timeline', async () => {
    const content = await firstEditionOnly();
    await content.remove(`${EDITION_DIR}/timeline.yaml`);
    const { code, stdout } = await runScript('scripts/content-check.ts', '--content', content.dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/error: .*timeline\.yaml: missing file: the briefing needs at least one timeline event/);
  });
});
