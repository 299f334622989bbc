// A story that lives in time: editions in every command, replies computed for an injected "now",
// superseded items, planned events a later edition reports, the stale line, and corrections.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '../src/briefing/briefing.js';
import { atEdition } from '../src/briefing/editions.js';
import { isPrivate } from '../src/render/reply.js';
import { complete, named, press, reply, TEST_CALLER, TEST_NOW } from './support/commands.js';
import { shippedUpTo } from './support/content.js';
import { summarize } from '../commands/brief.js';
import { buildRecap } from '../src/recaps/recap-content.js';

let briefing: Briefing;
beforeAll(async () => {
  // The story as of its 3 Dec edition: the tests travel to days when no later one exists.
  briefing = await shippedUpTo('2025-12-03');
});

const ON_26_NOV = new Date('2025-11-26T18:00:00Z');
const A_YEAR_LATER = new Date('2026-12-01T08:00:00Z');
const text = (shown: ReturnType<typeof reply>) => JSON.stringify(shown);

describe('editions', () => {
  it('default to the newest edition published by now, and can be asked for by date', () => {
    const newest = reply(named('brief'), briefing, {});
    expect(newest.embeds![0]!.footer!.text).toMatch(/^Edition of 3 Dec 2025/);
    expect(newest.embeds![0]!.fields![0]!.name).toBe('Since 26 Nov 2025');
    const older = reply(named('brief'), briefing, { edition: '2025-11-26' });
    expect(older.embeds![0]!.footer!.text).toMatch(/^Edition of 26 Nov 2025/);
    expect(older.embeds![0]!.description).toMatch(/^📜 \*The edition of 26 Nov 2025; the newest is of 3 Dec 2025\.\*/);
    expect(older.embeds![0]!.fields!.map((field) => field.name)).not.toContain('Since 26 Nov 2025');
  });

  it('travel in time: on 26 Nov the 3 Dec edition does not exist yet', () => {
    const then = reply(named('brief'), briefing, {}, 1, ON_26_NOV);
    expect(then.embeds![0]!.footer!.text).toMatch(/^Edition of 26 Nov 2025/);
    expect(then.embeds![0]!.description).toMatch(/^\*\*TL;DR\*\*/);
    const future = reply(named('brief'), briefing, { edition: '2025-12-03' }, 1, ON_26_NOV);
    expect(isPrivate(future)).toBe(true);
    expect(future.content).toContain('The edition of 2025-12-03 was not yet published then. Editions: 2025-11-26.');
    expect(reply(named('brief'), briefing, {}, 1, new Date('2025-11-01T00:00:00Z')).content).toContain('No edition of this briefing was published by 1 Nov 2025.');
  });

  it('refuses an unknown edition privately, naming those there are', () => {
    const unknown = reply(named('quotes'), briefing, { edition: '2025-11-30' });
    expect(isPrivate(unknown)).toBe(true);
    expect(unknown.content).toBe('There is no edition “2025-11-30”. Editions: 2025-12-03, 2025-11-26.');
    // Said once, quoted as typed (Markdown shown as typed).
    expect(reply(named('brief'), briefing, { edition: '**2025**' }).content).toBe('There is no edition “\\*\\*2025\\*\\*”. Editions: 2025-12-03, 2025-11-26.');
  });

  it('are offered as autocomplete, newest first, only those published by now', () => {
    expect(complete(named('position'), briefing, { name: 'edition', value: '' })).toEqual([
      { name: '3 Dec 2025 · newest', value: '2025-12-03' },
      { name: '26 Nov 2025', value: '2025-11-26' },
    ]);
    expect(named('timeline').autocomplete!({ briefing, now: ON_26_NOV, staleAfterDays: 7 }, { name: 'edition', value: '2025' }, { caller: TEST_CALLER, options: {} })).toEqual([
      { name: '26 Nov 2025 · newest', value: '2025-11-26' },
    ]);
  });

  it('stay pinned on page buttons when asked for, and follow the newest otherwise', () => {
    const pinned = reply(named('quotes'), briefing, { edition: '2025-11-26' });
    const next = pinned.components![0]!.components.find((button) => 'label' in button && button.label === 'Next ▶')!;
    expect('custom_id' in next && next.custom_id).toBe('quotes:p:2::::251126');
    const second = press(briefing, 'quotes:p:2::::251126')!.reply;
    expect(second.embeds![0]!.footer!.text).toMatch(/^Briefing edition of 26 Nov 2025/);
    expect(press(briefing, 'quotes:p:1::::')!.reply.embeds![0]!.footer!.text).toMatch(/^Briefing edition of 3 Dec 2025/);
  });
});

describe('superseded items', () => {
  it('show only the replacement in the edition that replaced them, with what it replaced', () => {
    const trump = text(reply(named('position'), briefing, { actor: 'Trump', topic: 'peace-plan' }));
    expect(trump).toContain('reasonably good');
    expect(trump).toContain('Earlier (25 Nov 2025): “Says only a few points of contention remain');
  });

  it('say, in the older edition, what replaced them and when', () => {
    const trump = text(reply(named('position'), briefing, { actor: 'Trump', topic: 'peace-plan', edition: '2025-11-26' }));
    expect(trump).toContain('Says only a few points of contention remain');
    expect(trump).toContain('⤷ *Superseded in the edition of 3 Dec 2025:*');
    // On 26 Nov itself nothing had replaced it yet.
    expect(text(reply(named('position'), briefing, { actor: 'Trump', topic: 'peace-plan' }, 1, ON_26_NOV))).not.toContain('Superseded');
  });

  it('keep a planned event and the later report of it as one event', () => {
    const view = atEdition(briefing, TEST_NOW);
    if (!('briefing' in view)) throw new Error(JSON.stringify(view.problem));
    expect(view.briefing.timeline.map((event) => event.id)).toContain('kremlin-meeting');
    expect(view.briefing.timeline.map((event) => event.id)).not.toContain('witkoff-moscow');
  });
});

