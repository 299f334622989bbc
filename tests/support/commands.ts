// The briefing commands called synchronously, as tests and the bench need them: a UserError becomes the
// notice the adapter would send, exactly as src/command/answer.ts does it.
import { briefingCommands } from '../../commands/index.js';
import type { Briefing } from '../../src/briefing/briefing.js';
import { asNotice } from '../../src/command/answer.js';
import type { BriefingCommand } from '../../src/command/briefing-command.js';
import type { ButtonReply, Caller, Focused, OptionValues } from '../../src/command/command.js';
import type { BriefingContext } from '../../src/command/context.js';
import type { Locale } from '../../src/i18n/locale.js';
import { decodeButton } from '../../src/render/custom-id.js';
import type { Choice, Reply } from '../../src/render/reply.js';

/** The person who asked, pressing a button on their own reply. */
export const TEST_CALLER: Caller = { interactionId: '1', userId: '2', userName: 'tester', guildId: null, botInGuild: false, channelId: null, permissions: null, locale: 'en', askedBy: '2' };

/** Tests answer as on the day after the newest shipped edition, unless they say otherwise. */
export const TEST_NOW = new Date('2025-12-04T12:00:00Z');

export const at = (briefing: Briefing, now = TEST_NOW, staleAfterDays = 7): BriefingContext => ({ briefing, now, staleAfterDays });

export function named(name: string): BriefingCommand {
  const command = briefingCommands.find((candidate) => candidate.data.name === name);
  if (!command) throw new Error(`no briefing command /${name}`);
  return command;
}

/** Page `page` of the command's reply in `locale`, or its notice. */
export function reply(command: BriefingCommand, briefing: Briefing, options: OptionValues, page = 1, now = TEST_NOW, locale: Locale = 'en'): Reply {
  try {
    return command.show(at(briefing, now), options, page, locale);
  } catch (error) {
    return asNotice(error);
  }
}

/** What pressing the button with this custom id answers; undefined for ids that are not ours. */
export function press(briefing: Briefing, customId: string, now = TEST_NOW, caller = TEST_CALLER): ButtonReply | undefined {
  const ref = decodeButton(customId);
  const handler = ref && briefingCommands.find((candidate) => candidate.data.name === ref.command)?.buttons?.[ref.view];
  if (!ref || !handler) return undefined;
  try {
    return handler.press(at(briefing, now), ref, caller) as ButtonReply;
  } catch (error) {
    return { reply: asNotice(error), replace: false };
  }
}

export function complete(command: BriefingCommand, briefing: Briefing, focused: Focused, options: OptionValues = {}, locale: Locale = 'en'): Choice[] {
  return command.autocomplete!(at(briefing), focused, { caller: { ...TEST_CALLER, locale }, options }) as Choice[];
}

/** Every custom id on a reply's buttons. */
export function customIds(reply: Reply): string[] {
  return (reply.components ?? []).flatMap((row) => row.components.flatMap((button) => ('custom_id' in button ? [button.custom_id] : [])));
}
