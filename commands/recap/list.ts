// /recap list: this server's recaps, with schedule, next run and last delivery; its pages turn with buttons.
import type { InGuild } from '../../src/command/checks.js';
import { guildOnly, manageServer } from '../../src/command/checks.js';
import { guardedButton, subcommand } from '../../src/command/define.js';
import { subscriptionListReply } from '../../src/recaps/replies.js';
import type { Reply } from '../../src/render/reply.js';
import { inGuild, nextRun, tagName, type Admin, type RecapContext } from './context.js';

async function listing(context: RecapContext, caller: Admin, page = 1): Promise<Reply> {
  const listed = await Promise.all((await inGuild(context, caller.guildId)).map(async (subscription) => ({
    subscription,
    next: subscription.pausedAt ? undefined : nextRun(subscription),
    latest: await context.ledger.latest(subscription.id),
    tagName: await tagName(context, subscription),
  })));
  return subscriptionListReply(listed, caller.locale, page);
}

export const list = subcommand<RecapContext, InGuild>()({
  description: "This server's recaps: schedule, next run, last delivery",
  run: (context, { caller }) => listing(context, caller),
});

/** The list's page buttons: a page of the server's recaps, for its admins only, like the command. */
export const listPages = guardedButton<RecapContext>()([guildOnly, manageServer], async (context, ref, caller) => ({ reply: await listing(context, caller, ref.page), replace: true }));