describe('replies that know what day it is', () => {
  it('carry no stale line while the briefing is fresh, and one line in every reply once it is old', () => {
    for (const command of ['brief', 'quotes', 'timeline', 'sources', 'corrections']) {
      expect(text(reply(named(command), briefing, {})), command).not.toContain('Last updated');
      expect(reply(named(command), briefing, {}, 1, A_YEAR_LATER).embeds![0]!.description, command).toMatch(
        /^⏳ \*Last updated 3 Dec 2025, 362 days ago: later developments are not in this briefing\.\*/,
      );
    }
    expect(reply(named('position'), briefing, { actor: 'Rutte' }, 1, A_YEAR_LATER).embeds![0]!.description).toMatch(/^⏳ \*Last updated 3 Dec 2025, 362 days ago/);
  });
});

describe("What's next, under the timeline's time rule", () => {
  const ON_2_DEC = new Date('2025-12-02T23:00:00Z');
  const whatsNext = (shown: ReturnType<typeof reply>, name: string) => shown.embeds![0]!.fields!.find((field) => field.name === name)!.value.split('\n');

  it('/brief in the stale window says a planned item is past its day, as /timeline does, and leaves one still to come as it is', () => {
    const [eu, witkoff, driscoll] = whatsNext(reply(named('brief'), briefing, {}, 1, ON_2_DEC), "What's next");
    expect(eu).toBe('• 26 Nov: EU foreign ministers discuss the talks by video link. *(was planned for 26 Nov 2025; no later report in this briefing)*');
    expect(text(reply(named('timeline'), briefing, {}, 1, ON_2_DEC))).toContain('*(was planned for 26 Nov 2025; no later report in this briefing)*');
    expect(witkoff).toBe('• Week of 1 Dec: Witkoff expected in Moscow to meet Putin (Trump: "I believe next week in Moscow").');
    expect(driscoll).toBe('• Week of 1 Dec: Driscoll due to negotiate in Kyiv.');
    const german = whatsNext(reply(named('brief'), briefing, {}, 1, ON_2_DEC, 'de'), 'Wie es weitergeht');
    expect(german[0]).toMatch(/\*\(war für 26\. Nov\. 2025 geplant; kein späterer Bericht in diesem Briefing\)\*$/);
  });

  it('says which items a later edition reported, once their days are past', () => {
    const after = whatsNext(reply(named('brief'), briefing, { edition: '2025-11-26' }, 1, new Date('2025-12-09T12:00:00Z')), "What's next");
    expect(after[1]).toMatch(/Witkoff .* \*\(was expected for 1–7 Dec 2025\)\*$/);
    expect(after[2]).toMatch(/Driscoll .* \*\(was expected for 1–7 Dec 2025; no later report in this briefing\)\*$/);
  });

  it('a channel\'s first recap, the summary, uses the same rule', () => {
    const recap = buildRecap({ briefing, now: ON_2_DEC, staleAfterDays: 7 }, undefined, 'UTC', summarize, 'en');
    expect(recap.kind).toBe('summary');
    expect(whatsNext(recap.reply, "What's next")[0]).toContain('*(was planned for 26 Nov 2025; no later report in this briefing)*');
  });
});

describe('corrections', () => {
  it('/corrections lists what was wrong and what is right, newest first, with the items', () => {
    const shown = reply(named('corrections'), briefing, {});
    const fields = shown.embeds![0]!.fields!;
    expect(shown.embeds![0]!.description).toMatch(/^3 corrections, newest first\./);
    expect(fields.map((field) => field.name)).toEqual(['Corrected 3 Dec 2025', 'Corrected 3 Dec 2025', 'Corrected 3 Dec 2025']);
    expect(fields[0]!.value).toContain('• Quote: Mark Rutte, “We are still a long way');
    expect(fields[0]!.value).toContain("**What was wrong:** Rutte's interview words were shown as said on 26 November");
    expect(fields[0]!.value).toContain('**What is right:**');
  });

  it('are not there before the edition that published them', () => {
    expect(reply(named('corrections'), briefing, {}, 1, ON_26_NOV).content).toBe('No corrections have been published in this briefing.');
  });

  it('mark every reply that shows a corrected item, saying what was wrong', () => {
    const rutte = text(reply(named('quotes'), briefing, { actor: 'Rutte' }));
    expect(rutte).toContain('24 Nov 2025');
    expect(text(reply(named('quotes'), briefing, { actor: 'Rubio' }))).toContain('reported 2 Dec 2025');
    expect(rutte).toContain("✏️ *Corrected 3 Dec 2025:* Rutte's interview words were shown as said on 26 November");
    expect(text(reply(named('timeline'), briefing, { from: '2025-11-25', to: '2025-11-25' }))).toContain('✏️ *Corrected 3 Dec 2025:* The coalition');
    expect(text(reply(named('position'), briefing, { actor: 'Chadbourn' }))).toContain('✏️ *Corrected 3 Dec 2025:* The poll of Trump voters');
  });
});
