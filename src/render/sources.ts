// How sources read in Discord: one block per source (publisher, date, linked title, author, where we
// read it, note, and what cites it), grouped by type. /sources lists them all; the Sources button of a
// reply lists exactly the ones that reply rests on.
import type { Briefing } from '../briefing/briefing.js';
import { citationsOf, positionOfSource, type Citations } from '../briefing/queries.js';
import type { Source, SourceType } from '../briefing/schema.js';
import { en } from '../i18n/en.js';
import type { Messages } from '../i18n/messages.js';
import { formatDate } from '../time/dates.js';
import type { Block, Document, Section } from './document.js';
import { actorName, briefingFooter } from './format.js';
import { oncePerView } from './per-view.js';
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
  return { text: lines.join('\n'), sources: [source.id], items: [`source:${source.id}`] };
}

/** /sources lists every source, a Sources button a few: each block is made once per view and language. */
const sourceBlocks = oncePerView(
  (briefing) => briefing.sources,
  (t, briefing, position) => {
    const source = briefing.sources[position]!;
    return sourceBlock(t, briefing, source, citationsOf(briefing, source.id));
  },
);

/** Every source of the briefing, as /sources lists them: by position, with no lookup by id (1,200 at 100x content). */
export function renderAllSources(t: Messages, briefing: Briefing): Document {
  return sourceList(t, briefing, briefing.sources.map((_, position) => position));
}

/** A document listing the given sources (unknown ids are skipped), grouped by type, in the order given. */
export function renderSourceList(t: Messages, briefing: Briefing, sourceIds: readonly string[]): Document {
  return sourceList(t, briefing, [...new Set(sourceIds)].flatMap((id) => positionOfSource(briefing, id) ?? []));
}

function sourceList(t: Messages, briefing: Briefing, positions: readonly number[]): Document {
  const blockAt = sourceBlocks(t, briefing);
  // One pass, not one per type.
  const blocksByType = new Map(SOURCE_TYPES.map((type) => [type, [] as Block[]]));
  for (const position of positions) blocksByType.get(briefing.sources[position]!.type)!.push(blockAt(position));
  const sections: Section[] = SOURCE_TYPES
    .map((type) => ({ name: t.sources.types[type], blocks: blocksByType.get(type)! }))
    .filter((section) => section.blocks.length > 0);
  return {
    title: t.sources.title,
    description: t.sources.description(positions.length),
    sections,
    footer: briefingFooter(t, briefing),
    sources: positions.map((position) => briefing.sources[position]!.id),
  };
}
