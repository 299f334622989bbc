// Briefing replies in every language create no ICU object: the first Intl formatter or locale-aware call
// pages in about 8 MB of ICU data, which the end-to-end bench counts against the bot's memory. Plural
// forms, lists, relative days and calendar dates are written by hand for the three languages
// (src/i18n/intl.ts, src/time/dates.ts); only recap times in a time zone use Intl.DateTimeFormat.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { briefingCommands } from '../commands/index.js';
import type { Briefing } from '../src/briefing/briefing.js';
import { LOCALES } from '../src/i18n/locale.js';
import { complete, reply } from './support/commands.js';
import { shippedBriefing } from './support/content.js';
import { Random } from './support/random.js';
import { autocompletedOptions, Scenarios } from './support/scenarios.js';

let briefing: Briefing;
beforeAll(async () => {
  briefing = await shippedBriefing();
});

const used: string[] = [];
const restore: (() => void)[] = [];
afterEach(() => {
  for (const undo of restore.splice(0)) undo();
});

/** Records every Intl object made and every locale-aware call, until the test ends. */
function recordIcu(): void {
  for (const name of Object.getOwnPropertyNames(Intl) as (keyof typeof Intl)[]) {
    const original = Intl[name];
    if (typeof original !== 'function') continue;
    Object.defineProperty(Intl, name, { value: new Proxy(original, { construct: (target, args, newTarget) => (used.push(`new Intl.${name}`), Reflect.construct(target, args, newTarget)) }), configurable: true, writable: true });
    restore.push(() => Object.defineProperty(Intl, name, { value: original, configurable: true, writable: true }));
  }
  const methods: readonly (readonly [object, string])[] = [
    [String.prototype, 'localeCompare'],
    [Number.prototype, 'toLocaleString'],
    [Date.prototype, 'toLocaleString'],
    [Date.prototype, 'toLocaleDateString'],
    [Date.prototype, 'toLocaleTimeString'],
  ];
  for (const [prototype, name] of methods) {
    const original = (prototype as Record<string, (...args: unknown[]) => unknown>)[name]!;
    Object.defineProperty(prototype, name, { value: function (this: unknown, ...args: unknown[]) { used.push(name); return original.apply(this, args); }, configurable: true, writable: true });
    restore.push(() => Object.defineProperty(prototype, name, { value: original, configurable: true, writable: true }));
  }
}

describe('briefing replies', () => {
  it('are built in English, German and French without creating an ICU object', () => {
    recordIcu();
    const scenarios = new Scenarios(briefing, new Random(5));
    let built = 0;
    for (const locale of LOCALES) {
      for (const command of briefingCommands) {
        for (let n = 0; n < 10; n++) {
          const { options, page } = scenarios.call(command);
          reply(command, briefing, options, page, undefined, locale);
          for (const name of autocompletedOptions(command)) complete(command, briefing, { name, value: 'ru' }, options, locale);
          built++;
        }
      }
    }
    expect(built).toBe(LOCALES.length * briefingCommands.length * 10);
    expect(used).toEqual([]);
  });
});
