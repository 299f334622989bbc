// /corrections: every correction editors have published, newest first: which items, what was wrong, what
// is right now. Replies that show a corrected item carry a short "Corrected <date>" note of their own.
import { SlashCommandBuilder } from 'discord.js';
import type { Briefing } from '../src/briefing/briefing.js';
import { newestCorrectionsFirst } from '../src/briefing/queries.js';
import type { Correction } from '../src/briefing/schema.js';
import { defineBriefingCommand } from '../src/command/briefing-command.js';
import { UserError } from '../src/command/command.js';
import { actorName, briefingFooter, editionDate } from '../src/render/format.js';
import { literal, truncate } from '../src/render/text.js';
import { formatDate } from '../src/time/dates.js';

export const corrections = defineBriefingCommand({
  data: new SlashCommandBuilder().setName('corrections').setDescription('What the briefing got wrong and has corrected, newest first'),
  pageOptions: [],
  build({ briefing }) {
    const listed = newestCorrectionsFirst(briefing);
    if (listed.length === 0) throw new UserError('No corrections have been published in this briefing.');
    return {
      document: {
        title: 'Corrections',
        description: `${listed.length} correction${listed.length === 1 ? '' : 's'}, newest first. Each corrected item says so where it is shown.`,
        sections: listed.map((correction) => ({
          name: `Corrected ${formatDate(correction.date)}`,
          blocks: [{ text: correctionText(briefing, correction), sources: correction.items.flatMap((item) => (item.kind === 'source' ? [item.id] : [])) }],
        })),
        footer: briefingFooter(briefing),
      },
      pageArgs: [],
    };
  },
});

function correctionText(briefing: Briefing, correction: Correction): string {
  return [
    ...correction.items.map((item) => `• ${itemLabel(briefing, item)}`),
    `**What was wrong:** ${literal(correction.wrong)}`,
    `**What is right:** ${literal(correction.right)}`,
  ].join('\n');
}

/** `Quote: Mark Rutte, “We are still a long way…”`, `Position: …`, `Timeline: …`, `Source: …`, `Summary of …`. */
function itemLabel(briefing: Briefing, { kind, id }: Correction['items'][number]): string {
  switch (kind) {
    case 'quote': {
      const quote = briefing.content.quotes.find((candidate) => candidate.id === id);
      return quote ? `Quote: ${actorName(briefing, quote.speaker)}, “${literal(truncate(quote.text, 60))}”` : `Quote ${id}`;
    }
    case 'position': {
      const position = briefing.content.allPositions.find((candidate) => candidate.id === id);
      const topic = position && briefing.topicById.get(position.topic);
      return position ? `Position: ${actorName(briefing, position.actor)} on ${literal(topic?.name ?? position.topic)}` : `Position ${id}`;
    }
    case 'event': {
      const event = briefing.content.timeline.find((candidate) => candidate.id === id);
      return event ? `Timeline: ${literal(event.title)}` : `Event ${id}`;
    }
    case 'source': {
      const source = briefing.sourceById.get(id);
      return source ? `Source: ${literal(source.publisher)}, “${literal(source.title)}”` : `Source ${id}`;
    }
    case 'summary': {
      const edition = briefing.editions.find((candidate) => candidate.id === id);
      return `Summary of the edition of ${edition ? editionDate(edition) : id}`;
    }
  }
}
