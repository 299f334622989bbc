// What's next items, read where replies are made. Apart from schema.ts so that serving a release does not
// build the content schemas, which only the drafts' loader and the checker need.
import type { WhatsNext } from './schema.js';

/** A What's next item's words, whether it names events or not. */
export const whatsNextText = (item: WhatsNext): string => (typeof item === 'string' ? item : item.text);
