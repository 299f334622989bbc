// The state of the story as a document: tl;dr, key points, what comes next, open questions. /brief shows
// it, and a channel's first recap posts it.
import type { Briefing } from '../briefing/briefing.js';
import { correctionsOf } from '../briefing/queries.js';
import { en } from '../i18n/en.js';
import type { Messages } from '../i18n/messages.js';
import type { Document, Section } from './document.js';
import { correctedNote, editionDate, whatsNextLine } from './format.js';
import { literal } from './text.js';

/** The sections /brief can show alone, by option value, with their English names (each catalogue names them too). */
export const BRIEF_SECTIONS = en.brief.sections;
export type BriefSection = keyof typeof BRIEF_SECTIONS;

/**
 * The whole briefing, or only `section` of it, on `today` (YYYY-MM-DD: What's next says what is past its day).
 * The edition's own account of what changed since the one before comes first.
 */
export function briefDocument(t: Messages, briefing: Briefing, today: string, section?: BriefSection): Document {
  const { summary, published, basedOn } = briefing.latest;
  const wanted = (id: BriefSection) => section === undefined || section === id;
  const list = (id: Exclude<BriefSection, 'tldr'>, lines: readonly string[], name: string = t.brief.sections[id]): Section[] =>
    wanted(id) && lines.length > 0 ? [{ name, list: true, blocks: lines.map((text) => ({ text, sources: [] })) }] : [];
  const bullets = (items: readonly string[]) => items.map((item) => `• ${literal(item)}`);
  const previous = briefing.editions[briefing.editions.indexOf(briefing.latest) - 1];
  const corrections = correctionsOf(briefing, 'summary', briefing.latest.id).map((correction) => ({
    text: correctedNote(t, correction.date, literal(correction.wrong)),
    sources: [],
  }));
  return {
    title: literal(briefing.story.title),
    description: wanted('tldr') ? `${t.brief.tldrLead} ${literal(summary.tldr)}` : undefined,
    sections: [
      ...list('since', bullets(previous ? (summary.since ?? []) : []), previous && t.brief.since(editionDate(t, previous))),
      ...list('key-points', bullets(summary.keyPoints)),
      ...list('whats-next', summary.whatsNext.map((item) => whatsNextLine(t, briefing, item, today))),
      ...list('open-questions', bullets(summary.openQuestions)),
      ...(section === undefined && corrections.length > 0 ? [{ name: t.brief.corrections, list: true, blocks: corrections }] : []),
    ],
    footer: editionFooter(t, briefing),
    timestamp: new Date(published).toISOString(),
    sources: basedOn,
    items: [`summary:${briefing.latest.id}`],
  };
}

/** `Edition of 26 Nov 2025 · Sources: blue News (Keystone-SDA)` (footers show no Markdown, so nothing is escaped). */
function editionFooter(t: Messages, briefing: Briefing): string {
  const publishers = [...new Set(briefing.latest.basedOn.map((sourceId) => briefing.sourceById.get(sourceId)?.publisher ?? sourceId))];
  return t.brief.footer(editionDate(t, briefing.latest), publishers);
}
