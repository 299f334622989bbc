// Button custom ids: stateless and stable, they carry everything needed to rebuild the view they open,
// so a button keeps working after a restart or a content reload. Every view of every command is here.
import { LIMITS } from './limits.js';

const VIEW_CODES = {
  /** Page `page` of a command's reply. */
  page: 'p',
  /** Privately, the sources that page `page` of the reply rests on. */
  sources: 's',
  /** Page `page` of such a source list; its first arg is the reply page it belongs to. */
  'source-page': 't',
  /** Page `page` of a server's recap list. */
  'recap-list': 'l',
  /** Page `page` of a "what's new" recap; its arg is the edition the changes are counted from. */
  'recap-since': 'n',
  /** A reader's report of a mistake on page `page` of the reply: its button opens the form, the form's submission stores it. */
  report: 'r',
} as const;

export type View = keyof typeof VIEW_CODES;

export interface ButtonRef {
  command: string;
  view: View;
  page: number;
  /** What the view needs to be rebuilt (ids, normalized search text), in the order the command declares. */
  args: readonly string[];
}

const SEPARATOR = ':';
const VIEWS = Object.keys(VIEW_CODES) as View[];

/** `quotes:p:2:rutte:peace-plan:` — args never contain the separator (ids and normalized text only). */
export function encodeButton(ref: ButtonRef): string {
  const customId = [ref.command, VIEW_CODES[ref.view], String(ref.page), ...ref.args].join(SEPARATOR);
  if (customId.length > LIMITS.customId || ref.args.some((arg) => arg.includes(SEPARATOR))) {
    throw new Error(`cannot encode ${ref.command} ${ref.view} page ${ref.page} in a custom id: ${customId}`);
  }
  return customId;
}

/** Undefined for anything that is not one of ours, including forged or truncated ids. */
export function decodeButton(customId: string): ButtonRef | undefined {
  const [command, viewCode, pageText, ...args] = customId.split(SEPARATOR);
  const view = VIEWS.find((candidate) => VIEW_CODES[candidate] === viewCode);
  if (!command || !view || !pageText || !/^\d{1,6}$/.test(pageText)) return undefined;
  return { command, view, page: Number(pageText), args };
}
