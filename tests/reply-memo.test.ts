// The replies the bot keeps (src/command/reply-memo.ts) are only ever what a fresh build gives: pages, Sources
// lists and autocomplete choices, across moments (before, between and long after editions; either side of
// UTC midnight and of the staleness line), options, pages, languages and the edition option, asked in a
// random order, so that a key missing one of the ways a reply depends on the moment would hand out another
// moment's reply.
import { describe, expect, it } from 'vitest';
import { briefingCommands } from '../commands/index.js';
import type { Briefing } from '../src/briefing/briefing.js';
import { asNotice } from '../src/command/answer.js';
import type { Caller } from '../src/command/command.js';
import type { BriefingContext } from '../src/command/context.js';
import { momentOf, ReplyMemo } from '../src/command/reply-memo.js';
import { LOCALES } from '../src/i18n/locale.js';
import { decodeButton } from '../src/render/custom-id.js';
import type { Reply } from '../src/render/reply.js';
import { at, customIds, TEST_CALLER } from './support/commands.js';
import { shippedBriefing } from './support/content.js';
import { Random } from './support/random.js';
import { Scenarios } from './support/scenarios.js';

const HOUR = 3_600_000;

/** Moments a reader could ask at: around each edition's publication, around UTC midnights, weeks later. */
function moments(briefing: Briefing): Date[] {
  const around = (ms: number) => [-25 * HOUR, -HOUR, -1, 0, 1, HOUR, 23 * HOUR, 7 * 24 * HOUR, 8 * 24 * HOUR + HOUR, 400 * 24 * HOUR].map((offset) => new Date(ms + offset));
  return [...briefing.editions.flatMap((edition) => around(Date.parse(edition.published))), ...around(Date.parse(`${briefing.newest.id}T00:00:00Z`))];
}

/** What answering gives, a mistake's notice included. */
function outcome(work: () => unknown): unknown {
  try {
    return work();
  } catch (error) {
    return asNotice(error);
  }
}

class CountingMemo extends ReplyMemo {
  lookups = 0;
  builds = 0;
  override get<T extends object>(briefing: Briefing, key: string, build: () => T): T {
    this.lookups++;
    return super.get(briefing, key, () => (this.builds++, build()));
  }
}

type Ask = (context: BriefingContext, caller: Caller) => unknown;

/** Commands with options and pages, their Sources and page buttons, and autocomplete as typed. */
function asks(briefing: Briefing, random: Random): Ask[] {
  const scenarios = new Scenarios(briefing, random);
  const all: Ask[] = [];
  for (const command of briefingCommands) {
    for (let index = 0; index < 12; index++) {
      const { options, page } = scenarios.call(command);
      const shown = { ...options, ...(index % 3 === 0 ? { edition: briefing.editions[0]!.id } : {}) };
      all.push((context, caller) => command.show(context, shown, Math.min(page, 3), caller.locale));
      const first = outcome(() => command.show(at(briefing), shown, 1, 'en')) as Reply;
      for (const customId of customIds(first)) {
        const ref = decodeButton(customId)!;
        // The report button opens a form, which is not kept (tests/report-form.test.ts).
        if (command.buttons?.[ref.view]) all.push((context, caller) => command.buttons![ref.view]!.press(context, ref, caller));
      }
      if (command.autocomplete) {
        const { focused, options: given } = scenarios.autocomplete(command);
        all.push((context, caller) => command.autocomplete!(context, focused, { caller, options: given }));
      }
    }
  }
  return all;
}

describe('kept replies', () => {
  it('are what a fresh build gives, at every moment, option, page and language', async () => {
    const briefing = await shippedBriefing();
    const random = new Random(7);
    const all = asks(briefing, random);
    const times = moments(briefing);
    const kept = new CountingMemo(10_000);
    let reused = 0;
    for (let round = 0; round < 3000; round++) {
      const ask = random.pick(all);
      const caller = { ...TEST_CALLER, locale: random.pick(LOCALES) };
      const staleAfterDays = random.pick([7, 30]);
      // Kept at one moment, asked again at another: served from what was kept only where nothing differs.
      outcome(() => ask({ ...at(briefing, random.pick(times), staleAfterDays), kept }, caller));
      const context = at(briefing, random.pick(times), staleAfterDays);
      const builds = kept.builds;
      const answer = outcome(() => ask({ ...context, kept }, caller));
      if (kept.builds === builds) reused++;
      expect(answer, `round ${round} at ${context.now.toISOString()}`).toEqual(outcome(() => ask(context, caller)));
    }
    // Enough asks were answered from what another moment kept for the comparison to mean something (seven
    // editions make more distinct moments than two did: 3,000 rounds reuse as much as 2,000 did then).
    expect(reused).toBeGreaterThan(300);
  });

  it('cannot be changed by one reader on the way to the next', async () => {
    const briefing = await shippedBriefing();
    const brief = briefingCommands.find((command) => command.data.name === 'brief')!;
    const context = { ...at(briefing), kept: new ReplyMemo(8) };
    const reply = brief.show(context, {}, 1, 'en');
    expect(() => {
      (reply.embeds as unknown[]).push({});
    }).toThrow(TypeError);
    expect(brief.show(context, {}, 1, 'en')).toEqual(brief.show(at(briefing), {}, 1, 'en'));
  });
});

describe('ReplyMemo', () => {
  it('keeps the most recently used values per briefing, up to its limit', async () => {
    const briefing = await shippedBriefing();
    const memo = new ReplyMemo(2);
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
