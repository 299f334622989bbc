// /brief [section]: the state of the story — tl;dr, key points, what comes next, open questions.
import { defineBriefingCommand } from '../src/command/briefing-command.js';
import { editionOption } from '../src/command/edition.js';
import { string } from '../src/command/options.js';
import type { Summarize } from '../src/recaps/recap-content.js';
import { BRIEF_SECTIONS, briefDocument, type BriefSection } from '../src/render/brief.js';
import { utcDay } from '../src/render/format.js';

export const brief = defineBriefingCommand({
  name: 'brief',
  description: 'The state of the story: summary, key points, what comes next, open questions',
  options: {
    section: string('Show only one part of the briefing', {
      choices: (Object.entries(BRIEF_SECTIONS) as [BriefSection, string][]).map(([value, name]) => ({ name, value })),
    }),
    edition: editionOption,
  },
  pageOptions: ['section'],
  build({ briefing, now }, { section }, t) {
    return { document: briefDocument(t, briefing, utcDay(now), section), pageArgs: [section ?? ''] };
  },
});

/** A channel's first recap: the whole /brief reply. */
export const summarize: Summarize = (moment, locale) => brief.show(moment, {}, 1, locale);
