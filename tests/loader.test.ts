import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBriefing } from '../src/briefing/loader.js';
import { contentCopy, EDITION_DIR, SHIPPED_CONTENT, shippedBriefing } from './support/content.js';

describe('the shipped briefing', () => {
  it('loads and passes every check', async () => {
    const result = await loadBriefing(SHIPPED_CONTENT);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('has the actors the story needs, with their roles right', async () => {
    const briefing = await shippedBriefing();
    const role = (id: string) => briefing.actorById.get(id)?.role;
    for (const id of ['trump', 'witkoff', 'driscoll', 'putin', 'zelensky', 'rutte', 'leavitt', 'rubio', 'coalition-of-the-willing']) {
      expect(briefing.actorById.has(id), id).toBe(true);
    }
    for (const commentator of ['bloomberg', 'jake-broe', 'filipkowski', 'chadbourn', 'rupar']) {
      expect(['commentator', 'media']).toContain(briefing.actorById.get(commentator)?.kind);
    }
    // The source's translation garbles Driscoll's title; the Secretary of State is Rubio.
    expect(role('driscoll')).toMatch(/Secretary of the Army/);
    expect(role('rubio')).toBe('US Secretary of State');
    expect(role('rutte')).toBe('Secretary General of NATO');
  });

  it('never shows a commentator as fact, and marks every translation', async () => {
    const briefing = await shippedBriefing();
    for (const quote of briefing.quotes) {
      const speaker = briefing.actorById.get(quote.speaker)!;
      if (speaker.kind === 'commentator') expect(quote.standing, quote.id).not.toBe('fact');
      if (quote.translation !== 'none') expect(quote.translationNote, quote.id).toBeTruthy();
    }
  });

  it('quotes the person\'s own post where the report also renders it, keeping the rendering', async () => {
    const briefing = await shippedBriefing();
    const zelensky = briefing.quoteById.get('zelensky-security-real')!;
    expect(zelensky.text).toBe('It is in our shared interest that security is real.');
    expect(zelensky.renderings.map((rendering) => rendering.text)).toEqual(['It is in our common interest that security is real']);
  });

  it('dates relative references absolutely', async () => {
    const briefing = await shippedBriefing();
    const event = (id: string) => briefing.content.timeline.find((item) => item.id === id)!;
    expect([event('geneva-talks').date, event('geneva-talks').endDate]).toEqual(['2025-11-22', '2025-11-23']);
    expect([event('witkoff-moscow').date, event('witkoff-moscow').endDate]).toEqual(['2025-12-01', '2025-12-07']);
    expect(event('ukraine-works-on-text').date).toBe('2025-11-25');
  });

  it('says a quote or position was said on its date unless marked as only reported then', async () => {
    const briefing = await shippedBriefing();
    expect(briefing.quoteById.get('trump-no-deadline')!.dated).toBe('said');
    expect(briefing.quoteById.get('rubio-not-close-enough')!.dated).toBe('reported');
    expect(briefing.allPositions.find((position) => position.id === 'trump-no-deadline')!.dated).toBe('said');
    expect(briefing.allPositions.find((position) => position.id === 'rubio-not-close-enough')!.dated).toBe('reported');
  });
});

describe('broken content', () => {
  let content: Awaited<ReturnType<typeof contentCopy>>;
  beforeEach(async () => {
    content = await contentCopy();
  });
  afterEach(() => content.cleanup());

  const QUOTES = `${EDITION_DIR}/quotes.yaml`;
  const POSITIONS = `${EDITION_DIR}/positions.yaml`;

  /** The 1-based line of the first line of `file` containing `needle`, in the copy. */
  async function lineOf(file: string, needle: string): Promise<number> {
    const lines = (await readFile(path.join(content.dir, file), 'utf8')).split('\n');
    const index = lines.findIndex((line) => line.includes(needle));
    if (index < 0) throw new Error(`${needle} not in ${file}`);
    return index + 1;
  }

  async function expectOnlyError(pattern: RegExp) {
    const errors = await content.errors();
    expect(errors, errors.join('\n')).toHaveLength(1);
    expect(errors[0]).toMatch(pattern);
  }

  it('names file, line, field path and the nearest id for an unknown actor', async () => {
    await content.edit(QUOTES, (text) => text.replace('speaker: rutte', 'speaker: rutt'));
    const line = await lineOf(QUOTES, 'speaker: rutt');
    await expectOnlyError(new RegExp(`quotes\\.yaml:${line} quotes\\[12\\]\\.speaker: unknown actor "rutt" \\(did you mean "rutte"\\?\\)$`));
  });

  it('reports a YAML syntax error with its line', async () => {
    await content.edit(QUOTES, (text) => text.replace('  - id: rutte-long-way', '  - id: rutte-long-way\n   bad: [unclosed'));
    const errors = await content.errors();
    expect(errors.some((error) => /quotes\.yaml:\d+: YAML syntax error/.test(error)), errors.join('\n')).toBe(true);
  });

  it('reports a missing required field at its parent', async () => {
    await content.edit(POSITIONS, (text) => text.replace('    stance: Says only a few points of contention remain and wants the plan finalised soon.\n', ''));
    const line = await lineOf(POSITIONS, 'id: trump-few-points-left');
    await expectOnlyError(new RegExp(`positions\\.yaml:${line} positions\\[0\\]\\.stance: missing required field`));
  });

  it('reports a value of the wrong type', async () => {
    await content.edit(QUOTES, (text) => text.replace('    topics: [envoy-controversy]\n    about: [witkoff]\n\n  - id: zelensky', '    topics: envoy-controversy\n    about: [witkoff]\n\n  - id: zelensky'));
    await expectOnlyError(/quotes\.yaml:\d+ quotes\[6\]\.topics: expected array, got string "envoy-controversy"/);
  });

  it('reports a duplicate id and where it was first defined', async () => {
    await content.edit(QUOTES, (text) => text.replace('  - id: rutte-long-way', '  - id: rutte-difficult-elements'));
    const first = await lineOf(QUOTES, 'id: rutte-difficult-elements');
    const errors = await content.errors();
    expect(errors).toEqual([
      expect.stringMatching(new RegExp(`quotes\\[13\\]\\.id: duplicate quote id "rutte-difficult-elements" \\(first defined at .*quotes\\.yaml:${first}\\)`)),
      // The renamed quote is now missing where a position relies on it.
      expect.stringMatching(/positions\[8\]\.quotes\[1\]: unknown quote "rutte-long-way"/),
      // And where the corrections of 3 Dec and 31 Dec name it.
      expect.stringMatching(/2025-12-03\/corrections\.yaml:\d+ corrections\[0\]\.items\[1\]\.id: unknown quote "rutte-long-way"/),
      expect.stringMatching(/2025-12-31\/corrections\.yaml:\d+ corrections\[1\]\.items\[1\]\.id: unknown quote "rutte-long-way"/),
      expect.stringMatching(/2025-12-31\/corrections\.yaml:\d+ corrections\[2\]\.items\[1\]\.id: unknown quote "rutte-long-way"/),
    ]);
  });

  it('reports an unknown topic, source and supporting quote', async () => {
    await content.edit(QUOTES, (text) => text.replace('topics: [deadline]', 'topics: [deadlines]'));
    await content.edit(POSITIONS, (text) =>
      text.replace('    source: rnd-elpais-rutte', '    source: rnd-elpais').replace('quotes: [rutte-difficult-elements, rutte-long-way]', 'quotes: [rutte-difficult-elements, rutte-long-wya]'),
    );
    const errors = await content.errors();
    expect(errors).toHaveLength(3);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/quotes\.yaml:\d+ quotes\[0\]\.topics\[0\]: unknown topic "deadlines" \(did you mean "deadline"\?\)/),
        expect.stringMatching(/positions\.yaml:\d+ positions\[8\]\.source: unknown source "rnd-elpais" \(did you mean "rnd-elpais-rutte"\?\)/),
        expect.stringMatching(/positions\.yaml:\d+ positions\[8\]\.quotes\[1\]: unknown quote "rutte-long-wya" \(did you mean "rutte-long-way"\?\)/),
      ]),
    );
  });

  it("reports an unknown timeline event a What's next item names", async () => {
    await content.edit(`${EDITION_DIR}/edition.yaml`, (text) => text.replace('events: [eu-foreign-ministers]', 'events: [eu-foreign-minister]'));
    expect(await content.errors()).toEqual([
      expect.stringMatching(/edition\.yaml:\d+ summary\.whatsNext\[0\]\.events\[0\]: unknown timeline event "eu-foreign-minister" \(did you mean "eu-foreign-ministers"\?\)/),
    ]);
  });

  it('rejects a date that does not exist', async () => {
    await content.edit(POSITIONS, (text) => text.replace('    date: 2025-11-24\n    source: rnd-elpais-rutte', '    date: 2025-02-30\n    source: rnd-elpais-rutte'));
    await expectOnlyError(/positions\.yaml:\d+ positions\[8\]\.date: not a valid date: use YYYY-MM-DD/);
  });

  it('rejects an empty quote', async () => {
    await content.edit(QUOTES, (text) => text.replace("    text: The deadline for me is when it's over", '    text: ""'));
    await expectOnlyError(/quotes\.yaml:\d+ quotes\[0\]\.text: must not be empty/);
  });

  it('rejects a field too long for Discord', async () => {
    await content.edit(POSITIONS, (text) => text.replace('stance: Questions Witkoff', `stance: ${'very '.repeat(50)}Questions Witkoff`));
    await expectOnlyError(/positions\.yaml:\d+ positions\[13\]\.stance: too long: at most 200 characters/);
  });

  it('rejects an unknown key, pointing at the key itself', async () => {
    await content.edit(QUOTES, (text) => text.replace('    speaker: leavitt\n    text: Over', '    speeker: leavitt\n    text: Over'));
    const line = await lineOf(QUOTES, 'speeker: leavitt');
    const errors = await content.errors();
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`quotes\\.yaml:${line} quotes\\[10\\]\\.speeker: unknown field "speeker"`))]));
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/quotes\[10\]\.speaker: missing required field/)]));
  });

  it('rejects a value outside the allowed set', async () => {
    await content.edit(QUOTES, (text) => text.replace('standing: commentary', 'standing: opinion'));
    await expectOnlyError(/quotes\[16\]\.standing: must be one of: fact, claim, commentary/);
  });

  it('requires a translation note on a translated or back-translated quote', async () => {
    await content.edit(QUOTES, (text) => text.replace(/\n {4}translationNote: The wire report's English of RND's German text.*\n/, '\n'));
    await expectOnlyError(/quotes\[12\]\.translationNote: a translated or back-translated quote needs a translationNote/);
  });

  it('rejects a translation mark outside none, translated and back-translated', async () => {
    await content.edit(QUOTES, (text) => text.replace('    translation: back-translated\n', '    translation: true\n'));
    await expectOnlyError(/quotes\[3\]\.translation: must be one of: none, translated, back-translated/);
  });

  it('reports a duplicated YAML key', async () => {
    await content.edit(QUOTES, (text) => text.replace('    speaker: trump\n    text: The deadline', '    speaker: trump\n    speaker: rutte\n    text: The deadline'));
    const errors = await content.errors();
    expect(errors.some((error) => /quotes\.yaml:\d+: YAML syntax error: Map keys must be unique/.test(error)), errors.join('\n')).toBe(true);
  });

  it('reports a missing file and an unexpected one', async () => {
    await content.remove('topics.yaml');
    await content.write('notes.yaml', 'notes: []\n');
    const errors = await content.errors();
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/topics\.yaml: missing file/), expect.stringMatching(/notes\.yaml: unexpected file/)]));
  });

  it('reports every problem at once, across files', async () => {
    await content.edit(QUOTES, (text) => text.replace('speaker: rutte', 'speaker: rutt'));
    await content.edit(POSITIONS, (text) => text.replace('topic: territory', 'topic: teritory'));
    await content.edit('sources.yaml', (text) => text.replace('type: official-statement', 'type: statement'));
    const errors = await content.errors();
    expect(errors).toHaveLength(3);
  });

  it('rejects a position that supersedes one that does not exist', async () => {
    await content.edit(POSITIONS, (text) => text.replace('    standing: commentary\n\n  - id: chadbourn-poll', '    standing: commentary\n    supersedes: filipkowski-witkof\n\n  - id: chadbourn-poll'));
    await expectOnlyError(/positions\[13\]\.supersedes: unknown position "filipkowski-witkof" \(did you mean "filipkowski-witkoff"\?\)/);
  });

  /** A later edition holding one quote and one timeline event, for supersedes to point at. */
  const LATER = 'editions/2099-01-01';
  async function writeLaterEdition() {
    await content.write(`${LATER}/edition.yaml`, [
      '# yaml-language-server: $schema=../../schema/edition.json',
      'published: 2099-01-01T12:00:00+01:00',
      'timeZone: Europe/Zurich',
      'basedOn: [bluenews-2025-11-26]',
      'summary:',
      '  tldr: A later edition.',
      '  keyPoints: [One.]',
      '  whatsNext: [Two.]',
      '  openQuestions: [Three?]',
      '',
    ].join('\n'));
    await content.write(`${LATER}/quotes.yaml`, [
      '# yaml-language-server: $schema=../../schema/quotes.json',
      'quotes:',
      '  - id: later-quote',
      '    speaker: trump',
      '    text: no deadline',
      '    date: 2099-01-01',
      '    kind: statement',
      '    context: A later quote.',
      '    source: bluenews-2025-11-26',
      '    standing: fact',
      '    translation: none',
      '    topics: [deadline]',
      '',
    ].join('\n'));
    await content.write(`${LATER}/timeline.yaml`, [
      '# yaml-language-server: $schema=../../schema/timeline.json',
      'timeline:',
      '  - id: later-event',
      '    date: 2099-01-01',
      '    status: happened',
      '    title: A later event',
      '    source: bluenews-2025-11-26',
      '',
    ].join('\n'));
  }

  it('rejects a quote that supersedes one of a later edition, or one that does not exist', async () => {
    await content.mkdir(LATER);
    await writeLaterEdition();
    await content.edit(QUOTES, (text) => text.replace('    topics: [deadline]\n', '    topics: [deadline]\n    supersedes: later-quote\n'));
    const line = await lineOf(QUOTES, 'supersedes: later-quote');
    await expectOnlyError(new RegExp(`quotes\\.yaml:${line} quotes\\[0\\]\\.supersedes: quote "later-quote" is not from an earlier edition$`));
    await content.edit(QUOTES, (text) => text.replace('supersedes: later-quote', 'supersedes: later-qoute'));
    await expectOnlyError(/quotes\[0\]\.supersedes: unknown quote "later-qoute" \(did you mean "later-quote"\?\)/);
  });

  it('rejects a timeline event that supersedes one of a later edition, or one that does not exist', async () => {
    const TIMELINE = `${EDITION_DIR}/timeline.yaml`;
    await content.mkdir(LATER);
    await writeLaterEdition();
    await content.edit(TIMELINE, (text) => text.replace('    actors: [putin]\n', '    actors: [putin]\n    supersedes: later-event\n'));
    const line = await lineOf(TIMELINE, 'supersedes: later-event');
    await expectOnlyError(new RegExp(`timeline\\.yaml:${line} timeline\\[0\\]\\.supersedes: timeline event "later-event" is not from an earlier edition$`));
    await content.edit(TIMELINE, (text) => text.replace('supersedes: later-event', 'supersedes: geneva-talks'));
    await expectOnlyError(/timeline\[0\]\.supersedes: timeline event "geneva-talks" is not from an earlier edition/);
    await content.edit(TIMELINE, (text) => text.replace('supersedes: geneva-talks', 'supersedes: no-such-event'));
    await expectOnlyError(/timeline\[0\]\.supersedes: unknown timeline event "no-such-event"/);
  });

  it('rejects a correction naming an item that does not exist, with file and line', async () => {
    const CORRECTIONS = `${LATER}/corrections.yaml`;
    await content.mkdir(LATER);
    await writeLaterEdition();
    await content.write(CORRECTIONS, [
      '# yaml-language-server: $schema=../../schema/corrections.json',
      'corrections:',
      '  - id: a-correction',
      '    date: 2099-01-01',
      '    items:',
      '      - { kind: quote, id: rutte-long-way }',
      '      - { kind: quote, id: rutte-lon-way }',
      '      - { kind: summary, id: 2025-11-26 }',
      '      - { kind: event, id: geneva-talks }',
      '    wrong: What was wrong.',
      '    right: What is right.',
      '',
    ].join('\n'));
    await expectOnlyError(new RegExp(`corrections\\.yaml:7 corrections\\[0\\]\\.items\\[1\\]\\.id: unknown quote "rutte-lon-way" \\(did you mean "rutte-long-way"\\?\\)$`));
    await content.edit(CORRECTIONS, (text) => text.replace('rutte-lon-way }', 'rutte-long-way }').replace('id: 2025-11-26', 'id: 2025-11-27'));
    await expectOnlyError(/corrections\.yaml:8 corrections\[0\]\.items\[2\]\.id: unknown edition "2025-11-27"/);
  });
});

describe('ids', () => {
  it('refuses an id over 24 characters at load, saying why', async () => {
    const copy = await contentCopy();
    await copy.edit(`${EDITION_DIR}/quotes.yaml`, (text) => text.replace('id: trump-no-deadline', 'id: trump-no-deadline-for-an-agreement-at-all'));
    const errors = (await copy.errors()).join('\n');
    expect(errors).toMatch(/quotes\.yaml:\d+ quotes\[0\]\.id: is longer than 24 characters: ids travel in button custom ids/);
    await copy.cleanup();
  });
});
