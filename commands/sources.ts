// /sources: every source the briefing rests on, by type, with publisher, title, date, link, where we
// read it (via), and how many quotes and positions cite it.
import { SlashCommandBuilder } from '../src/render/discordjs.js';
import { defineBriefingCommand } from '../src/command/briefing-command.js';
import { renderAllSources } from '../src/render/sources.js';

export const sources = defineBriefingCommand({
  data: new SlashCommandBuilder().setName('sources').setDescription('Every source this briefing rests on, and what cites each'),
  pageOptions: [],
  // The list is its own sources: a Sources button would repeat it.
  sourcesButton: false,
  build({ briefing }, _options, t) {
    return { document: renderAllSources(t, briefing), pageArgs: [] };
  },
});
