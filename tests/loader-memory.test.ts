// The loaded briefing keeps only its data, never the YAML text it was parsed from. js-yaml returns
// strings that are slices of the file's text, and a slice keeps the whole text alive; the loader copies
// them (src/briefing/content-yaml.ts, withFreshStrings). Measured in a fresh process of the compiled
// loader (vitest's globalSetup builds dist/), with the garbage collector exposed.
import { execFile } from 'node:child_process';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentCopy, EDITION_DIR } from './support/content.js';

const MB = 1024 * 1024;
/** YAML comment lines appended to one file: text no data comes from, which nothing should keep. */
const PADDING_MB = 6;

const MEASURE = `
  import { loadBriefing } from './dist/src/briefing/loader.js';
  const used = () => process.memoryUsage().heapUsed;
  gc();
  const before = used();
  const result = await loadBriefing(process.env.CONTENT_DIR);
  gc();
  console.log(JSON.stringify({ ok: result.ok, retained: used() - before, quotes: result.ok ? result.briefing.quotes.length : 0 }));
`;

let content: Awaited<ReturnType<typeof contentCopy>>;
beforeEach(async () => {
  content = await contentCopy();
});
afterEach(() => content.cleanup());

describe('memory of the loaded briefing', () => {
  it('does not keep the text of the YAML files alive', async () => {
    const line = `# ${'x'.repeat(1022)}\n`;
    await appendFile(path.join(content.dir, EDITION_DIR, 'quotes.yaml'), line.repeat((PADDING_MB * MB) / line.length));
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--input-type=module', '-e', MEASURE], {
      env: { ...process.env, CONTENT_DIR: content.dir },
    });
    const { ok, retained, quotes } = JSON.parse(stdout) as { ok: boolean; retained: number; quotes: number };
    expect(ok).toBe(true);
    expect(quotes).toBeGreaterThan(0);
    // The shipped briefing's data is about 1 MB; the padded file's text alone is 6 MB (content files may hold 8).
    expect(retained / MB).toBeLessThan(PADDING_MB / 2);
  });
});

describe('numbers JSON cannot hold', () => {
  it('a YAML .inf or .nan is kept as parsed, so the schema rejects it with its real value', async () => {
    await content.edit(`${EDITION_DIR}/quotes.yaml`, (text) => text.replace("    text: The deadline for me is when it's over\n", '    text: .inf\n'));
    const errors = await content.errors();
    expect(errors.some((error) => /quotes\.yaml:7 quotes\[0\]\.text: expected string, got number/.test(error)), errors.join('\n')).toBe(true);
  });
});
