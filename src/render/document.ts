// A reply's content as sections of blocks, laid out into embeds that respect every Discord limit.
// Long content becomes pages with Previous/Next buttons; nothing is cut or dropped.
import { ButtonStyle, ComponentType, type APIButtonComponent, type APIEmbed } from 'discord-api-types/v10';
import { encodePageRef, type PageRef, type PageView } from './custom-id.js';
import { LIMITS } from './limits.js';
import { NO_MENTIONS, type Reply } from './reply.js';
import { splitText, truncate } from './text.js';

/** A piece of content and the sources it rests on (shown by the Sources button). */
export interface Block {
  text: string;
  sources: readonly string[];
}

export interface Section {
  name: string;
  blocks: readonly Block[];
  /** Blocks are list items: one per line instead of separate paragraphs. */
  list?: boolean;
}

export interface Document {
  title: string;
  description?: string;
  sections: readonly Section[];
  footer: string;
  /** ISO timestamp shown by Discord under the embed. */
  timestamp?: string;
  /** Sources the whole document rests on, besides those of its blocks. */
  sources?: readonly string[];
  color?: number;
}

interface Field {
  name: string;
  value: string;
  sources: readonly string[];
}

/** Pages are kept readable, well inside Discord's hard limit of 6,000 characters an embed. */
const PAGE_TEXT_BUDGET = 4000;
const PAGE_FIELD_BUDGET = 10;
/** Room reserved in the footer for " · Page 9999/9999". */
const PAGE_LABEL_ROOM = 20;
export const BRAND_COLOR = 0x2f6fdf;

/** Lays the document out into pages: an array of field lists, at least one (possibly empty). */
export function layOut(document: Document): Field[][] {
  const header = document.title.length + (document.description?.length ?? 0) + document.footer.length + PAGE_LABEL_ROOM;
  const budget = Math.min(PAGE_TEXT_BUDGET, LIMITS.embedTotal - header);
  const pages: Field[][] = [[]];
  let used = 0;
  for (const field of document.sections.flatMap(sectionFields)) {
    const size = field.name.length + field.value.length;
    const page = pages[pages.length - 1]!;
    if (page.length > 0 && (used + size > budget || page.length >= PAGE_FIELD_BUDGET)) {
      pages.push([field]);
      used = size;
    } else {
      page.push(field);
      used += size;
    }
  }
  return pages;
}

/** Packs a section's blocks into fields of at most 1,024 characters, continuing under the same name. */
function sectionFields(section: Section): Field[] {
  const fields: Field[] = [];
  const name = truncate(section.name, LIMITS.fieldName - ' (continued)'.length);
  let value = '';
  let sources: string[] = [];
  const separator = section.list ? '\n' : '\n\n';
  const flush = () => {
    if (value === '') return;
    fields.push({ name: fields.length === 0 ? name : `${name} (continued)`, value, sources });
    value = '';
    sources = [];
  };
  for (const block of section.blocks) {
    for (const piece of splitText(block.text, LIMITS.fieldValue)) {
      if (value !== '' && value.length + separator.length + piece.length > LIMITS.fieldValue) flush();
      value = value === '' ? piece : `${value}${separator}${piece}`;
      sources.push(...block.sources);
    }
  }
  flush();
  return fields;
}

export interface RenderedPage {
  reply: Reply;
  /** 1-based page actually shown (requests beyond the last page show the last). */
  page: number;
  pageCount: number;
  /** Every source the shown page rests on, in first-use order. */
  sources: string[];
}

/** Where page buttons lead: the command and args to rebuild the document, and which view it is. */
export type Navigation = Omit<PageRef, 'page' | 'view'> & { view?: PageView };

/** Renders one page of the document, with page buttons when there is more than one. */
export function renderPage(document: Document, requestedPage: number, navigation: Navigation): RenderedPage {
  const pages = layOut(document);
  const page = clampPage(requestedPage, pages.length);
  const fields = pages[page - 1]!;
  const pageLabel = pages.length > 1 ? ` · Page ${page}/${pages.length}` : '';
  const embed: APIEmbed = {
    title: truncate(document.title, LIMITS.embedTitle),
    color: document.color ?? BRAND_COLOR,
    fields: fields.map(({ name, value }) => ({ name, value })),
    footer: { text: truncate(document.footer, LIMITS.footerText - PAGE_LABEL_ROOM) + pageLabel },
  };
  if (document.description) embed.description = truncate(document.description, LIMITS.embedDescription);
  if (document.timestamp) embed.timestamp = document.timestamp;
  const reply: Reply = { embeds: [embed], allowed_mentions: NO_MENTIONS };
  if (pages.length > 1) reply.components = [{ type: ComponentType.ActionRow, components: pageButtons(navigation, page, pages.length) }];
  const sources = [...new Set([...(document.sources ?? []), ...fields.flatMap((field) => field.sources)])];
  return { reply, page, pageCount: pages.length, sources };
}

export function clampPage(page: number, pageCount: number): number {
  if (!Number.isFinite(page)) return 1;
  return Math.min(Math.max(Math.trunc(page), 1), pageCount);
}

function pageButtons({ view = 'page', ...ref }: Navigation, page: number, pageCount: number): APIButtonComponent[] {
  // Each button's custom id encodes the page it opens; Discord requires them to differ within a message.
  const button = (label: string, target: number, disabled: boolean): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    custom_id: encodePageRef({ ...ref, view, page: target }),
    disabled,
  });
  return [
    button('◀ Previous', page - 1, page <= 1),
    button(`Page ${page}/${pageCount}`, page, true),
    button('Next ▶', page + 1, page >= pageCount),
  ];
}
