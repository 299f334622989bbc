// What a recap says, as a pure function of the briefing and the channel's last recap: the summary the
// first time, then only what changed since, or a one-line "no new developments".
import { brief } from '../../commands/brief.js';
import type { Briefing } from '../briefing/briefing.js';
import { changesSince, isEmpty, type Changes } from '../briefing/diff.js';
import { renderPage, type Document, type Section } from '../render/document.js';
import { actorName, editionDate, eventLine, formatInstant, positionBlock, quoteBlock, quoteHeading } from '../render/format.js';
import { NO_MENTIONS, type Reply } from '../render/reply.js';
import { literal } from '../render/text.js';

export interface LastRecap {
  editionId: string | null;
  /** When it was posted, ISO. */
  deliveredAt: string;
}

export type RecapContent =
  | { kind: 'summary' | 'changes'; reply: Reply; editionId: string }
  | { kind: 'quiet'; reply: Reply; editionId: string };

export const RECAP_COMMAND = 'recap';
/** Page buttons of a "what changed" recap carry `recap:p:<page>:since:<edition id>`. */
export const SINCE_VIEW = 'since';

export function buildRecap(briefing: Briefing, last: LastRecap | undefined, timeZone: string): RecapContent {
  const editionId = briefing.latest.id;
  const changes = last?.editionId ? changesSince(briefing, last.editionId) : undefined;
  if (!last || !changes) {
    const summary = brief.reply(briefing, {});
    return { kind: 'summary', editionId, reply: { ...summary, content: `**Recap:** ${literal(briefing.story.title)}` } };
  }
  if (isEmpty(changes)) {
    const since = formatInstant(last.deliveredAt, timeZone);
    return { kind: 'quiet', editionId, reply: { content: `No new developments since the last recap (${since}).`, allowed_mentions: NO_MENTIONS } };
  }
  return { kind: 'changes', editionId, reply: changesPage(briefing, changes, 1) };
}

/** One page of the "what changed" recap; page buttons rebuild it from the edition id alone. */
export function changesPage(briefing: Briefing, changes: Changes, page: number): Reply {
  return renderPage(changesDocument(briefing, changes), page, { command: RECAP_COMMAND, args: [SINCE_VIEW, changes.since.id] }).reply;
}

function changesDocument(briefing: Briefing, changes: Changes): Document {
  const topicName = (id: string) => literal(briefing.topicById.get(id)?.name ?? id);
  const sections: Section[] = [
    {
      name: 'New positions',
      blocks: changes.newPositions.map((position) => {
        const block = positionBlock(briefing, position);
        return { ...block, text: `${actorName(briefing, position.actor)} on ${topicName(position.topic)}:\n${block.text}` };
      }),
    },
    {
      name: 'Changed positions',
      blocks: changes.changedPositions.map(({ before, after }) => {
        const block = positionBlock(briefing, after);
        return { ...block, text: `${actorName(briefing, after.actor)} on ${topicName(after.topic)}, was: “${literal(before.stance)}”\nNow:\n${block.text}` };
      }),
    },
    ...changes.newQuotes.map((quote) => ({ name: `New quote: ${quoteHeading(briefing, quote)}`, blocks: [quoteBlock(briefing, quote)] })),
    { name: 'New on the timeline', list: true, blocks: changes.newEvents.map(eventLine) },
  ];
  const { latest, since } = changes;
  return {
    title: `${literal(briefing.story.title)}: what's new`,
    description: `Changes since the edition of ${editionDate(since)}.\n\n**TL;DR** ${literal(latest.summary.tldr)}`,
    sections: sections.filter((section) => section.blocks.length > 0),
    footer: `Recap · edition of ${editionDate(latest)}`,
    timestamp: new Date(latest.published).toISOString(),
    sources: latest.basedOn,
  };
}
