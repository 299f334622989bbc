// Forgiving text matching for names, aliases and search terms: case, accents and punctuation do not count.

/** Printable ASCII plus typographic punctuation (curly quotes, dashes, ellipsis, no-break space): nothing to unfold. */
const PLAIN = /^[\t\n\r\x20-\x7e\u00a0\u00ab\u00bb\u2013\u2014\u2018\u2019\u201c\u201d\u2026]*$/;

/** Lower-case, accents stripped, every run of non-letters and non-digits turned into one space. */
export function normalize(text: string): string {
  // Such text has no accents to strip or compatibility forms to unfold: the same result, several times faster.
  if (PLAIN.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Plain code-unit order: ids, ISO dates and names sort without pulling in ICU's collation data (3 MB). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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

/** How many edits still count as a likely typo of a word this long (topics, time zones, content ids; names.ts has its own). */
export function typoAllowance(length: number): number {
  return length <= 3 ? 1 : length <= 6 ? 2 : 3;
}

/**
 * How well `query` matches `key` (both normalized); lower is better, undefined is no match.
 * 0 exact, 1 prefix, 2 a word of the key starts with the query, 3 substring, 4+ a likely typo.
 */
export function matchScore(query: string, key: string, allowanceFor = typoAllowance): number | undefined {
  const contained = containmentScore(query, key);
  if (contained !== undefined) return contained;
  const allowance = allowanceFor(query.length);
  let best = Infinity;
  for (const candidate of typoCandidates(key)) {
    best = Math.min(best, editDistance(query, candidate.slice(0, query.length + allowance), allowance));
  }
  return best <= allowance ? 4 + best : undefined;
}

/** matchScore's 0 to 3: `key` is, starts with, has a word starting with, or contains `query`. */
export function containmentScore(query: string, key: string): number | undefined {
  return containmentOf(query)(key);
}

/** containmentScore of one query, for many keys: autocomplete measures a query against thousands. */
export function containmentOf(query: string): (key: string) => number | undefined {
  const wordStart = ` ${query}`;
  return (key) => {
    if (key === query) return 0;
    if (key.startsWith(query)) return 1;
    if (key.includes(wordStart)) return 2;
    if (key.includes(query)) return 3;
    return undefined;
  };
}

/** What a typo is measured against: the start of the key, or of one of its words. */
function typoCandidates(key: string): string[] {
  return key.includes(' ') ? [key, ...key.split(' ')] : [key];
}

interface TrieNode {
  depth: number;
  /** The character code that leads here from the parent. */
  code: number;
  /** An array, not a map: the walk below visits thousands of nodes per keystroke, and iterating a map cost more. */
  children: TrieNode[];
  /** Candidates whose whole text is the path to this node. */
  ending: number[];
  /** Candidates whose text starts with the path to this node. */
  through: number[];
}

const trieNode = (depth: number, code: number): TrieNode => ({ depth, code, children: [], ending: [], through: [] });

/**
 * The typo half of matchScore for many keys at once. Their candidates share one trie, and one walk of it
 * measures a query against all of them: a shared prefix is measured once, and a branch is left as soon as
 * no text below it can be within the allowance. Autocomplete asks this on every keystroke.
 */
export class TypoIndex<Key extends { key: string }> {
  private readonly root = trieNode(0, 0);
  private readonly candidateKeys: Key[] = [];

  /** `allowanceFor`: matchScore's, for the same scores. */
  constructor(
    keys: readonly Key[],
    private readonly allowanceFor = typoAllowance,
  ) {
    for (const key of keys) for (const text of typoCandidates(key.key)) this.add(text, key);
  }

  private add(text: string, key: Key): void {
    const candidate = this.candidateKeys.push(key) - 1;
    let node = this.root;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      let child = node.children.find((candidate) => candidate.code === code);
      if (!child) node.children.push((child = trieNode(index + 1, code)));
      node = child;
      node.through.push(candidate);
    }
    node.ending.push(candidate);
  }

  /** Every key that `query` (normalized, contained in none of them) is a likely typo of, with matchScore's score. */
  scores(query: string): Map<Key, number> {
    const allowance = this.allowanceFor(query.length);
    // matchScore compares the query with each candidate cut to this length.
    const cut = query.length + allowance;
    const scores = new Map<Key, number>();
    const record = (candidates: readonly number[], distance: number) => {
      for (const candidate of candidates) {
        const key = this.candidateKeys[candidate]!;
        if (4 + distance < (scores.get(key) ?? Infinity)) scores.set(key, 4 + distance);
      }
    };
    // rows[d]: the edit distances from each prefix of the query to the path down to depth d. Only the cells
    // within `allowance` of the diagonal can be within the allowance, so only those are computed; the others
    // keep allowance + 1, which can never make a computed cell within it (bench: long names typed at 100x).
    const rows = Array.from({ length: cut + 1 }, () => new Int32Array(query.length + 1).fill(allowance + 1));
    for (let index = 0; index <= query.length; index++) rows[0]![index] = index;
    const walk = (node: TrieNode): void => {
      const row = rows[node.depth]!;
      const distance = row[query.length]!;
      if (node.depth === cut) {
        if (distance <= allowance) record(node.through, distance);
        return;
      }
      if (distance <= allowance) record(node.ending, distance);
      const next = rows[node.depth + 1]!;
      const first = Math.max(1, node.depth + 1 - allowance);
      const last = Math.min(query.length, node.depth + 1 + allowance);
      for (const child of node.children) {
        const code = child.code;
        next[0] = child.depth;
        let minimum = next[0];
        for (let index = first; index <= last; index++) {
          const value = Math.min(row[index]! + 1, next[index - 1]! + 1, row[index - 1]! + (query.charCodeAt(index - 1) === code ? 0 : 1));
          next[index] = value;
          if (value < minimum) minimum = value;
        }
        // Distances never shrink further down, so nothing below is within the allowance.
        if (minimum <= allowance) walk(child);
      }
    };
    walk(this.root);
    return scores;
  }
}

/** ` (did you mean "rutte"?)` when a known id is a likely misspelling or shortening of `value`, else nothing. */
export function suggestion(value: string, known: Iterable<string>): string {
  let best: { id: string; score: number } | undefined;
  for (const id of known) {
    const score = matchScore(value, id);
    if (score !== undefined && (!best || score < best.score)) best = { id, score };
  }
  return best ? ` (did you mean "${best.id}"?)` : '';
}
