// A reply's content as sections of blocks, laid out into embeds that respect every Discord limit.
// Long content becomes pages with Previous/Next buttons; nothing is cut or dropped. A text too long for one
// field is split between lines or words, never inside a link or emphasis; a page's list of its sources
// holds whole entries, and counts those that do not fit.
import { ButtonStyle, ComponentType, type APIButtonComponent, type APIEmbed } from 'discord-api-types/v10';
import type { Messages } from '../i18n/messages.js';
import { encodeButton, type ButtonRef, type View } from './custom-id.js';
import { LIMITS } from './limits.js';
import type { Reply } from './reply.js';
import { splitText, truncate } from './text.js';

/** A piece of content and the sources it rests on (shown by the Sources button). */
export interface Block {
  text: string;
  sources: readonly string[];
  /** The briefing items it shows, as `kind:id` (`quote:rutte-long-way`): a reader's report says what they saw by these. */
  items?: readonly string[];
  /**
   * Lines of `text` that say the same under every item they apply to (a correction of several quotes): on a
   * page already showing `line`, each later block shows `again` instead, a short reference to it.
   */
  repeats?: readonly Repeat[];
}

export interface Repeat {
  line: string;
  again: string;
}

export interface Section {
  name: string;
  blocks: readonly Block[];
  /** Blocks are list items: one per line instead of separate paragraphs. */
  list?: boolean;
}

/**
 * Sections made on demand, for lists thousands long (every quote of a large briefing): pages are laid out
 * from the sizes of the sections' fields, and only the sections of the page shown are built.
 */
export interface SectionList {
  readonly length: number;
  section(index: number): Section;
  /** What `fieldSizes(section(index))` gives, without building the section when it is known already. */
  fieldSizes(index: number): FieldSizes;
}

export type Sections = readonly Section[] | SectionList;

/** The size (name and value) of each field of a section, or of its only field. */
export type FieldSizes = number | readonly number[];

export interface Document<S extends Sections = readonly Section[]> {
  title: string;
  description?: string;
  sections: S;
  footer: string;
  /** ISO timestamp shown by Discord under the embed. */
  timestamp?: string;
  /** Sources the whole document rests on, besides those of its blocks. */
  sources?: readonly string[];
  /** Items the whole document shows, besides those of its blocks (an edition's summary). */
  items?: readonly string[];
  /**
   * The sources of a page in full, one entry each, for a list that names them by publisher alone: a last field of
   * each page, holding the entries that fit whole and counting the rest.
   */
  pageNotes?: (sourceIds: readonly string[]) => readonly string[];
  color?: number;
}

interface Field {
  name: string;
  value: string;
  sources: readonly string[];
  items: readonly string[];
  repeats: readonly Repeat[];
  /** A later field of its section: it needs no heading of its own right under the one before. */
  continues: boolean;
}

/** Pages are kept readable, well inside Discord's hard limit of 6,000 characters an embed. */
const PAGE_TEXT_BUDGET = 4000;
const PAGE_FIELD_BUDGET = 12;
/** Kept free on every page of a document with page notes, so they always fit (their name in any language included). */
const PAGE_NOTES_ROOM = LIMITS.fieldValue + 40;
/** Kept free in a section's name for "(continued)" in any language. */
const CONTINUED_ROOM = 20;
/** Room reserved in the footer for " · Page 9999/9999". */
const PAGE_LABEL_ROOM = 20;
export const BRAND_COLOR = 0x2f6fdf;

/** Lays the document out into pages: an array of field lists, at least one (possibly empty). */
export function layOut(document: Document<Sections>): Field[][] {
  const breaks = pageBreaks(document);
  return breaks.map((start, index) => fieldsBetween(document, start, breaks[index + 1]));
}

/** A field by its place in the document: the section, and the field within that section. */
interface FieldPosition {
  section: number;
  field: number;
}

/**
 * Where each page begins (at least one page). Only the sizes of the fields decide it, so the fields built
 * here are dropped at once and only the page shown is built for keeps: a list of thousands of quotes is
 * paginated without holding thousands of fields.
 */
