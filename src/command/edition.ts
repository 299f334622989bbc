// The `edition` option the briefing commands share: which dated edition to show (the newest published by
// now, by default), its autocomplete, and how page buttons carry it.
import type { SlashCommandStringOption } from '../render/discordjs.js';
import type { Briefing } from '../briefing/briefing.js';
import { atEdition, publishedBy } from '../briefing/editions.js';
import type { Messages } from '../i18n/messages.js';
import { editionDate, editionProblem } from '../render/format.js';
import { LIMITS } from '../render/limits.js';
import type { Choice } from '../render/reply.js';
import { UserError } from './command.js';
import type { BriefingContext } from './context.js';
import { echo } from './resolve.js';

export const EDITION_OPTION = 'edition';

export const editionOption = (option: SlashCommandStringOption) =>
  option.setName(EDITION_OPTION).setDescription('An earlier edition, YYYY-MM-DD (default: the newest)').setAutocomplete(true).setMaxLength(10);

/** The briefing as shown at the edition the user named (or the newest by now); a UserError for one that does not exist. */
export function editionView(t: Messages, context: BriefingContext, typed: unknown): Briefing {
  const wanted = typeof typed === 'string' && typed.trim() !== '' ? typed.trim() : undefined;
  const chosen = atEdition(context.briefing, context.now, wanted);
  if ('problem' in chosen) {
    const listed = publishedBy(context.briefing, context.now).map((edition) => edition.id).reverse();
    // What was typed is shown once, quoted as typed; an edition that exists by its id.
    const problem = editionProblem(t, chosen.problem.kind === 'unknown' ? { ...chosen.problem, id: echo(t, wanted ?? '') } : chosen.problem);
    throw new UserError(`${problem}${listed.length > 0 ? ` ${t.edition.listed(listed)}` : ''}`);
  }
  return chosen.briefing;
}

/** `251126` for 2025-11-26: page buttons have 100 characters for everything they carry. */
export function editionArg(editionId: string | undefined): string {
  return editionId ? editionId.replaceAll('-', '').slice(2) : '';
}

export function editionFromArg(arg: string | undefined): string | undefined {
  return arg && /^\d{6}$/.test(arg) ? `20${arg.slice(0, 2)}-${arg.slice(2, 4)}-${arg.slice(4)}` : undefined;
}

/** The editions published by now, newest first: `3 Dec 2025 · newest`. */
export function editionChoices(t: Messages, context: BriefingContext, typed: string): Choice[] {
  const query = typed.trim().toLowerCase();
  const editions = publishedBy(context.briefing, context.now).reverse();
  return editions
    .map((edition, index) => ({ name: `${editionDate(t, edition)}${index === 0 ? ` · ${t.edition.newest}` : ''}`, value: edition.id }))
    .filter((choice) => choice.value.startsWith(query) || choice.name.toLowerCase().includes(query))
    .slice(0, LIMITS.autocompleteChoices);
}
