// What /recap's autocomplete offers: the server's recaps, a forum's tags, time zones. Its checks (guild
// only, Manage Server) have run before any of these is asked.
import { normalize } from '../../src/briefing/matching.js';
import type { Focused } from '../../src/command/command.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { LIMITS } from '../../src/render/limits.js';
import type { Choice, NumberChoice } from '../../src/render/reply.js';
import { currentOffset, suggestTimeZones } from '../../src/time/zones.js';
import { inGuild, type Admin, type RecapContext } from './context.js';

/** The choices whose name contains what was typed (all when nothing was), as many as Discord shows. */
function matching<T extends Choice | NumberChoice>(choices: readonly T[], typed: string): T[] {
  return choices.filter((choice) => typed.trim() === '' || normalize(choice.name).includes(normalize(typed))).slice(0, LIMITS.autocompleteChoices);
}

export async function subscriptionChoices(context: RecapContext, caller: Admin, typed: string): Promise<NumberChoice[]> {
  const { pausedTag } = messagesFor(caller.locale).admin;
  const choices = await Promise.all((await inGuild(context, caller.guildId)).map(async (subscription) => {
    const channel = (await context.guilds.channelName(caller.guildId, subscription.channelId)) ?? subscription.channelId;
    const label = `#${subscription.id} · #${channel} · ${subscription.schedule} (${subscription.timezone})${subscription.pausedAt ? ` · ${pausedTag}` : ''}`;
    return { name: label.slice(0, LIMITS.choiceName), value: subscription.id };
  }));
  return matching(choices, typed);
}

/** The tags of the forum picked in `channel`, or of the recap being edited. */
export async function tagChoices(context: RecapContext, caller: Admin, where: { channel?: string; subscription?: number }, typed: string): Promise<Choice[]> {
  const channelId = where.channel ?? (await inGuild(context, caller.guildId)).find(({ id }) => id === where.subscription)?.channelId;
  const tags = channelId ? ((await context.guilds.channel(caller.guildId, channelId))?.tags ?? []) : [];
  return matching(tags.map(({ id, name }) => ({ name: name.slice(0, LIMITS.choiceName), value: id })), typed);
}

export function zoneChoices(context: RecapContext, caller: Admin, typed: string): Choice[] {
  const { zoneNow } = messagesFor(caller.locale).admin;
  return suggestTimeZones(typed, context.now)
    .slice(0, LIMITS.autocompleteChoices)
    .map((zone) => ({ name: zoneNow(zone, currentOffset(zone, context.now)), value: zone }));
}

/** The autocomplete of a subcommand whose one option to complete names a recap. */
export const completeSubscription = async (context: RecapContext, focused: Focused, { caller }: { caller: Admin }) =>
  focused.name === 'subscription' ? subscriptionChoices(context, caller, focused.value) : [];