function pageBreaks(document: Document<Sections>): FieldPosition[] {
  const header = document.title.length + (document.description?.length ?? 0) + document.footer.length + PAGE_LABEL_ROOM;
  const budget = Math.min(PAGE_TEXT_BUDGET, LIMITS.embedTotal - header - (document.pageNotes ? PAGE_NOTES_ROOM : 0));
  const breaks: FieldPosition[] = [{ section: 0, field: 0 }];
  let used = 0;
  let onPage = 0;
  const place = (size: number, section: number, field: number) => {
    if (onPage > 0 && (used + size > budget || onPage >= PAGE_FIELD_BUDGET)) {
      breaks.push({ section, field });
      used = 0;
      onPage = 0;
    }
    used += size;
    onPage += 1;
  };
  // Plain loops: this runs over every field of lists thousands of quotes long.
  const { sections } = document;
  const list = isList(sections) ? sections : undefined;
  for (let sectionIndex = 0; sectionIndex < sections.length; sectionIndex++) {
    const sizes = list ? list.fieldSizes(sectionIndex) : fieldSizes((sections as readonly Section[])[sectionIndex]!);
    if (typeof sizes === 'number') place(sizes, sectionIndex, 0);
    else for (let fieldIndex = 0; fieldIndex < sizes.length; fieldIndex++) place(sizes[fieldIndex]!, sectionIndex, fieldIndex);
  }
  return breaks;
}

function isList(sections: Sections): sections is SectionList {
  return 'fieldSizes' in sections;
}

function sectionAt(sections: Sections, index: number): Section {
  return isList(sections) ? sections.section(index) : sections[index]!;
}

/**
 * The size (name and value) of each field of a section, as it is laid out: a number when it has one field,
 * as one short block (a quote in a list) has.
 */
export function fieldSizes(section: Section): FieldSizes {
  const only = section.blocks.length === 1 ? section.blocks[0]! : undefined;
  if (only && only.text !== '' && only.text.length <= LIMITS.fieldValue) {
    return sectionName(section).length + only.text.length;
  }
  const sizes = sectionFields(section).map((field) => field.name.length + field.value.length + (field.continues ? CONTINUED_ROOM : 0));
  return sizes.length === 1 ? sizes[0]! : sizes;
}

/** The fields from `start` up to `end` (exclusive), or to the end of the document. */
function fieldsBetween(document: Document<Sections>, start: FieldPosition, end: FieldPosition | undefined): Field[] {
  const fields: Field[] = [];
  const lastSection = Math.min(end?.section ?? Infinity, document.sections.length - 1);
  for (let index = start.section; index <= lastSection; index++) {
    const sectionFieldList = sectionFields(sectionAt(document.sections, index));
    const from = index === start.section ? start.field : 0;
    const to = end && index === end.section ? end.field : sectionFieldList.length;
    fields.push(...sectionFieldList.slice(from, to));
  }
  return fields;
}

/** Packs a section's blocks into fields of at most 1,024 characters, continuing under the same name. */
function sectionFields(section: Section): Field[] {
  const fields: Field[] = [];
  const name = sectionName(section);
  const separator = section.list ? '\n' : '\n\n';
  let value = '';
  let sources: string[] = [];
  let items: string[] = [];
  let repeats: Repeat[] = [];
  for (const block of section.blocks) {
    for (const piece of splitText(block.text, LIMITS.fieldValue)) {
      if (value !== '' && value.length + separator.length + piece.length > LIMITS.fieldValue) {
        fields.push(continuedField(name, fields.length, value, sources, items, repeats));
        value = '';
        sources = [];
        items = [];
        repeats = [];
      }
      value = value === '' ? piece : `${value}${separator}${piece}`;
      sources.push(...block.sources);
      items.push(...(block.items ?? []));
      repeats.push(...(block.repeats ?? []).filter(({ line }) => piece.includes(line)));
    }
  }
  if (value !== '') fields.push(continuedField(name, fields.length, value, sources, items, repeats));
  return fields;
}

function sectionName(section: Section): string {
  return truncate(section.name, LIMITS.fieldName - CONTINUED_ROOM);
}

/** The `index`th field of a section: later ones continue it (a page opening with one says so). */
function continuedField(name: string, index: number, value: string, sources: string[], items: string[], repeats: Repeat[]): Field {
  return { name, value, sources, items, repeats, continues: index > 0 };
}

/**
 * The page's field values, each repeated line after its first showing replaced by its short form. Done on the
 * page's own fields, so it never moves a page break: a value only gets shorter.
 */
function withoutRepeats(fields: readonly Field[]): string[] {
  const shown = new Set<string>();
  return fields.map(({ value, repeats }) => {
    let text = value;
    for (const { line, again } of repeats) {
      if (shown.has(line)) text = text.replace(line, again);
      else shown.add(line);
    }
    return text;
  });
}

/** Whole entries, one a line, as many as fit in `max` characters with the line counting those left out. */
export function wholeEntries(entries: readonly string[], max: number, more: (count: number) => string): string {
  const kept: string[] = [];
  let length = 0;
  for (const [index, entry] of entries.entries()) {
    const left = entries.length - index - 1;
    // Room for this entry, and for the count line should any entry after it be left out.
    const room = max - (left > 0 ? more(left).length + 1 : 0);
    if (length + (kept.length > 0 ? 1 : 0) + entry.length > room) {
      const dropped = entries.length - kept.length;
      return [...kept, more(dropped)].join('\n');
    }
    kept.push(entry);
    length += (kept.length > 1 ? 1 : 0) + entry.length;
  }
  return kept.join('\n');
}

