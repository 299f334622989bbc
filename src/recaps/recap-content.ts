// What a recap says, as a pure function of the briefing and the channel's last recap: the summary the
// first time, then only what changed since, or a one-line "no new developments".
import type { Briefing } from '../briefing/briefing.js';
import { changesSince, isEmpty, type Changes } from '../briefing/diff.js';
import { renderPage, type Document, type Section } from '../render/document.js';
import { actorName, editionDate, eventLine, positionBlock, quoteBlock, quoteHeading } from '../render/format.js';
import type { Reply } from '../render/reply.js';
import type { Delivery } from './ledger.js';
import { formatInZone } from '../time/dates.js';
import { literal } from '../render/text.js';

export interface LastRecap {
  editionId: string | null;
  /** When it was posted, ISO. */
  deliveredAt: string;
}

/** What "changed since" is measured from: the channel's last delivered recap, if any. */
export function lastRecap(delivery: Delivery | undefined): LastRecap | undefined {
  return delivery && { editionId: delivery.editionId, deliveredAt: delivery.settledAt ?? delivery.slot };
}

export type RecapContent =
  | { kind: 'summary' | 'changes'; reply: Reply; editionId: string }
  | { kind: 'quiet'; reply: Reply; editionId: string };

export const RECAP_COMMAND = 'recap';

/** The full summary a channel's first recap posts: /brief's reply, handed in by the composition root. */
export type Summarize = (briefing: Briefing) => Reply;

export function buildRecap(briefing: Briefing, last: LastRecap | undefined, timeZone: string, summarize: Summarize): RecapContent {
  const editionId = briefing.latest.id;
  const changes = last?.editionId ? changesSince(briefing, last.editionId) : undefined;
  if (!last || !changes) {
    return { kind: 'summary', editionId, reply: { ...summarize(briefing), content: `**Recap:** ${literal(briefing.story.title)}` } };
  }
  if (isEmpty(changes)) {
    const since = formatInZone(last.deliveredAt, timeZone, 'day');
    return { kind: 'quiet', editionId, reply: { content: `No new developments since the last recap (${since}).` } };
  }
  return { kind: 'changes', editionId, reply: changesPage(briefing, changes, 1) };
}

/** One page of the "what changed" recap; its page buttons (view recap-since) rebuild it from the edition id alone. */
export function changesPage(briefing: Briefing, changes: Changes, page: number): Reply {
  return renderPage(changesDocument(briefing, changes), page, { command: RECAP_COMMAND, view: 'recap-since', args: [changes.since.id] }).reply;
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
