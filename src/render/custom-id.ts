// Button custom ids: stateless and stable, they carry everything needed to rebuild the view they open,
// so a page button keeps working after a restart or a content reload.
import { LIMITS } from './limits.js';

/**
 * page: show page `page` of the reply.
 * sources: open, privately, the sources that page `page` of the reply rests on.
 * source-page: show page `page` of such a source list; its first arg is the reply page it belongs to.
 */
export type PageView = 'page' | 'sources' | 'source-page';

export interface PageRef {
  command: string;
  view: PageView;
  page: number;
  /** The command's resolved options (ids, normalized search text), in the order the command declares. */
  args: readonly string[];
}

const VIEW_CODES: Record<PageView, string> = { page: 'p', sources: 's', 'source-page': 't' };
const SEPARATOR = ':';

/** `quotes:p:2:rutte:peace-plan:` — args never contain the separator (ids and normalized text only). */
export function encodePageRef(ref: PageRef): string {
  const customId = [ref.command, VIEW_CODES[ref.view], String(ref.page), ...ref.args].join(SEPARATOR);
  if (customId.length > LIMITS.customId || ref.args.some((arg) => arg.includes(SEPARATOR))) {
    throw new Error(`cannot encode ${ref.command} page ${ref.page} in a custom id: ${customId}`);
  }
  return customId;
}

/** Undefined for anything that is not one of ours, including forged or truncated ids. */
export function decodePageRef(customId: string): PageRef | undefined {
  const [command, viewCode, pageText, ...args] = customId.split(SEPARATOR);
  const view = (Object.keys(VIEW_CODES) as PageView[]).find((candidate) => VIEW_CODES[candidate] === viewCode);
  if (!command || !view || !pageText || !/^\d{1,6}$/.test(pageText)) return undefined;
  return { command, view, page: Number(pageText), args };
}
