// How sources read in Discord: one block per source (publisher, date, linked title, author, where we
// read it, note, and what cites it), grouped by type. /sources lists them all; the Sources button of a
// reply lists exactly the ones that reply rests on.
import type { Briefing } from '../briefing/briefing.js';
import { citationsOf, type Citations } from '../briefing/queries.js';
import type { Source, SourceType } from '../briefing/schema.js';
import { en } from '../i18n/en.js';
import type { Messages } from '../i18n/messages.js';
import { formatDate } from '../time/dates.js';
import type { Block, Document, Section } from './document.js';
import { actorName, briefingFooter } from './format.js';
import { literal } from './text.js';

/** Sections in the order the English catalogue lists the types. */
const SOURCE_TYPES = Object.keys(en.sources.types) as SourceType[];

/** One source: publisher and date, linked title, author, where we read it, note, and what cites it. */
export function sourceBlock(t: Messages, briefing: Briefing, source: Source, citations: Citations): Block {
  const lines = [`**${literal(source.publisher)}** · ${formatDate(source.date, t.locale)}`];
  lines.push(source.url ? `[${literal(source.title)}](${source.url})` : t.quote(literal(source.title)));
  if (source.author) lines.push(t.sources.by(actorName(briefing, source.author)));
  // The report itself is in the list too: its publisher says which.
  if (source.via) lines.push(t.sources.readIn(literal(briefing.sourceById.get(source.via)?.publisher ?? source.via)));
  if (source.note) lines.push(`*${literal(source.note)}*`);
  lines.push(citations.quotes || citations.positions ? t.sources.citedBy(citations.quotes, citations.positions) : t.sources.notCited);
  return { text: lines.join('\n'), sources: [source.id] };
}

/** A document listing the given sources (unknown ids are skipped), grouped by type, in the order given. */
export function renderSourceList(t: Messages, briefing: Briefing, sourceIds: readonly string[]): Document {
  const sources = [...new Set(sourceIds)].flatMap((id) => briefing.sourceById.get(id) ?? []);
  const sections: Section[] = SOURCE_TYPES
    .map((type) => ({
      name: t.sources.types[type],
      blocks: sources.filter((source) => source.type === type).map((source) => sourceBlock(t, briefing, source, citationsOf(briefing, source.id))),
    }))
    .filter((section) => section.blocks.length > 0);
  return {
    title: t.sources.title,
    description: t.sources.description(sources.length),
    sections,
    footer: briefingFooter(t, briefing),
    sources: sources.map((source) => source.id),
  };
}
