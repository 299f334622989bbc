// The replies briefing commands keep (src/command/reply-memo.ts) are only ever the reply a fresh build gives:
// across moments (before, between and long after editions; either side of UTC midnight and of the staleness
// line), options, pages, languages and the edition option, asked in a random order so that a key missing
// one of the ways a reply depends on the moment would hand out another moment's reply.
import { describe, expect, it } from 'vitest';
import { briefingCommands } from '../commands/index.js';
import type { Briefing } from '../src/briefing/briefing.js';
import { asNotice } from '../src/command/answer.js';
import type { BriefingCommand } from '../src/command/briefing-command.js';
import type { OptionValues } from '../src/command/command.js';
import { momentOf, ReplyMemo } from '../src/command/reply-memo.js';
import { LOCALES } from '../src/i18n/locale.js';
import type { Reply } from '../src/render/reply.js';
import { at } from './support/commands.js';
import { shippedBriefing } from './support/content.js';
import { Random } from './support/random.js';
import { Scenarios } from './support/scenarios.js';

const HOUR = 3_600_000;

/** Moments a reader could ask at: around each edition's publication, around UTC midnights, weeks later. */
function moments(briefing: Briefing): Date[] {
  const around = (ms: number) => [-25 * HOUR, -HOUR, -1, 0, 1, HOUR, 23 * HOUR, 7 * 24 * HOUR, 8 * 24 * HOUR + HOUR, 400 * 24 * HOUR].map((offset) => new Date(ms + offset));
  return [...briefing.editions.flatMap((edition) => around(Date.parse(edition.published))), ...around(Date.parse(`${briefing.newest.id}T00:00:00Z`))];
}

const outcome = (work: () => Reply) => {
  try {
    return work();
  } catch (error) {
    return asNotice(error);
  }
};

describe('kept replies', () => {
  it('are the replies a fresh build gives, at every moment, option, page and language', async () => {
    const briefing = await shippedBriefing();
    const random = new Random(7);
    const scenarios = new Scenarios(briefing, random);
    const asks: { command: BriefingCommand; options: OptionValues; page: number }[] = [];
    for (const command of briefingCommands) {
      for (let index = 0; index < 12; index++) {
        const { options, page } = scenarios.call(command);
        asks.push({ command, options, page: Math.min(page, 3) });
        if (index % 3 === 0) asks.push({ command, options: { ...options, edition: briefing.editions[0]!.id }, page: 1 });
      }
    }
    const times = moments(briefing);
    let compared = 0;
    for (let round = 0; round < 1500; round++) {
      const { command, options, page } = random.pick(asks);
      const now = random.pick(times);
      const locale = random.pick(LOCALES);
      const staleAfterDays = random.pick([7, 30]);
      const kept = outcome(() => command.show(at(briefing, now, staleAfterDays), options, page, locale));
      const fresh = outcome(() => command.buildPage(at(briefing, now, staleAfterDays), options, page, locale));
      expect(kept, `/${command.data.name} ${JSON.stringify(options)} page ${page} at ${now.toISOString()} in ${locale}`).toEqual(fresh);
      compared++;
    }
    expect(compared).toBe(1500);
  });

  it('cannot be changed by one reader on the way to the next', async () => {
    const briefing = await shippedBriefing();
    const brief = briefingCommands.find((command) => command.data.name === 'brief')!;
    const reply = brief.show(at(briefing), {}, 1, 'en');
    expect(() => {
      (reply.embeds as unknown[]).push({});
    }).toThrow(TypeError);
    expect(brief.show(at(briefing), {}, 1, 'en')).toEqual(brief.buildPage(at(briefing), {}, 1, 'en'));
  });
});

describe('ReplyMemo', () => {
  it('keeps the most recently used values per briefing, up to its limit', async () => {
    const briefing = await shippedBriefing();
    const memo = new ReplyMemo<{ n: number }>(2);
    let builds = 0;
    const get = (key: string, on = briefing) => memo.get(on, key, () => ({ n: ++builds }));
    expect(get('a').n).toBe(1);
    expect(get('b').n).toBe(2);
    expect(get('a').n).toBe(1);
    expect(get('c').n).toBe(3); // evicts b, the least recently used
    expect(get('a').n).toBe(1);
    expect(get('b').n).toBe(4);
    expect(get('a', { ...briefing }).n).toBe(5); // another loaded briefing keeps its own
  });

  it('tells moments apart exactly where a reply can change', async () => {
    const briefing = await shippedBriefing();
    const published = Date.parse(briefing.newest.published);
    expect(momentOf(briefing, new Date(published - 1))).not.toBe(momentOf(briefing, new Date(published)));
    expect(momentOf(briefing, new Date(published + 24 * HOUR - 1))).not.toBe(momentOf(briefing, new Date(published + 24 * HOUR)));
    const midnight = Date.parse(`${briefing.newest.id}T00:00:00Z`) + 2 * 24 * HOUR;
    expect(momentOf(briefing, new Date(midnight - 1))).not.toBe(momentOf(briefing, new Date(midnight)));
  });
});