/** Discord needs a name on every field; under its own section's field a continuation shows none. */
const BLANK_NAME = '\u200b';

export interface RenderedPage {
  reply: Reply;
  /** 1-based page actually shown (requests beyond the last page show the last). */
  page: number;
  pageCount: number;
  /** Every source the shown page rests on, in first-use order. */
  sources: string[];
  /** Every item the shown page shows, as `kind:id`, in first-use order. */
  items: string[];
}

/** Where page buttons lead: the command and args to rebuild the document, and which view it is. */
export type Navigation = Omit<ButtonRef, 'page' | 'view'> & { view?: View };

/** Renders one page of the document, with page buttons when there is more than one. */
export function renderPage(t: Messages, document: Document<Sections>, requestedPage: number, navigation: Navigation): RenderedPage {
  const breaks = pageBreaks(document);
  const pageCount = breaks.length;
  const page = clampPage(requestedPage, pageCount);
  const fields = fieldsBetween(document, breaks[page - 1]!, breaks[page]);
  const values = withoutRepeats(fields);
  const pageLabel = pageCount > 1 ? ` · ${t.page.label(page, pageCount)}` : '';
  const embed: APIEmbed = {
    title: truncate(document.title, LIMITS.embedTitle),
    color: document.color ?? BRAND_COLOR,
    // "(continued)" heads a page that opens mid-section, not every field of a long section.
    fields: fields.map(({ name, continues }, index) => ({ name: !continues ? name : index > 0 ? BLANK_NAME : `${name} ${t.page.continued}`, value: values[index]! })),
    footer: { text: truncate(document.footer, LIMITS.footerText - PAGE_LABEL_ROOM) + pageLabel },
  };
  if (document.description) embed.description = truncate(document.description, LIMITS.embedDescription);
  if (document.timestamp) embed.timestamp = document.timestamp;
  const reply: Reply = { embeds: [embed] };
  if (pageCount > 1) reply.components = [{ type: ComponentType.ActionRow, components: pageButtons(t, navigation, page, pageCount) }];
  const sources = [...new Set([...(document.sources ?? []), ...fields.flatMap((field) => field.sources)])];
  const notes = document.pageNotes && sources.length > 0 ? document.pageNotes(sources) : [];
  if (notes.length > 0) embed.fields!.push({ name: t.page.sourcesOnThisPage, value: wholeEntries(notes, LIMITS.fieldValue, t.page.moreSources) });
  const items = [...new Set([...(document.items ?? []), ...fields.flatMap((field) => field.items)])];
  return { reply, page, pageCount, sources, items };
}

/** The reply with `button` added to its first action row (a new row when it has none). */
function withButton(reply: Reply, button: APIButtonComponent): Reply {
  const [row, ...rest] = reply.components ?? [];
  if (row) return { ...reply, components: [{ ...row, components: [...row.components, button] }, ...rest] };
  return { ...reply, components: [{ type: ComponentType.ActionRow, components: [button] }] };
}

/** The reply with a Sources button that opens, privately, the sources its page rests on. */
export function withSourcesButton(t: Messages, reply: Reply, ref: ButtonRef): Reply {
  return withButton(reply, { type: ComponentType.Button, style: ButtonStyle.Secondary, label: t.page.sourcesButton, custom_id: encodeButton(ref) });
}

/** The reply with a link button to the one source its page rests on (a link button has a url and no custom id). */
export function withSourceLinkButton(t: Messages, reply: Reply, url: string): Reply {
  return withButton(reply, { type: ComponentType.Button, style: ButtonStyle.Link, label: t.page.readTheSource, url });
}

function clampPage(page: number, pageCount: number): number {
  if (!Number.isFinite(page)) return 1;
  return Math.min(Math.max(Math.trunc(page), 1), pageCount);
}

function pageButtons(t: Messages, { view = 'page', ...ref }: Navigation, page: number, pageCount: number): APIButtonComponent[] {
  // Each button's custom id encodes the page it opens; Discord requires them to differ within a message.
  const button = (label: string, target: number, disabled: boolean): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    custom_id: encodeButton({ ...ref, view, page: target }),
    disabled,
  });
  return [
    button(t.page.previous, page - 1, page <= 1),
    button(t.page.label(page, pageCount), page, true),
    button(t.page.next, page + 1, page >= pageCount),
  ];
}
