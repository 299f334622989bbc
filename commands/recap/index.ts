// /recap: scheduled recaps of the story in a channel, for server admins (Manage Server, checked on every use
// and before every autocomplete, as well as hidden by default). One file per subcommand or two; the rules
// of what a recap may be live in src/recaps/rules.ts, and every reply here is computed without Discord.
import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits } from 'discord-api-types/v10';
import { changesSince } from '../../src/briefing/diff.js';
import { pageTurn } from '../../src/command/answer.js';
import { guildOnly, manageServer } from '../../src/command/checks.js';
import { UserError, type Caller } from '../../src/command/command.js';
import { withSubcommands } from '../../src/command/define.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { changesPage, changesSources, currentView, RECAP_COMMAND } from '../../src/recaps/recap-content.js';
import type { ButtonRef } from '../../src/render/custom-id.js';
import type { RecapContext } from './context.js';
import { edit } from './edit.js';
import { list, listPages } from './list.js';
import { pause, remove, resume } from './manage.js';
import { now, preview } from './post.js';
import { subscribe } from './subscribe.js';

export type { RecapContext } from './context.js';

/** What changed since the edition a "what's new" recap's button carries; a UserError once that edition is gone. */
function changesOf(context: RecapContext, ref: ButtonRef, caller: Caller) {
  const changes = ref.args[0] ? changesSince(currentView(context), ref.args[0]) : undefined;
  if (!changes) throw new UserError(messagesFor(caller.locale).recap.outOfDate);
  return changes;
}

export const recap = withSubcommands<RecapContext>()({
  name: RECAP_COMMAND,
  description: 'Scheduled recaps of the story, posted in a channel',
  defaultMemberPermissions: PermissionFlagsBits.ManageGuild,
  // Recaps post in the server's channels, so only where the server itself has added the bot.
  integrationTypes: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
  checks: [guildOnly, manageServer],
  subcommands: { subscribe, list, remove, edit, pause, resume, preview, now },
  buttons: {
    'recap-list': listPages,
    // Pressed by anyone reading a "what's new" recap in the channel: no admin check; each reader gets their own language.
    sources: { press: (context, ref, caller) => ({ reply: changesSources(context, changesOf(context, ref, caller), ref.page, caller.locale), replace: false }) },
    'recap-since': {
      press: (context, ref, caller) => pageTurn(changesPage(context, changesOf(context, ref, caller), ref.page, caller.locale), caller),
    },
  },
});
