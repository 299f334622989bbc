// /brief [section]: the state of the story — tl;dr, key points, what comes next, open questions.
import { SlashCommandBuilder } from '../src/render/discordjs.js';
import { defineBriefingCommand } from '../src/command/briefing-command.js';
import { UserError } from '../src/command/command.js';
import { editionOption } from '../src/command/edition.js';
import type { Summarize } from '../src/recaps/recap-content.js';
import { BRIEF_SECTIONS, briefDocument, isBriefSection } from '../src/render/brief.js';
import { utcDay } from '../src/render/format.js';

export const brief = defineBriefingCommand({
  data: new SlashCommandBuilder()
    .setName('brief')
    .setDescription('The state of the story: summary, key points, what comes next, open questions')
    .addStringOption((option) =>
      option
        .setName('section')
        .setDescription('Show only one part of the briefing')
        .addChoices(...Object.entries(BRIEF_SECTIONS).map(([value, name]) => ({ name, value }))),
    )
    .addStringOption(editionOption),
  pageOptions: ['section'],
  build({ briefing, now }, { section }, t) {
    if (section !== undefined && !isBriefSection(section)) throw new UserError(t.brief.noSuchSection(Object.values(t.brief.sections)));
    return { document: briefDocument(t, briefing, utcDay(now), section), pageArgs: [section ?? ''] };
  },
});

/** A channel's first recap: the whole /brief reply. */
export const summarize: Summarize = (moment, locale) => brief.show(moment, {}, 1, locale);
