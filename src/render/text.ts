// Cutting and escaping text for Discord without breaking words, surrogate pairs or Markdown escapes.
import { escapeMarkdown } from './discordjs.js';

/** The characters escapeMarkdown (with its default options) acts on. */
const MARKDOWN = /[\\`*_~|]/;

/** Editor-written text shown as written: Markdown characters in it are escaped, not interpreted. */
export function literal(text: string): string {
  // escapeMarkdown runs a dozen regular expressions, one of them slow on long text; most text has nothing to escape.
  return MARKDOWN.test(text) ? escapeMarkdown(text) : text;
}

/**
 * Text shown as inline code (`0 * * * *`). Discord shows everything between backticks as typed, escapes
 * included, so nothing is escaped; a backtick inside would end the code, so it becomes a look-alike.
 */
export function inlineCode(text: string): string {
  return `\`${text.replaceAll('`', 'ˋ')}\``;
}

/**
 * Splits text into pieces of at most `max` characters, at line breaks where possible, else at spaces; never
 * inside a link, inline code or emphasis when there is any other place to cut.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = outsideMarkdown(rest, window, max);
    if (cut <= 0) {
      cut = window.lastIndexOf('\n');
      if (cut < max / 2) cut = window.lastIndexOf(' ');
    }
    // A single word longer than the limit is the one case where a word must be cut.
    if (cut <= 0) cut = safeCut(rest, max);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[ \n]+/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** A masked link as replies write one: `[title](https://...)`. */
const LINK = /\[[^\]\n]*\]\([^)\s]*\)/g;

/**
 * The last line break (in the second half of the window), else the last space, where cutting `text` leaves no
 * link, inline code or emphasis open; 0 when there is none.
 */
function outsideMarkdown(text: string, window: string, max: number): number {
  const links = [...text.matchAll(LINK)].map((match) => [match.index, match.index + match[0].length] as const);
  const open = (cut: number) => links.some(([start, end]) => start < cut && cut < end) || leavesOpen(window.slice(0, cut));
  for (const separator of ['\n', ' ']) {
    for (let cut = window.lastIndexOf(separator); cut > (separator === '\n' ? max / 2 : 0); cut = window.lastIndexOf(separator, cut - 1)) {
      if (!open(cut)) return cut;
    }
  }
  return 0;
}

/** True when `text` ends inside inline code, bold or italics (escaped characters, as literal() writes them, do not count). */
function leavesOpen(text: string): boolean {
  const plain = text.replace(/\\./g, '');
  if ((plain.match(/`/g)?.length ?? 0) % 2 === 1) return true;
  const outsideCode = plain.replace(/`[^`]*`/g, '');
  const bold = outsideCode.match(/\*\*/g)?.length ?? 0;
  const italic = outsideCode.replace(/\*\*/g, '').match(/\*/g)?.length ?? 0;
  return bold % 2 === 1 || italic % 2 === 1;
}

/** Shortens user-supplied text for echoing back, at a word boundary, marked with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, safeCut(text, max - 1));
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut}…`;
}

/** The largest cut position <= max that neither splits a surrogate pair nor strands a Markdown escape. */
function safeCut(text: string, max: number): number {
  let cut = max;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  if (text[cut - 1] === '\\') cut -= 1;
  return Math.max(cut, 1);
}
