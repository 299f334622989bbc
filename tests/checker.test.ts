// The content checker on fixture content: each lint fires on a case crafted to break it and stays
// silent on clean content; quote verification against each quote's evidence and an archive; the
// content:check CLI.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contentCopy } from './support/content.js';
import { runScript } from './support/run-script.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatContentError } from '../src/briefing/content-error.js';
import { checkContent, summaryLine } from '../src/checker/check.js';
import { containsVerbatim, plainTypography } from '../src/checker/typography.js';

const FIXTURE = path.resolve('tests/fixtures/checker');
const EDITION = 'content/editions/2025-01-10';

/** A private copy of the fixture (content/ and archive/) to break one way at a time. */
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'content-check-'));
  await cp(FIXTURE, dir, { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const where = path.join(dir, file);
  const before = await readFile(where, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`edit of ${file} changed nothing`);
  await writeFile(where, after);
}

const replace = (file: string, from: string, to: string) => edit(file, (text) => text.replace(from, to));
const append = (file: string, more: string) => edit(file, (text) => `${text}${more}`);

/** Findings as the CLI prints them, with the temporary folder shown as `<fixture>`. */
async function check(options: { archive?: boolean } = {}): Promise<string[]> {
  const report = await checkContent(path.join(dir, 'content'), { archiveDir: options.archive === false ? undefined : path.join(dir, 'archive') });
  return report.findings.map((finding) => `${finding.severity}: ${formatContentError(finding)}`.replaceAll(dir, '<fixture>'));
}

describe('clean content', () => {
  it('the fixture passes every lint, and its quotes verify (one only after typography is unified)', async () => {
    const report = await checkContent(path.join(dir, 'content'), { archiveDir: path.join(dir, 'archive') });
    expect(report.findings).toEqual([]);
    expect(report.quotes).toEqual({ verified: 3, unverified: 0, mismatched: 0 });
    expect(report.evidence).toEqual({ matched: 3, missing: 0, mismatched: 0 });
    expect(summaryLine(report)).toBe(
      'content:check: 0 errors, 0 warnings; quotes: 3 verified, 0 unverified (no archive), 0 mismatched; evidence: 3 matched, 0 missing, 0 mismatched',
    );
  });

  it('the shipped content has no errors', async () => {
    const report = await checkContent('content');
    expect(report.findings.filter((finding) => finding.severity === 'error').map(formatContentError)).toEqual([]);
    expect(summaryLine(report)).toMatch(
      /^content:check: 0 errors, \d+ warnings?; quotes: 0 verified, \d+ unverified \(no archive\), 0 mismatched; evidence: \d+ matched, 0 missing, 0 mismatched$/,
    );
  });
});

describe('each lint fires on its crafted case', () => {
  it('an actor, topic or source that nothing refers to', async () => {
    await append('content/actors.yaml', '\n  - id: nobody\n    name: No Body\n    role: Unused\n    affiliation: None\n    kind: official\n');
    await append('content/topics.yaml', '  - id: unused\n    name: Unused\n    description: Nothing is tagged with it.\n');
    await append('content/sources.yaml', '\n  - id: uncited\n    publisher: Nobody\n    type: news-report\n    title: Never cited\n    date: 2025-01-01\n    noUrl: true\n');
    expect(await check()).toEqual([
      'warning: <fixture>/content/actors.yaml:24 actors[3].id: nothing refers to this actor: give it a position, a quote or a timeline event, or remove it',
      'warning: <fixture>/content/sources.yaml:28 sources[3].id: nothing refers to this source: cite it from a position, quote, timeline event or edition, or remove it',
      'warning: <fixture>/content/topics.yaml:9 topics[2].id: nothing refers to this topic: tag a position, quote or timeline event with it, or remove it',
    ]);
  });

  it('a source without a url, unless it is marked noUrl', async () => {
    await replace('content/sources.yaml', '    url: https://harbourtown.example/news/bridge-opening\n', '');
    expect(await check()).toEqual([
      'warning: <fixture>/content/sources.yaml:3 sources[0].url: no url: add its public address, or mark it noUrl: true and say in note why it has none',
    ]);
    await replace('content/sources.yaml', '    date: 2025-01-10\n', '    date: 2025-01-10\n    noUrl: true\n');
    expect(await check()).toEqual([]);
  });

  it('a position with no supporting quote whose source is not the actor\'s own words', async () => {
    await replace(`${EDITION}/positions.yaml`, '    quotes: [council-cap]\n', '');
    expect(await check()).toEqual([
      `warning: <fixture>/${EDITION}/positions.yaml:12 positions[1].quotes: no supporting quote, and its source "daily-2025-01-10" is not City council's own words: add a quote, or cite City council's own post or statement`,
    ]);
  });

  it('but not a position without quotes that cites the actor\'s own post', async () => {
    await replace(`${EDITION}/positions.yaml`, '    quotes: [mayor-march]\n', '');
    expect(await check()).toEqual([]);
  });

  it('a commentator\'s quote or position marked as fact', async () => {
    await replace(`${EDITION}/quotes.yaml`, 'standing: commentary', 'standing: fact');
    await replace(`${EDITION}/positions.yaml`, 'standing: commentary', 'standing: fact');
    expect(await check()).toEqual([
      `error: <fixture>/${EDITION}/positions.yaml:28 positions[2].standing: a commentator's position is shown as fact: use standing: commentary for an opinion, or claim for an unverified allegation`,
      `error: <fixture>/${EDITION}/quotes.yaml:44 quotes[2].standing: a commentator's words are shown as fact: use standing: commentary for an opinion, or claim for an unverified allegation`,
    ]);
  });

  it('a social post quoted as the words of someone other than its author', async () => {
    await replace(`${EDITION}/quotes.yaml`, 'speaker: critic', 'speaker: mayor');
    expect(await check()).toEqual([
      `warning: <fixture>/${EDITION}/quotes.yaml:38 quotes[2].speaker: a social post by Ana Lind, but its source "voss-post" is a post by Sam Voss: check the speaker and the source`,
    ]);
  });

  it('timeline events out of date order in the file', async () => {
    await replace(`${EDITION}/timeline.yaml`, 'date: 2025-01-09', 'date: 2025-01-07');
    expect(await check()).toEqual([
      `warning: <fixture>/${EDITION}/timeline.yaml:12 timeline[1].date: out of date order: it comes after "budget-capped" (8 Jan 2025); keep the timeline oldest first`,
    ]);
  });

  it('an event marked as happened but dated after the edition was published', async () => {
    await replace(`${EDITION}/timeline.yaml`, 'status: expected', 'status: happened');
    expect(await check()).toEqual([
      `error: <fixture>/${EDITION}/timeline.yaml:21 timeline[2].endDate: marked happened but dated 31 Mar 2025, after the edition was published (10 Jan 2025): use planned or expected, or fix the date`,
    ]);
  });

  it('a quote that renders longer than one embed field', async () => {
    const long = `${'very '.repeat(190)}long`;
    await replace(`${EDITION}/quotes.yaml`, '    topics: [bridge]\n', `      - text: ${long}\n        source: daily-2025-01-10\n    topics: [bridge]\n`);
    expect(await check({ archive: false })).toEqual([
      `warning: <fixture>/${EDITION}/quotes.yaml:3 quotes[0]: renders to 1270 characters, more than a Discord embed field holds (1024), so replies split it across fields: shorten the context, translation note or renderings`,
      // Evidence is not rendered, and the passage may not be that long: the made-up rendering goes without.
      `error: <fixture>/${EDITION}/quotes.yaml:21 quotes[0].renderings[1].evidence: no evidence: add the passage of daily-2025-01-10 around these words`,
    ]);
  });

  it('a /brief footer that Discord would cut', async () => {
    const ids = Array.from({ length: 24 }, (_, index) => `wire-${index}`);
    await append('content/sources.yaml', ids.map((id) => `\n  - id: ${id}\n    publisher: ${id} ${'Long Publisher Name '.repeat(4)}\n    type: wire-report\n    title: A report\n    date: 2025-01-10\n    noUrl: true\n`).join(''));
    await replace(`${EDITION}/edition.yaml`, 'basedOn: [daily-2025-01-10]', `basedOn: [daily-2025-01-10, ${ids.join(', ')}]`);
    const findings = await check({ archive: false });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(
      new RegExp(`^error: <fixture>/${EDITION}/edition.yaml:4 basedOn: /brief would break a Discord limit: its footer, naming the publishers of every source in basedOn, would be cut \\(en: \\d+ characters; de: \\d+ characters; fr: \\d+ characters\\)$`),
    );
  });

  it('an alias shared by two actors, however it is written', async () => {
    await replace('content/actors.yaml', 'aliases: [Council]', 'aliases: [Council, "LIND!"]');
    expect(await check()).toEqual([
      'warning: <fixture>/content/actors.yaml:12 actors[1].aliases[1]: "LIND!" also names Ana Lind (as "Lind"); lookups by it find Ana Lind: drop it from one of them',
    ]);
  });

  it('a content file without its JSON Schema comment, or pointing at the wrong schema', async () => {
    await edit(`${EDITION}/quotes.yaml`, (text) => text.split('\n').slice(1).join('\n'));
    await replace('content/actors.yaml', 'schema/actors.json', 'schema/quotes.json');
    expect(await check()).toEqual([
      'warning: <fixture>/content/actors.yaml:1: the first line should be "# yaml-language-server: $schema=schema/actors.json", so editors get completion and validation',
      `warning: <fixture>/${EDITION}/quotes.yaml:1: the first line should be "# yaml-language-server: $schema=../../schema/quotes.json", so editors get completion and validation`,
    ]);
  });

  it('reports loader errors, and checks nothing else until they are fixed', async () => {
    await replace(`${EDITION}/quotes.yaml`, 'speaker: critic', 'speaker: critc');
    const report = await checkContent(path.join(dir, 'content'), { archiveDir: path.join(dir, 'archive') });
    expect(report.findings.map((finding) => finding.message)).toEqual(['unknown actor "critc" (did you mean "critic"?)']);
    expect(summaryLine(report)).toBe('content:check: 1 error, 0 warnings; quotes: not checked until the content loads');
  });
});

describe('markup a reply would turn into something else', () => {
  const SOURCES = 'content/sources.yaml';
  const QUOTES = `${EDITION}/quotes.yaml`;
  const URL = 'url: https://harbourtown.example/news/bridge-opening';

  it('refuses a javascript: or data: address, and one that is not on the web', async () => {
    for (const address of ['javascript:alert(document.cookie)', 'data:text/html,<b>hi</b>', 'ftp://harbourtown.example/file']) {
      await replace(SOURCES, URL, `url: "${address}"`);
      expect((await check({ archive: false })).filter((line) => line.startsWith('error')), address).toEqual([
        expect.stringMatching(/sources\.yaml:\d+ sources\[0\]\.url: must be a web address, http:\/\/ or https:\/\/ and a host name/),
      ]);
      await replace(SOURCES, `url: "${address}"`, URL);
    }
  });

  it('refuses an address that would end its Markdown link early, or open another', async () => {
    await replace(SOURCES, URL, 'url: "https://harbourtown.example/news) [Click here](https://evil.example/steal"');
    expect((await check({ archive: false })).filter((line) => line.startsWith('error'))).toEqual([expect.stringMatching(/sources\[0\]\.url: holds a space or one of \( \) \[ \] < > /)]);
  });

  it('refuses a Markdown link in quoted words and in a rendering of them', async () => {
    await replace(QUOTES, 'text: We will open the bridge in March, not a day later.', 'text: We will open the [bridge](https://evil.example/) in March, not a day later.');
    await replace(QUOTES, '- text: in March, not one day later', '- text: "in March, [not one day later]( https://evil.example )"');
    const errors = (await check({ archive: false })).filter((line) => line.startsWith('error'));
    expect(errors).toEqual([
      expect.stringMatching(/quotes\.yaml:\d+ quotes\[0\]\.text: holds a Markdown link \[text\]\(address\): quote the words as said/),
      expect.stringMatching(/quotes\.yaml:\d+ quotes\[0\]\.renderings\[0\]\.text: holds a Markdown link/),
    ]);
  });

  it('lets square brackets an editor adds to quoted words be', async () => {
    await replace(QUOTES, 'text: We will open the bridge in March, not a day later.', 'text: We will open [the bridge] in March (not a day later).');
    // The words no longer match their evidence (the check of what was said, elsewhere in this file); the markup passes.
    expect((await check({ archive: false })).filter((line) => line.startsWith('error') && !line.includes('evidence passage'))).toEqual([]);
  });
});

describe('quote verification', () => {
  it('forgives white space, quotation marks, apostrophes, dashes and ellipses, and nothing else', () => {
    const archive = plainTypography('He said:\n«no deadline» — twice... It’s “final”.');
    const occurs = (quote: string) => containsVerbatim(archive, plainTypography(quote));
    expect(occurs('"no deadline" - twice…')).toBe(true);
    expect(occurs("It's \"final\"")).toBe(true);
    expect(occurs('no  deadline»–twice')).toBe(true);
    expect(occurs('no deadline, twice')).toBe(false);
    expect(occurs('No deadline')).toBe(false);
    // A quote may not end or begin inside a word.
    expect(occurs('no deadlin')).toBe(false);
    expect(occurs('o deadline')).toBe(false);
  });

  it('passes a quote that differs from its evidence only in typographic quotes and dashes', async () => {
    await replace(`${EDITION}/quotes.yaml`, "text: It's the council's money - and it stays capped", 'text: “It’s the council’s money – and it stays capped”');
    // The passage has the closing quotation mark after a comma, so the quote must not include it.
    expect(await check()).toEqual([expect.stringContaining('quotes[1].text: not found verbatim in its evidence passage')]);
    await replace(`${EDITION}/quotes.yaml`, '“It’s the council’s money – and it stays capped”', '“It’s the council’s money – and it stays capped,”');
    expect(await check()).toEqual([]);
  });

  it('fails a quote with a changed word, without an archive, naming the closest words of its evidence and the difference', async () => {
    await replace(`${EDITION}/quotes.yaml`, 'text: We will open the bridge in March, not a day later.', 'text: We will open the bridge in April, not a day later.');
    const report = await checkContent(path.join(dir, 'content'));
    expect(report.findings.map((finding) => `${finding.severity}: ${formatContentError(finding)}`.replaceAll(dir, '<fixture>'))).toEqual([
      `error: <fixture>/${EDITION}/quotes.yaml:5 quotes[0].text: not found verbatim in its evidence passage; ` +
        'closest words: “We will open the bridge in March, not a day later.”; the quote has "April" where the passage has "March"',
    ]);
    expect(report.evidence).toEqual({ matched: 2, missing: 0, mismatched: 1 });
  });

  it('names words left out and added, and a passage that is only close', async () => {
    await replace(`${EDITION}/quotes.yaml`, 'text: This bridge is a monument to waste.', 'text: This bridge is truly a monument to wast.');
    const [finding] = await check();
    expect(finding).toContain('closest words: “This bridge is a monument to waste.”');
    expect(finding).toContain('the quote has "truly" where the passage has nothing; "wast" where the passage has "waste"');
  });

  it('keeps a long list of differences short, and says when nothing resembles the quote', async () => {
    await replace(`${EDITION}/quotes.yaml`, 'text: This bridge is a monument to waste.', 'text: The bridge is truly a monument, to utter waste!');
    expect((await check())[0]).toMatch(/the quote has "The" where the passage has "This"; "truly" where the passage has nothing; "," where the passage has nothing; and 2 more differences$/);
    await replace(`${EDITION}/quotes.yaml`, 'text: The bridge is truly a monument, to utter waste!', 'text: Zebras yodel quietly.');
    expect((await check())[0]).toMatch(/quotes\[2\]\.text: not found verbatim in its evidence passage; nothing in it resembles these words$/);
  });

  it('checks each rendering against its own evidence', async () => {
    await replace(`${EDITION}/quotes.yaml`, 'text: in March, not one day later', 'text: in March, not one single day later');
    expect(await check()).toEqual([
      `error: <fixture>/${EDITION}/quotes.yaml:16 quotes[0].renderings[0].text: not found verbatim in its evidence passage; ` +
        'closest words: “in March, not one day later”; the quote has "single" where the passage has nothing',
    ]);
  });

  it('refuses a quote or rendering without evidence, and still checks its words against the archive', async () => {
    await edit(`${EDITION}/quotes.yaml`, (text) => text.replace(/\n +evidence:\n +passage: .*\n +read: .*/g, ''));
    const report = await checkContent(path.join(dir, 'content'), { archiveDir: path.join(dir, 'archive') });
    expect(report.findings.map((finding) => `${finding.path}: ${finding.message}`)).toEqual([
      'quotes[0].evidence: no evidence: add the passage of mayor-post around these words',
      'quotes[0].renderings[0].evidence: no evidence: add the passage of daily-2025-01-10 around these words',
      'quotes[1].evidence: no evidence: add the passage of daily-2025-01-10 around these words',
      'quotes[2].evidence: no evidence: add the passage of voss-post around these words',
    ]);
    expect(report.findings.every((finding) => finding.severity === 'error')).toBe(true);
    expect(summaryLine(report)).toBe(
      'content:check: 4 errors, 0 warnings; quotes: 3 verified, 0 unverified (no archive), 0 mismatched; evidence: 0 matched, 3 missing, 0 mismatched',
    );
  });

  it('with an archive, fails an evidence passage the report does not print, naming the closest passage', async () => {
    await edit(`${EDITION}/quotes.yaml`, (text) => text.replaceAll('We will open the bridge in March, not a day later.', 'We will open the bridge in April, not a day later.'));
    expect(await check({ archive: false })).toEqual([]);
    const report = await checkContent(path.join(dir, 'content'), { archiveDir: path.join(dir, 'archive') });
    expect(report.findings.map((finding) => `${finding.severity}: ${formatContentError(finding)}`.replaceAll(dir, '<fixture>'))).toEqual([
      `error: <fixture>/${EDITION}/quotes.yaml:13 quotes[0].evidence.passage: not found verbatim in <fixture>/archive/daily-2025-01-10.txt (mayor-post is read via daily-2025-01-10); ` +
        'closest passage, line 7: “We will open the bridge in March, not a day later. — Ana Lind (@mayorlind) 9 January 2025”; the passage has "April" where the archive has "March"',
    ]);
    expect(report.quotes).toEqual({ verified: 2, unverified: 0, mismatched: 1 });
    expect(report.evidence).toEqual({ matched: 3, missing: 0, mismatched: 0 });
  });

  it('checks the quotes of every edition, also those a later edition replaced', async () => {
    await mkdir(path.join(dir, 'content/editions/2025-01-11'));
    await writeFile(
      path.join(dir, 'content/editions/2025-01-11/edition.yaml'),
      (await readFile(path.join(dir, `${EDITION}/edition.yaml`), 'utf8')).replace('published: 2025-01-10T09:00:00+01:00', 'published: 2025-01-11T09:00:00+01:00'),
    );
    const quotes = await readFile(path.join(dir, `${EDITION}/quotes.yaml`), 'utf8');
    const [header, council] = [quotes.split('\n').slice(0, 2).join('\n'), quotes.slice(quotes.indexOf('  - id: council-cap'), quotes.indexOf('  - id: voss-waste'))];
    await writeFile(path.join(dir, 'content/editions/2025-01-11/quotes.yaml'), `${header}\n${council.replace('id: council-cap', 'id: council-cap-2')}    supersedes: council-cap\n`);
    await replace(`${EDITION}/quotes.yaml`, 'text: It\'s the council\'s money - and it stays capped', 'text: It\'s the mayor\'s money');
    expect(await check()).toEqual([expect.stringContaining(`${EDITION}/quotes.yaml:25 quotes[1].text: not found verbatim in its evidence passage`)]);
  });

  it('reads a source from its own archive file before the report it was read in', async () => {
    await writeFile(path.join(dir, 'archive/mayor-post.txt'), 'We will open the bridge in spring.\n');
    const [finding] = await check();
    expect(finding).toContain('quotes[0].evidence.passage: not found verbatim in <fixture>/archive/mayor-post.txt; closest passage, line 1');
  });

  it('reports a quote whose source has no archived text as unverified, never as passed', async () => {
    await rm(path.join(dir, 'archive/daily-2025-01-10.txt'));
    await writeFile(path.join(dir, 'archive/daily.txt'), 'misnamed');
    const report = await checkContent(path.join(dir, 'content'), { archiveDir: path.join(dir, 'archive') });
    expect(report.quotes).toEqual({ verified: 0, unverified: 3, mismatched: 0 });
    expect(report.findings.map((finding) => `${finding.path}: ${finding.message}`.replaceAll(dir, '<fixture>'))).toEqual([
      ': no source has the id "daily"; archive files are named <source-id>.txt',
      'quotes[0].evidence.passage: unverified: the archive <fixture>/archive has no mayor-post.txt, daily-2025-01-10.txt',
      'quotes[0].renderings[0].evidence.passage: unverified: the archive <fixture>/archive has no daily-2025-01-10.txt',
      'quotes[1].evidence.passage: unverified: the archive <fixture>/archive has no daily-2025-01-10.txt',
      'quotes[2].evidence.passage: unverified: the archive <fixture>/archive has no voss-post.txt, daily-2025-01-10.txt',
    ]);
  });

  it('without an archive, counts every quote as unverified without a finding each, and still checks the evidence', async () => {
    const report = await checkContent(path.join(dir, 'content'));
    expect(report.findings).toEqual([]);
    expect(summaryLine(report)).toBe(
      'content:check: 0 errors, 0 warnings; quotes: 0 verified, 3 unverified (no archive), 0 mismatched; evidence: 3 matched, 0 missing, 0 mismatched',
    );
  });
});

describe('npm run content:check', () => {
  const contentCheck = (...args: string[]) => runScript('scripts/content-check.ts', ...args);

  it('exits 0 on clean content and ends with the summary line', async () => {
    const { code, stdout } = await contentCheck('--content', path.join(dir, 'content'), '--archive', path.join(dir, 'archive'), '--strict');
    expect(code).toBe(0);
    expect(stdout).toBe('content:check: 0 errors, 0 warnings; quotes: 3 verified, 0 unverified (no archive), 0 mismatched; evidence: 3 matched, 0 missing, 0 mismatched\n');
  });

  it('exits 1 on an error, and on a warning only with --strict', async () => {
    await replace('content/actors.yaml', 'aliases: [Council]', 'aliases: [Council, Lind]');
    const relaxed = await contentCheck('--content', path.join(dir, 'content'));
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toMatch(/^warning: .*actors\.yaml:12 actors\[1\]\.aliases\[1\]: "Lind" also names Ana Lind/);
    expect((await contentCheck('--content', path.join(dir, 'content'), '--strict')).code).toBe(1);
    await replace(`${EDITION}/quotes.yaml`, 'standing: commentary', 'standing: fact');
    expect((await contentCheck('--content', path.join(dir, 'content'))).code).toBe(1);
  });

  it('exits 2 on bad usage', async () => {
    const unknown = await contentCheck('--archiv', 'x');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('usage: npm run content:check');
    expect((await contentCheck('--archive', path.join(dir, 'no-such-folder'))).code).toBe(2);
  });
});

describe('edition summaries', () => {
  it("warns of a What's next item that names a day but no timeline event, and lets one that names its events be", async () => {
    await replace(`${EDITION}/edition.yaml`, '    - The bridge is expected to open in March.', '    - The bridge is expected to open on 3 March.\n    - { text: "Opening on 3 March.", events: [opening] }');
    expect(await check({ archive: false })).toEqual([
      expect.stringMatching(/^warning: .*edition\.yaml:\d+ summary\.whatsNext\[0\]: names a day but no timeline event: write it as \{ text, events: \[<event ids>\] \}/),
    ]);
  });

  it('refuses a tl;dr over 60 words and a publication time written with another offset than its zone had', async () => {
    const copy = await contentCopy();
    await copy.edit('editions/2025-11-26/edition.yaml', (text) =>
      text.replace('published: 2025-11-26T12:00:00+01:00', 'published: 2025-11-26T12:00:00+02:00').replace('  tldr: >-\n', `  tldr: >-\n    ${'word '.repeat(61)}\n`),
    );
    const { findings } = await checkContent(copy.dir, {});
    const messages = findings.map(formatContentError).join('\n');
    expect(messages).toMatch(/edition\.yaml:\d+ summary\.tldr: the tl;dr has \d+ words; keep it to 60 at most/);
    expect(messages).toContain('published: written with offset +02:00, but Europe/Zurich was at +01:00 then: write the local time with +01:00');
    await copy.cleanup();
  });
});
