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
import { recordIcu } from './support/icu-recorder.mjs';
import { Random } from './support/random.js';
import { autocompletedOptions, Scenarios } from './support/scenarios.js';

let briefing: Briefing;
beforeAll(async () => {
  briefing = await shippedBriefing();
});

const used: string[] = [];
let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe('briefing replies', () => {
  it('are built in English, German and French without creating an ICU object', () => {
    restore = recordIcu((what) => used.push(what));
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
