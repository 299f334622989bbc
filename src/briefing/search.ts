// Substring search over many normalized texts (every quote's words and context) without scanning them
// all. Normalized text is words joined by single spaces, so an index of which texts hold each distinct
// word answers it: a one-word search is found in exactly the texts holding a word that contains it; a
// longer one only where a word ending with the first is followed by the middle ones and then by a word
// beginning with the last, which the texts' words by id, kept in order, answer without reading any text
// (searching the text of every candidate took 5 ms for "to be" at 100x, where nearly every quote is one).
// Results are exactly the texts for which `text.includes(search)`.
// For a briefing 100 times the shipped one (20,000 quotes, 5 MB of text) the index is a few MB, built on
// the first search, and a search reads a few thousand words instead of 5 MB.

export class TextSearch {
  /** Each distinct word, by id. */
  private readonly vocabulary: string[] = [];
  private readonly ids = new Map<string, number>();
  /** The texts holding word `id`, ascending: `texts[starts[id]]` up to `texts[starts[id + 1]]`. */
  private readonly starts: Uint32Array;
  private readonly holders: Uint32Array;
  private readonly bitsetWords: number;
  /** Every text's words by id, in order, text after text: `sequence[sequenceStarts[position]]` onwards. */
  private readonly sequence: Uint32Array;
  private readonly sequenceStarts: Uint32Array;

  /** `texts`: normalized (see `normalize`): words joined by single spaces. */
  constructor(private readonly texts: readonly string[]) {
    const lists: number[][] = [];
    const sequence: number[] = [];
    this.sequenceStarts = new Uint32Array(texts.length + 1);
    for (let position = 0; position < texts.length; position++) {
      this.sequenceStarts[position] = sequence.length;
      for (const word of texts[position]!.split(' ')) {
        if (word === '') continue;
        let id = this.ids.get(word);
        if (id === undefined) {
          this.ids.set(word, (id = lists.length));
          lists.push([]);
          this.vocabulary.push(word);
        }
        sequence.push(id);
        const list = lists[id]!;
        if (list[list.length - 1] !== position) list.push(position);
      }
    }
    this.sequenceStarts[texts.length] = sequence.length;
    this.sequence = Uint32Array.from(sequence);
    this.starts = new Uint32Array(lists.length + 1);
    let total = 0;
    lists.forEach((list, id) => (this.starts[id + 1] = total += list.length));
    this.holders = new Uint32Array(total);
    lists.forEach((list, id) => this.holders.set(list, this.starts[id]!));
    this.bitsetWords = (texts.length + 31) >>> 5;
  }

  /** The positions of the texts containing `search`, ascending. */
  matching(search: string): number[] {
    const words = search.split(' ');
    // Not in normalized form (an empty word: leading, trailing or double spaces): look into every text.
    if (words.some((word) => word === '')) return this.texts.flatMap((text, position) => (text.includes(search) ? [position] : []));
    if (words.length === 1) return positions(this.holding((word) => word.includes(search)));
    const last = words.length - 1;
    const middle: number[] = [];
    for (let index = 1; index < last; index++) {
      const id = this.ids.get(words[index]!);
      if (id === undefined) return [];
      middle.push(id);
    }
    const firsts = this.wordsWhere((word) => word.endsWith(words[0]!));
    const lasts = this.wordsWhere((word) => word.startsWith(words[last]!));
    const candidates = intersect(this.holding((_, id) => firsts[id] === 1), this.holding((_, id) => lasts[id] === 1));
    return positions(candidates).filter((position) => this.hasRun(position, firsts, middle, lasts));
  }

  /** A flag per word id: 1 for the words that satisfy `test`. */
  private wordsWhere(test: (word: string) => boolean): Uint8Array {
    const flags = new Uint8Array(this.vocabulary.length);
    for (let id = 0; id < this.vocabulary.length; id++) if (test(this.vocabulary[id]!)) flags[id] = 1;
    return flags;
  }

  /** Whether text `position` has a word of `firsts`, then exactly the `middle` words, then a word of `lasts`. */
  private hasRun(position: number, firsts: Uint8Array, middle: readonly number[], lasts: Uint8Array): boolean {
    const end = this.sequenceStarts[position + 1]! - middle.length - 1;
    for (let at = this.sequenceStarts[position]!; at < end; at++) {
      if (firsts[this.sequence[at]!] !== 1) continue;
      let next = at + 1;
      while (next - at - 1 < middle.length && this.sequence[next] === middle[next - at - 1]) next++;
      if (next - at - 1 === middle.length && lasts[this.sequence[next]!] === 1) return true;
    }
    return false;
  }

  /** A bitset of the texts holding a word that satisfies `test`. */
  private holding(test: (word: string, id: number) => boolean): Uint32Array {
    const set = new Uint32Array(this.bitsetWords);
    for (let wordId = 0; wordId < this.vocabulary.length; wordId++) {
      if (!test(this.vocabulary[wordId]!, wordId)) continue;
      for (let at = this.starts[wordId]!, end = this.starts[wordId + 1]!; at < end; at++) {
        const position = this.holders[at]!;
        set[position >>> 5]! |= 1 << (position & 31);
      }
    }
    return set;
  }
}

function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  for (let index = 0; index < a.length; index++) a[index]! &= b[index]!;
  return a;
}

/** The set bits of a bitset, ascending. */
function positions(set: Uint32Array): number[] {
  const found: number[] = [];
  for (let word = 0; word < set.length; word++) {
    for (let bits = set[word]!; bits !== 0; ) {
      const lowest = bits & -bits;
      bits ^= lowest;
      found.push((word << 5) + 31 - Math.clz32(lowest));
    }
  }
  return found;
}

/**
 * Endings that differ between forms of one word (territory, territorial, territories; negotiations,
 * negotiating), longest first: the last word searched loses one, so that any form finds the others, as
 * a substring of each. A stem keeps 5 letters at least (`states` -> `state`, not `stat`), 4 for a plural
 * `s` (`talks` -> `talk`), so a search does not spread to unrelated words.
 */
const ENDINGS = ['ations', 'ation', 'ially', 'ings', 'ions', 'ians', 'ally', 'ies', 'ied', 'ial', 'ing', 'ion', 'ian', 'al', 'es', 'ed', 'y', 'e', 's'];

export function withoutEnding(search: string): string {
  const at = search.lastIndexOf(' ') + 1;
  const word = search.slice(at);
  if (!/^[a-z]+$/.test(word)) return search;
  for (const ending of ENDINGS) {
    const stem = word.slice(0, -ending.length);
    if (word.endsWith(ending) && stem.length >= (ending === 's' ? 4 : 5)) return search.slice(0, at) + stem;
  }
  return search;
}
