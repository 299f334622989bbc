// The state of the story as a document: tl;dr, key points, what comes next, open questions. /brief shows
// it, and a channel's first recap posts it.
import type { Briefing } from '../briefing/briefing.js';
import type { Document, Section } from './document.js';
import { editionDate } from './format.js';
import { literal } from './text.js';

export const BRIEF_SECTIONS = {
  tldr: 'TL;DR',
  'key-points': 'Key points',
  'whats-next': "What's next",
  'open-questions': 'Open questions',
} as const;
export type BriefSection = keyof typeof BRIEF_SECTIONS;

export const isBriefSection = (value: unknown): value is BriefSection => typeof value === 'string' && value in BRIEF_SECTIONS;

/** The whole briefing, or only `section` of it. */
export function briefDocument(briefing: Briefing, section?: BriefSection): Document {
  const { summary, published, basedOn } = briefing.latest;
  const wanted = (id: BriefSection) => section === undefined || section === id;
  const list = (id: Exclude<BriefSection, 'tldr'>, items: readonly string[]): Section[] =>
    wanted(id) ? [{ name: BRIEF_SECTIONS[id], list: true, blocks: items.map((item) => ({ text: `• ${literal(item)}`, sources: [] })) }] : [];
  return {
    title: literal(briefing.story.title),
    description: wanted('tldr') ? `**TL;DR** ${literal(summary.tldr)}` : undefined,
    sections: [...list('key-points', summary.keyPoints), ...list('whats-next', summary.whatsNext), ...list('open-questions', summary.openQuestions)],
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
