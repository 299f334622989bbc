// Sends each interaction to the handler that owns it, answers it once, and logs it once with its command,
// options, guild, latency and outcome. A failing handler never takes the bot down: the user gets a short
// apology with a reference id, and the full error is logged under that id.
import { randomBytes } from 'node:crypto';
import {
  DiscordAPIError,
  Events,
  MessageFlags,
  RESTJSONErrorCodes,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type CommandInteractionOption,
  type Interaction,
} from 'discord.js';
import type { Logger } from '../log.js';

/** What became of an interaction, as logged. */
export type Outcome = 'answered' | 'notice' | 'failed' | 'expired' | 'unknown-command';

export interface InteractionHandler {
  /** The slash command it owns; its buttons' custom ids start with `<name>:`. */
  name: string;
  chatInput(interaction: ChatInputCommandInteraction): Promise<Outcome>;
  autocomplete?(interaction: AutocompleteInteraction): Promise<Outcome>;
  button?(interaction: ButtonInteraction): Promise<Outcome>;
}

const APOLOGY = 'Sorry, something went wrong on my side while answering that.';

export function routeInteractions(client: Client, handlers: readonly InteractionHandler[], log: Logger): void {
  const byName = new Map(handlers.map((handler) => [handler.name, handler]));
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction, byName, log));
}

async function handle(interaction: Interaction, handlers: ReadonlyMap<string, InteractionHandler>, log: Logger): Promise<void> {
  const started = performance.now();
  const summary = describe(interaction);
  if (!summary) return;
  let outcome: Outcome;
  let reference: string | undefined;
  try {
    const handler = handlers.get(summary.command);
    const run = !handler
      ? undefined
      : interaction.isChatInputCommand()
        ? () => handler.chatInput(interaction)
        : interaction.isAutocomplete()
          ? handler.autocomplete && (() => handler.autocomplete!(interaction))
          : interaction.isButton()
            ? handler.button && (() => handler.button!(interaction))
            : undefined;
    outcome = run ? await run() : await answerUnknown(interaction);
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownInteraction) {
      // Discord no longer accepts an answer (the 3-second window passed); retrying cannot help.
      outcome = 'expired';
    } else {
      outcome = 'failed';
      reference = randomBytes(4).toString('hex').toUpperCase();
      log.error({ err: error, reference, ...summary }, 'interaction handler failed');
      await apologise(interaction, reference).catch((apologyError: unknown) =>
        log.warn({ err: apologyError, reference }, 'could not send the apology'),
      );
    }
  }
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  log[outcome === 'failed' || outcome === 'expired' ? 'warn' : 'info']({ ...summary, latencyMs, outcome, reference }, 'interaction');
}

interface InteractionSummary {
  kind: 'command' | 'autocomplete' | 'button';
  command: string;
  options?: Record<string, unknown>;
  customId?: string;
  guild: string | null;
  interactionId: string;
}

function describe(interaction: Interaction): InteractionSummary | undefined {
  const base = { guild: interaction.guildId, interactionId: interaction.id };
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    return {
      ...base,
      kind: interaction.isAutocomplete() ? 'autocomplete' : 'command',
      command: interaction.commandName,
      options: optionValues(interaction.options.data),
    };
  }
  if (interaction.isButton()) return { ...base, kind: 'button', command: interaction.customId.split(':', 1)[0]!, customId: interaction.customId };
  return undefined;
}

/** `{ actor: 'Rutte' }`; a subcommand becomes `{ subcommand: 'list', ... }`. */
export function optionValues(options: readonly CommandInteractionOption[]): Record<string, string | number | boolean> {
  const values: Record<string, string | number | boolean> = {};
  for (const option of options) {
    if (option.options) Object.assign(values, { subcommand: option.name }, optionValues(option.options));
    else if (option.value !== undefined && option.value !== null) values[option.name] = option.value;
  }
  return values;
}

async function answerUnknown(interaction: Interaction): Promise<Outcome> {
  const content = "I don't know that command or button any more. Try `/brief`, or type `/` to see what I can do.";
  if (interaction.isAutocomplete()) await interaction.respond([]);
  else if (interaction.isRepliable()) await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  return 'unknown-command';
}

async function apologise(interaction: Interaction, reference: string): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
    return;
  }
  if (!interaction.isRepliable()) return;
  const message = { content: `${APOLOGY} Reference: \`${reference}\`.`, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } } as const;
  if (interaction.replied || interaction.deferred) await interaction.followUp(message);
  else await interaction.reply(message);
}
