// /corrections: every correction editors have published, newest first: which items, what was wrong, what
// is right now. Replies that show a corrected item carry a short "Corrected <date>" note of their own.
import { SlashCommandBuilder } from '../src/render/discordjs.js';
import type { Briefing } from '../src/briefing/briefing.js';
import { newestCorrectionsFirst } from '../src/briefing/queries.js';
import type { Correction } from '../src/briefing/schema.js';
import { defineBriefingCommand } from '../src/command/briefing-command.js';
import { UserError } from '../src/command/command.js';
import { actorName, briefingFooter, editionDate } from '../src/render/format.js';
import type { Messages } from '../src/i18n/messages.js';
import { literal, truncate } from '../src/render/text.js';
import { formatDate } from '../src/time/dates.js';

export const corrections = defineBriefingCommand({
  data: new SlashCommandBuilder().setName('corrections').setDescription('What the briefing got wrong and has corrected, newest first'),
  pageOptions: [],
  build({ briefing }, _options, t) {
    const listed = newestCorrectionsFirst(briefing);
    if (listed.length === 0) throw new UserError(t.corrections.none);
    return {
      document: {
        title: t.corrections.title,
        description: t.corrections.description(listed.length),
        sections: listed.map((correction) => ({
          name: t.item.corrected(formatDate(correction.date, t.locale)),
          blocks: [{ text: correctionText(t, briefing, correction), sources: correction.items.flatMap((item) => (item.kind === 'source' ? [item.id] : [])) }],
        })),
        footer: briefingFooter(t, briefing),
      },
      pageArgs: [],
    };
  },
});

function correctionText(t: Messages, briefing: Briefing, correction: Correction): string {
  return [
    ...correction.items.map((item) => `• ${itemLabel(t, briefing, item)}`),
    `${t.corrections.wrong} ${literal(correction.wrong)}`,
    `${t.corrections.right} ${literal(correction.right)}`,
  ].join('\n');
}

/** `Quote: Mark Rutte, “We are still a long way…”`, `Position: …`, `Timeline: …`, `Source: …`, `Summary of …`. */
function itemLabel(t: Messages, briefing: Briefing, { kind, id }: Correction['items'][number]): string {
  const unknown = kind === 'summary' ? '' : `${t.corrections.unknown[kind]} ${id}`;
  switch (kind) {
    case 'quote': {
      const quote = briefing.content.quotes.find((candidate) => candidate.id === id);
      return quote ? t.corrections.quote(actorName(briefing, quote.speaker), literal(truncate(quote.text, 60))) : unknown;
    }
    case 'position': {
      const position = briefing.content.allPositions.find((candidate) => candidate.id === id);
      const topic = position && briefing.topicById.get(position.topic);
      return position ? t.corrections.position(actorName(briefing, position.actor), literal(topic?.name ?? position.topic)) : unknown;
    }
    case 'event': {
      const event = briefing.content.timeline.find((candidate) => candidate.id === id);
      return event ? t.corrections.event(literal(event.title)) : unknown;
    }
    case 'source': {
      const source = briefing.sourceById.get(id);
      return source ? t.corrections.source(literal(source.publisher), literal(source.title)) : unknown;
    }
    case 'summary': {
      const edition = briefing.editions.find((candidate) => candidate.id === id);
      return t.corrections.summary(edition ? editionDate(t, edition) : id);
    }
  }
}
