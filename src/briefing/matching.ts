// Forgiving text matching for names, aliases and search terms: case, accents and punctuation do not count.

/** Lower-case, accents stripped, every run of non-letters and non-digits turned into one space. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** How many edits still count as a likely typo of a word this long. */
export function typoAllowance(length: number): number {
  return length <= 3 ? 1 : length <= 6 ? 2 : 3;
}

/**
 * How well `query` matches `key` (both normalized); lower is better, undefined is no match.
 * 0 exact, 1 prefix, 2 a word of the key starts with the query, 3 substring, 4+ a likely typo.
 */
export function matchScore(query: string, key: string): number | undefined {
  if (key === query) return 0;
  if (key.startsWith(query)) return 1;
  if (key.includes(` ${query}`)) return 2;
  if (key.includes(query)) return 3;
  const allowance = typoAllowance(query.length);
  let best = Infinity;
  for (const candidate of [key, ...key.split(' ')]) {
    best = Math.min(best, editDistance(query, candidate.slice(0, query.length + allowance), allowance));
  }
  return best <= allowance ? 4 + best : undefined;
}
