// Verbatim matching that forgives typography only: white space, quotation marks, apostrophes,
// dashes and ellipses each have one form here. Letters, case, words and other punctuation must match.

const DOUBLE_QUOTES = new Set(['"', '“', '”', '„', '‟', '«', '»', '″', '＂']);
const SINGLE_QUOTES = new Set(["'", '‘', '’', '‚', '‛', '‹', '›', '′', '`', '´']);
const DASHES = new Set(['-', '‐', '‑', '‒', '–', '—', '―', '−']);
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

export interface PlainText {
  /** The text as written (Unicode NFC), for showing passages. */
  original: string;
  /** The text in plain typography: `"`, `'`, `-`, `...`, single spaces, no spaces around dashes. */
  plain: string;
  /** For each character of `plain`, the offset in `original` it came from. */
  origin: readonly number[];
}

export function plainTypography(text: string): PlainText {
  const original = text.normalize('NFC');
  const out: string[] = [];
  const origin: number[] = [];
  const last = () => out[out.length - 1];
  const emit = (char: string, at: number) => {
    out.push(char);
    origin.push(at);
  };
  for (let at = 0; at < original.length; at++) {
    const char = original[at]!;
    if (/\s/.test(char)) {
      // Spacing around a dash is house style: "clear - Putin" is "clear—Putin".
      if (out.length > 0 && last() !== ' ' && last() !== '-') emit(' ', at);
    } else if (DASHES.has(char)) {
      if (last() === ' ') {
        out.pop();
        origin.pop();
      }
      if (last() !== '-') emit('-', at);
    } else if (DOUBLE_QUOTES.has(char)) emit('"', at);
    else if (SINGLE_QUOTES.has(char)) emit("'", at);
    else if (char === '…') for (const dot of '...') emit(dot, at);
    else emit(char, at);
  }
  if (last() === ' ') {
    out.pop();
    origin.pop();
  }
  return { original, plain: out.join(''), origin };
}

/** Whether `quote` occurs in `text` as whole words, once both are in plain typography. */
export function containsVerbatim(text: PlainText, quote: PlainText): boolean {
  const needle = quote.plain;
  if (needle === '') return false;
  for (let start = text.plain.indexOf(needle); start >= 0; start = text.plain.indexOf(needle, start + 1)) {
    const end = start + needle.length;
    // "no deadline" must not pass inside "no deadlines": a quote may not cut a word in half.
    const cutsWordBefore = WORD_CHARACTER.test(needle[0]!) && WORD_CHARACTER.test(text.plain[start - 1] ?? '');
    const cutsWordAfter = WORD_CHARACTER.test(needle[needle.length - 1]!) && WORD_CHARACTER.test(text.plain[end] ?? '');
    if (!cutsWordBefore && !cutsWordAfter) return true;
  }
  return false;
}
