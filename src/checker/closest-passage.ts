// For words that are not in a text (a quote not in its evidence passage, a passage not in its archived
// report): the stretch of the text that comes closest, word for word, and what differs. Approximate
// substring alignment over words (Sellers' algorithm): a quote costs quote-words x text-words steps,
// fast for thousands of quotes against a long article.
import { editDistance, typoAllowance } from '../briefing/matching.js';
import type { PlainText } from './typography.js';

export interface ClosestPassage {
  /** The passage as written in the text searched, white space collapsed. */
  text: string;
  /** 1-based line of the text searched where it starts. */
  line: number;
  /** From the quote's point of view: `"shared" where the archive has "common"`, `nothing where the archive has "further"` (for a finder named "archive"). */
  differences: string[];
  /** Whether any word of the quote (not just a punctuation mark) is in the passage at all. */
  resembles: boolean;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

type Step = { op: 'same' | 'changed'; quote: number; archive: number } | { op: 'extra'; quote: number } | { op: 'missing'; archive: number };

const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*|\S/gu;
const WORD = /^[\p{L}\p{N}]/u;

/**
 * Edit costs. A misspelt word costs less than a word added or left out, so "deadlines" aligns with
 * "deadline"; a different word costs the same, and the alignment prefers it (the passage then shows it).
 */
const COST = { same: 0, similar: 1, insertOrDelete: 2, different: 2 } as const;

function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length }));
}

/** A text's words (an archived report's, an evidence passage's), read once, to be searched for many quotes. */
export class PassageFinder {
  private readonly tokens: Token[];
  /** Distinct token texts, and each archive token's index among them. */
  private readonly vocabulary: { text: string; lower: string; isWord: boolean }[];
  private readonly tokenWord: Uint32Array;
  /** Per quote word: the cost of it standing where the archive has each vocabulary word. Quotes share words. */
  private readonly substitutionCosts = new Map<string, Uint8Array>();

  /** `name` is what the differences call the text: `where the ${name} has ...`. */
  constructor(
    private readonly archive: PlainText,
    private readonly name = 'archive',
  ) {
    this.tokens = tokenize(archive.plain);
    const index = new Map<string, number>();
    this.tokenWord = Uint32Array.from(this.tokens, ({ text }) => {
      if (!index.has(text)) index.set(text, index.size);
      return index.get(text)!;
    });
    this.vocabulary = [...index.keys()].map((text) => ({ text, lower: text.toLowerCase(), isWord: WORD.test(text) }));
  }

  /** Undefined only for a quote without a single word or mark, or an empty archive. */
  closest(quote: PlainText): ClosestPassage | undefined {
    const words = tokenize(quote.plain);
    if (words.length === 0 || this.tokens.length === 0) return undefined;
    const steps = this.align(words);
    const archiveIndexes = steps.flatMap((step) => ('archive' in step ? [step.archive] : []));
    if (archiveIndexes.length === 0) return undefined;
    const first = this.tokens[archiveIndexes[0]!]!;
    const last = this.tokens[archiveIndexes[archiveIndexes.length - 1]!]!;
    const from = this.archive.origin[first.start]!;
    const to = this.archive.origin[last.end - 1]! + 1;
    return {
      text: this.archive.original.slice(from, to).replace(/\s+/g, ' '),
      line: this.archive.original.slice(0, from).split('\n').length,
      differences: differences(steps, this.name, (indexes) => span(quote.plain, words, indexes), (indexes) => span(this.archive.plain, this.tokens, indexes)),
      resembles: steps.some((step) => step.op === 'same' && WORD.test(words[step.quote]!.text)),
    };
  }

  /** The cheapest edit steps turning the quote into some stretch of the archive. */
  private align(words: readonly Token[]): Step[] {
    const substitution = words.map(({ text }) => this.substitutionCost(text));
    const [m, n] = [words.length, this.tokens.length];
    const width = n + 1;
    // Row 0 is all zeros: the quote may start anywhere in the archive for free.
    const cost = new Uint32Array((m + 1) * width);
    for (let i = 1; i <= m; i++) {
      cost[i * width] = i * COST.insertOrDelete;
      const row = substitution[i - 1]!;
      for (let j = 1; j <= n; j++) {
        cost[i * width + j] = Math.min(
          cost[(i - 1) * width + j - 1]! + row[this.tokenWord[j - 1]!]!,
          cost[(i - 1) * width + j]! + COST.insertOrDelete,
          cost[i * width + j - 1]! + COST.insertOrDelete,
        );
      }
    }
    let j = 1;
    for (let end = 2; end <= n; end++) if (cost[m * width + end]! < cost[m * width + j]!) j = end;

    const steps: Step[] = [];
    let i = m;
    while (i > 0) {
      const here = cost[i * width + j]!;
      const swap = j > 0 ? substitution[i - 1]![this.tokenWord[j - 1]!]! : undefined;
      if (swap !== undefined && here === cost[(i - 1) * width + j - 1]! + swap) {
        steps.push({ op: swap === COST.same ? 'same' : 'changed', quote: --i, archive: --j });
      } else if (here === cost[(i - 1) * width + j]! + COST.insertOrDelete) {
        steps.push({ op: 'extra', quote: --i });
      } else {
        steps.push({ op: 'missing', archive: --j });
      }
    }
    return steps.reverse();
  }

  /** The cost of `word` standing where the archive has each of its vocabulary words. */
  private substitutionCost(word: string): Uint8Array {
    let costs = this.substitutionCosts.get(word);
    if (!costs) {
      const lower = word.toLowerCase();
      const isWord = WORD.test(word);
      costs = Uint8Array.from(this.vocabulary, (candidate) => {
        if (candidate.text === word) return COST.same;
        // A misspelling is a word for a word, within the typo allowance of the shorter one; case does not count.
        const allowance = typoAllowance(Math.min(candidate.text.length, word.length));
        const misspelt = candidate.isWord === isWord && editDistance(candidate.lower, lower, allowance) <= allowance;
        return misspelt ? COST.similar : COST.different;
      });
      this.substitutionCosts.set(word, costs);
    }
    return costs;
  }
}

/** The text from the first to the last of `indexes`, as written between those tokens. */
function span(text: string, tokens: readonly Token[], indexes: readonly number[]): string {
  return text.slice(tokens[indexes[0]!]!.start, tokens[indexes[indexes.length - 1]!]!.end);
}

/** Runs of differing steps, each as one phrase from the quote's point of view. */
function differences(steps: readonly Step[], name: string, quoteText: (indexes: number[]) => string, archiveText: (indexes: number[]) => string): string[] {
  const found: string[] = [];
  let quoteRun: number[] = [];
  let archiveRun: number[] = [];
  const flush = () => {
    if (quoteRun.length > 0 || archiveRun.length > 0) {
      const quoted = (run: number[], text: (indexes: number[]) => string) => (run.length > 0 ? `"${text(run)}"` : 'nothing');
      found.push(`${quoted(quoteRun, quoteText)} where the ${name} has ${quoted(archiveRun, archiveText)}`);
    }
    quoteRun = [];
    archiveRun = [];
  };
  for (const step of steps) {
    if (step.op === 'same') {
      flush();
      continue;
    }
    if ('quote' in step) quoteRun.push(step.quote);
    if ('archive' in step) archiveRun.push(step.archive);
  }
  flush();
  return found;
}
