// The state of the story as a document: tl;dr, key points, what comes next, open questions. /brief shows
// it, and a channel's first recap posts it.
import type { Briefing } from '../briefing/briefing.js';
import { correctionsOf } from '../briefing/queries.js';
import { formatDate } from '../time/dates.js';
import type { Document, Section } from './document.js';
import { editionDate } from './format.js';
import { literal } from './text.js';

export const BRIEF_SECTIONS = {
  since: 'Since the last edition',
  tldr: 'TL;DR',
  'key-points': 'Key points',
  'whats-next': "What's next",
  'open-questions': 'Open questions',
} as const;
export type BriefSection = keyof typeof BRIEF_SECTIONS;

export const isBriefSection = (value: unknown): value is BriefSection => typeof value === 'string' && value in BRIEF_SECTIONS;

/** The whole briefing, or only `section` of it. The edition's own account of what changed since the one before comes first. */
export function briefDocument(briefing: Briefing, section?: BriefSection): Document {
  const { summary, published, basedOn } = briefing.latest;
  const wanted = (id: BriefSection) => section === undefined || section === id;
  const list = (id: Exclude<BriefSection, 'tldr'>, items: readonly string[], name: string = BRIEF_SECTIONS[id]): Section[] =>
    wanted(id) && items.length > 0 ? [{ name, list: true, blocks: items.map((item) => ({ text: `• ${literal(item)}`, sources: [] })) }] : [];
  const previous = briefing.editions[briefing.editions.indexOf(briefing.latest) - 1];
  const corrections = correctionsOf(briefing, 'summary', briefing.latest.id).map((correction) => ({
    text: `✏️ *Corrected ${formatDate(correction.date)}:* ${literal(correction.wrong)}`,
    sources: [],
  }));
  return {
    title: literal(briefing.story.title),
    description: wanted('tldr') ? `**TL;DR** ${literal(summary.tldr)}` : undefined,
    sections: [
      ...list('since', previous ? (summary.since ?? []) : [], previous && `Since ${editionDate(previous)}`),
      ...list('key-points', summary.keyPoints),
      ...list('whats-next', summary.whatsNext),
      ...list('open-questions', summary.openQuestions),
      ...(section === undefined && corrections.length > 0 ? [{ name: 'Corrections', list: true, blocks: corrections }] : []),
    ],
    footer: editionFooter(briefing),
    timestamp: new Date(published).toISOString(),
    sources: basedOn,
  };
}

/** `Edition of 26 Nov 2025 · Sources: blue News (Keystone-SDA)` (footers show no Markdown, so nothing is escaped). */
function editionFooter(briefing: Briefing): string {
  const publishers = [...new Set(briefing.latest.basedOn.map((sourceId) => briefing.sourceById.get(sourceId)?.publisher ?? sourceId))];
  return `Edition of ${editionDate(briefing.latest)} · Sources: ${publishers.join('; ')}`;
}
