// How sources read in Discord: one block per source (publisher, date, linked title, author, where we
// read it, note, and what cites it), grouped by type. /sources lists them all; the Sources button of a
// reply lists exactly the ones that reply rests on.
import type { Briefing } from '../briefing/briefing.js';
import { citationsOf, type Citations } from '../briefing/queries.js';
import type { Source, SourceType } from '../briefing/schema.js';
import { formatDate } from '../time/dates.js';
import type { Block, Document, Section } from './document.js';
import { actorName, briefingFooter } from './format.js';
import { literal } from './text.js';

const SOURCE_TYPES: Record<SourceType, string> = {
  'wire-report': 'Wire reports',
  'news-report': 'News reports',
  'official-statement': 'Official statements',
  'social-post': 'Social posts',
  commentary: 'Commentary',
  poll: 'Polls',
};

const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** One source: publisher and date, linked title, author, where we read it, note, and what cites it. */
export function sourceBlock(briefing: Briefing, source: Source, citations: Citations): Block {
  const lines = [`**${literal(source.publisher)}** · ${formatDate(source.date)}`];
  lines.push(source.url ? `[${literal(source.title)}](${source.url})` : `“${literal(source.title)}”`);
  if (source.author) lines.push(`By ${actorName(briefing, source.author)}`);
  // The report itself is in the list too: its publisher says which.
  if (source.via) lines.push(`Read in: ${literal(briefing.sourceById.get(source.via)?.publisher ?? source.via)}`);
  if (source.note) lines.push(`*${literal(source.note)}*`);
  const cited = [citations.quotes && counted(citations.quotes, 'quote'), citations.positions && counted(citations.positions, 'position')].filter(Boolean);
  lines.push(cited.length > 0 ? `Cited by ${cited.join(' and ')}` : 'No quote or position cites it directly');
  return { text: lines.join('\n'), sources: [source.id] };
}

/** A document listing the given sources (unknown ids are skipped), grouped by type, in the order given. */
export function renderSourceList(briefing: Briefing, sourceIds: readonly string[]): Document {
  const sources = [...new Set(sourceIds)].flatMap((id) => briefing.sourceById.get(id) ?? []);
  const sections: Section[] = (Object.keys(SOURCE_TYPES) as SourceType[])
    .map((type) => ({
      name: SOURCE_TYPES[type],
      blocks: sources.filter((source) => source.type === type).map((source) => sourceBlock(briefing, source, citationsOf(briefing, source.id))),
    }))
    .filter((section) => section.blocks.length > 0);
  return {
    title: 'Sources',
    description: `${counted(sources.length, 'source')}, by type. “Read in” names the report a post or statement was read in.`,
    sections,
    footer: briefingFooter(briefing),
    sources: sources.map((source) => source.id),
  };
}
