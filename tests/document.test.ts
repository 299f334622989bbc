import { describe, expect, it } from 'vitest';
import { decodeButton, encodeButton } from '../src/render/custom-id.js';
import { layOut, renderPage, wholeEntries, type Document } from '../src/render/document.js';
import { brokenMarkdown } from './support/markdown.js';
import { LIMITS, payloadProblems } from '../src/render/limits.js';
import { messageBody } from '../src/render/reply.js';
import { en } from '../src/i18n/en.js';
import { splitText, truncate } from '../src/render/text.js';

const words = (count: number, word = 'word') => Array.from({ length: count }, (_, index) => `${word}${index}`).join(' ');

describe('splitText', () => {
  it('splits at spaces, never mid-word, and loses nothing', () => {
    const text = words(400);
    const pieces = splitText(text, 100);
    expect(pieces.every((piece) => piece.length <= 100)).toBe(true);
    expect(pieces.join(' ')).toBe(text);
  });

  it('prefers line breaks', () => {
    expect(splitText(`${'a'.repeat(60)}\n${'b '.repeat(30)}`, 70)[0]).toBe('a'.repeat(60));
  });

  it('cuts a single over-long word without splitting a surrogate pair', () => {
    const pieces = splitText('😀'.repeat(60), 101);
    expect(pieces.every((piece) => !/[\uD800-\uDBFF]$/.test(piece))).toBe(true);
    expect(pieces.join('')).toBe('😀'.repeat(60));
  });
});

describe('splitText around Markdown', () => {
  it('never cuts inside a link, inline code or emphasis when it can cut elsewhere', () => {
    const link = '[Kremlin: Russian-US contacts in Moscow on 2 December](https://example.org/a/long/address)';
    for (const markup of [link, '**bold words that go on for a while**', '*italic words that go on for a while*', '`code with spaces in it`']) {
      for (let at = 0; at < 60; at += 7) {
        const text = `${'lead '.repeat(at)}${markup} ${'tail '.repeat(20)}`;
        for (const piece of splitText(text, 120)) expect(brokenMarkdown(piece), `${markup} at ${at}: ${piece}`).toEqual([]);
      }
    }
  });
});

describe('wholeEntries', () => {
  const more = (count: number) => `…and ${count} more`;

  it('keeps every entry that fits, whole, and counts the rest', () => {
    const entries = ['• one [A](https://a.example/x)', '• two [B](https://b.example/y)', '• three [C](https://c.example/z)'];
    expect(wholeEntries(entries, 200, more)).toBe(entries.join('\n'));
    const cut = wholeEntries(entries, 70, more);
    expect(cut).toBe(`${entries[0]}\n${entries[1]}\n…and 1 more`.length <= 70 ? `${entries[0]}\n${entries[1]}\n…and 1 more` : `${entries[0]}\n…and 2 more`);
    expect(cut.length).toBeLessThanOrEqual(70);
    expect(brokenMarkdown(cut)).toEqual([]);
  });

  it('counts every entry when not even the first fits', () => {
    expect(wholeEntries(['x'.repeat(100)], 50, more)).toBe('…and 1 more');
  });
});

describe('truncate', () => {
  it('keeps short text and cuts long text at a word with an ellipsis', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('one two three four', 12)).toBe('one two…');
  });
});

describe('page layout', () => {
  const document = (blocks: number, blockWords: number): Document => ({
    title: 'Title',
    description: 'Description',
    footer: 'Footer',
    sections: [{ name: 'Section', blocks: Array.from({ length: blocks }, (_, index) => ({ text: words(blockWords, `b${index}w`), sources: [`s${index}`] })) }],
  });

  it('keeps every page within limits and drops nothing', () => {
    const doc = document(60, 150);
    const pages = layOut(doc);
    expect(pages.length).toBeGreaterThan(5);
    for (let page = 1; page <= pages.length; page++) {
      expect(payloadProblems(messageBody(renderPage(en, doc, page, { command: 'test', args: [] }).reply))).toEqual([]);
    }
    const allText = pages.flat().map((field) => field.value).join(' ');
    for (let index = 0; index < 60; index++) expect(allText).toContain(`b${index}w149`);
  });

  it('names continued fields and reports the sources of the shown page only', () => {
    const doc = document(3, 300);
    const first = renderPage(en, doc, 1, { command: 'test', args: [] });
    // Under its own section's field a continuation needs no heading; a page opening mid-section says so.
    expect(first.reply.embeds![0]!.fields![1]!.name).toBe('\u200b');
    const second = renderPage(en, doc, 2, { command: 'test', args: [] });
    expect(second.reply.embeds![0]!.fields![0]!.name).toBe('Section (continued)');
    expect(first.sources.length).toBeLessThan(3);
  });

  it('shows no buttons for a single page, and clamps page numbers', () => {
    const doc = document(1, 10);
    const rendered = renderPage(en, doc, 7, { command: 'test', args: [] });
    expect(rendered.page).toBe(1);
    expect(rendered.reply.components).toBeUndefined();
  });
});

describe('custom ids', () => {
  it('round-trip', () => {
    const ref = { command: 'quotes', view: 'page' as const, page: 3, args: ['rutte', '', 'long way'] };
    expect(decodeButton(encodeButton(ref))).toEqual(ref);
  });

  it('refuse to exceed Discord\'s 100 characters', () => {
    expect(() => encodeButton({ command: 'quotes', view: 'page', page: 1, args: ['x'.repeat(LIMITS.customId)] })).toThrow();
  });
});
