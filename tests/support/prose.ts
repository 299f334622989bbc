// Text for generated content: sentences of a chosen length, ids that satisfy the content schema, Cyrillic
// spellings of names, and calendar dates; all drawn from a seeded Random.
import { MAX_ID_LENGTH } from '../../src/briefing/schema.js';
import type { Random } from './random.js';
import { WORDS } from './vocabulary.js';

/** A line of prose between `min` and `max` characters (cut at a word), capitalised, ending in `end`. */
export function sentence(random: Random, min: number, max: number, end = '.'): string {
  const target = random.int(min, max);
  const words: string[] = [];
  let length = 0;
  while (length < target) {
    let word = random.pick(WORDS);
    if (random.chance(0.03)) word = `“${word}”`;
    else if (random.chance(0.02)) word = `${random.int(2, 95)}%`;
    words.push(word);
    length += word.length + 1;
    if (random.chance(0.08) && length < target - 10) words[words.length - 1] += ',';
  }
  let text = words.join(' ');
  if (text.length > max - end.length) text = text.slice(0, text.lastIndexOf(' ', max - end.length)).replace(/,$/, '');
  return `${text[0]!.toUpperCase()}${text.slice(1)}${end}`;
}

/** Several sentences making one paragraph of between `min` and `max` characters. */
export function paragraph(random: Random, min: number, max: number): string {
  const target = random.int(min, max);
  const sentences: string[] = [];
  let length = 0;
  while (length < target) {
    const next = sentence(random, 40, Math.min(220, Math.max(40, target - length)));
    if (length + next.length + 1 > max) break;
    sentences.push(next);
    length += next.length + 1;
  }
  return sentences.length > 0 ? sentences.join(' ') : sentence(random, Math.min(min, max), max);
}

const UNDECOMPOSABLE: Record<string, string> = { ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', đ: 'd', ı: 'i', þ: 'th', ð: 'd' };

/** Lower-case ASCII words joined by hyphens, at most `max` characters, cut at a hyphen where possible. */
export function slug(text: string, max = MAX_ID_LENGTH): string {
  const ascii = text
    .toLowerCase()
    .replace(/[łøßæđıþð]/g, (letter) => UNDECOMPOSABLE[letter]!)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= max) return ascii;
  const cut = ascii.slice(0, max + 1).lastIndexOf('-');
  return (cut > max / 2 ? ascii.slice(0, cut) : ascii.slice(0, max)).replace(/-+$/, '');
}

/** Hands out schema-valid ids, numbering repeats: `kuleba-talks`, `kuleba-talks-2`, ... */
export class IdRegistry {
  private readonly taken = new Set<string>();
  private readonly repeats = new Map<string, number>();

  claim(text: string): string {
    const base = slug(text) || 'item';
    let id = base;
    let n = this.repeats.get(base) ?? 1;
    while (this.taken.has(id)) {
      n += 1;
      const suffix = `-${n}`;
      id = `${slug(base, MAX_ID_LENGTH - suffix.length)}${suffix}`;
    }
    this.repeats.set(base, n);
    this.taken.add(id);
    return id;
  }
}

const CYRILLIC: readonly [string, string][] = [
  ['shch', 'щ'], ['kh', 'х'], ['zh', 'ж'], ['ch', 'ч'], ['sh', 'ш'], ['ts', 'ц'], ['ya', 'я'], ['yu', 'ю'], ['ye', 'є'],
  ['yi', 'ї'], ['a', 'а'], ['b', 'б'], ['v', 'в'], ['h', 'г'], ['g', 'ґ'], ['d', 'д'], ['e', 'е'], ['z', 'з'], ['y', 'и'],
  ['i', 'і'], ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'], ['r', 'р'], ['s', 'с'], ['t', 'т'],
  ['u', 'у'], ['f', 'ф'], ['c', 'к'], ['w', 'в'], ['x', 'кс'], ['j', 'й'], ['q', 'к'],
];

/** A Ukrainian-style Cyrillic spelling of a Latin name: `Oleksandr Melnyk` -> `Олександр Мельник`-ish. */
export function toCyrillic(name: string): string {
  let out = '';
  const lower = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  for (let index = 0; index < lower.length; ) {
    const match = CYRILLIC.find(([latin]) => lower.startsWith(latin, index));
    const capital = index === 0 || lower[index - 1] === ' ';
    if (!match) {
      out += lower[index];
      index += 1;
      continue;
    }
    out += capital ? match[1].toUpperCase() : match[1];
    index += match[0].length;
  }
  return out;
}

const DAY_MS = 86_400_000;

/** `2025-09-01` plus `days`, as a calendar date. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
