// The one message catalogue: every fixed string of every reply, by locale. Replies get `Messages` for the
// reader's locale (the interaction's, or a recap subscription's language); the briefing's own content is
// shown as editors wrote it.
import { de } from './de.js';
import { en, type Messages } from './en.js';
import { fr } from './fr.js';
import type { Locale } from './locale.js';

export type { Messages, PermissionName } from './en.js';

export const CATALOGUES: Record<Locale, Messages> = { en, de, fr };

export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale];
}
