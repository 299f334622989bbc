// What publishing reads from the drafts, and what it refuses unread: links out of the content folder (never
// followed), oversized files, YAML aliases (a few lines can stand for billions of nodes); and the editorial
// mistakes the checker names: a near-miss field name, a correction older than what it corrects, an edition
// folder named other than its date.
import { mkdtemp, rm, symlink, truncate, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firstAlias } from '../src/briefing/content-yaml.js';
import { MAX_FILE_BYTES } from '../src/briefing/content-folder.js';
import { formatContentError } from '../src/briefing/content-error.js';
import { loadBriefing } from '../src/briefing/loader.js';
import { checkContent } from '../src/checker/check.js';
import { contentCopy, EDITION_DIR } from './support/content.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
async function copy() {
  const content = await contentCopy();
  cleanups.push(content.cleanup);
  return content;
}
async function errorsOf(dir: string): Promise<string[]> {
  const result = await loadBriefing(dir);
  return result.ok ? [] : result.errors.map(formatContentError);
}

/** Nine lines that expand to 9^9 (387 million) strings when aliases are followed. */
const ALIAS_BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((name, index) => {
  const previous = 'abcdefghi'[index]!;
  return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`;
})].join('\n');

describe('files publishing refuses unread', () => {
  it('a symbolic link, by its own path, without reading or naming what it points at', async () => {
    const content = await copy();
    const secrets = await mkdtemp(path.join(tmpdir(), 'secrets-'));
    cleanups.push(() => rm(secrets, { recursive: true, force: true }));
    await writeFile(path.join(secrets, 'timeline.yaml'), 'timeline:\n  - id: SECRET-ENTRY\n    password: SECRET-VALUE\n');
    await unlink(path.join(content.dir, EDITION_DIR, 'timeline.yaml'));
    await symlink(path.join(secrets, 'timeline.yaml'), path.join(content.dir, EDITION_DIR, 'timeline.yaml'));
    const errors = await errorsOf(content.dir);
    expect(errors).toContain(`${path.join(content.dir, EDITION_DIR, 'timeline.yaml')}: a symbolic link: content files and folders must be real ones inside the content folder (links are never followed)`);
    expect(errors.join('\n')).not.toMatch(/SECRET|secrets-/);
  });

  it('a linked edition folder', async () => {
    const content = await copy();
    await symlink(path.join(content.dir, EDITION_DIR), path.join(content.dir, 'editions', '2025-12-10'));
    expect(await errorsOf(content.dir)).toContain(`${path.join(content.dir, 'editions', '2025-12-10')}: a symbolic link: content files and folders must be real ones inside the content folder (links are never followed)`);
  });

  it('a file larger than a content file may be', async () => {
    const content = await copy();
    const file = path.join(content.dir, EDITION_DIR, 'quotes.yaml');
    await truncate(file, MAX_FILE_BYTES + 1);
    expect(await errorsOf(content.dir)).toContain(`${file}: 8.0 MB, more than the 8.0 MB a content file may hold: split it (an edition's items can go in a later edition)`);
  });

  it('a file with YAML aliases, before anything expands them, naming the first one and its line', async () => {
    const content = await copy();
    await content.write('topics.yaml', `# a comment\n${ALIAS_BOMB}\n`);
    expect(await errorsOf(content.dir)).toContain(`${path.join(content.dir, 'topics.yaml')}:3: YAML aliases (*a) are not allowed in content files: write the value out where it is used`);
  });

  it('finds aliases only where YAML has them, not in text that holds asterisks', () => {
    expect(firstAlias('text: "*not* an alias"\nlist: [a, b]\nblock: >-\n  *bold* words\n')).toBeUndefined();
    expect(firstAlias('a: &x 1\nb:\n  - *x\n')).toEqual({ name: '*x', line: 3 });
  });
});

describe('what the checker names', () => {
  it('a field name close to a known one', async () => {
    const content = await copy();
    await content.edit(`${EDITION_DIR}/quotes.yaml`, (text) => text.replace('translation: none', 'translated: false'));
    expect((await errorsOf(content.dir)).join('\n')).toMatch(/quotes\.yaml:\d+ quotes\[\d+\]\.translated: unknown field "translated" \(did you mean "translation"\?\)/);
  });

  it('a correction dated before the edition whose item it corrects', async () => {
    const content = await copy();
    await content.edit('editions/2025-12-03/corrections.yaml', (text) => text.replace('date: 2025-12-03', 'date: 2025-11-20'));
    const { findings } = await checkContent(content.dir);
    expect(findings.map(formatContentError)).toContainEqual(expect.stringMatching(/corrections\.yaml:4 corrections\[0\]\.date: dated 2025-11-20, before the edition of 2025-11-26 whose quote "rutte-difficult-elements" it corrects/));
  });

  it('an edition folder named other than the date the edition is published', async () => {
    const content = await copy();
    await content.edit('editions/2025-12-03/edition.yaml', (text) => text.replace('published: 2025-12-03T23:30:00+01:00', 'published: 2025-12-04T00:30:00+01:00'));
    const { findings } = await checkContent(content.dir);
    expect(findings.map(formatContentError)).toContainEqual(expect.stringMatching(/edition\.yaml:\d+ published: published on 2025-12-04, but its folder is editions\/2025-12-03\//));
  });
});
