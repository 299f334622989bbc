// The baseline for the end-to-end bench: a bare discord.js 14 client that answers every command and button
// with one fixed embed and every autocomplete with one fixed choice. Plain JavaScript, run as plain
// `node bench/bare-client.mjs` (no loader, no build), the way a bare bot is run. Like the bot, it logs
// JSON with pino at LOG_LEVEL (info in the bench): `ready` with its RSS, and one info line per
// interaction with the same fields the bot logs (src/discord/adapter.ts), so both pay for logging alike.
import { Client, Events, GatewayIntentBits } from 'discord.js';
import pino from 'pino';

// BARE_ANSWER (the bench's control): one of the bot's own answers, as JSON ({ embeds, components }), given
// to every command and button instead, to tell the cost of carrying a real answer from the cost of the bot's code.
const FIXED_ANSWER = process.env.BARE_ANSWER
  ? JSON.parse(process.env.BARE_ANSWER)
  : { embeds: [{ title: 'Fixed', description: 'The same answer to everything.' }], components: [] };

const log = pino({ level: process.env.LOG_LEVEL ?? 'info', base: undefined }, pino.destination({ sync: true }));
const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: process.env.DISCORD_API_URL } });

client.once(Events.ClientReady, () => {
  log.info({ rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024) }, 'ready');
});

client.on(Events.InteractionCreate, async (interaction) => {
  const started = performance.now();
  const summary = { guild: interaction.guildId, interactionId: interaction.id };
  let outcome = 'answered';
  try {
    if (interaction.isAutocomplete()) {
      Object.assign(summary, { kind: 'autocomplete', command: interaction.commandName, options: optionValues(interaction.options.data) });
      await interaction.respond([{ name: 'Fixed', value: 'fixed' }]);
    } else if (interaction.isButton()) {
      Object.assign(summary, { kind: 'button', command: interaction.customId.split(':', 1)[0], customId: interaction.customId });
      await interaction.update({ embeds: FIXED_ANSWER.embeds, components: FIXED_ANSWER.components });
    } else if (interaction.isChatInputCommand()) {
      Object.assign(summary, { kind: 'command', command: interaction.commandName, options: optionValues(interaction.options.data) });
      await interaction.reply({ embeds: FIXED_ANSWER.embeds, components: FIXED_ANSWER.components });
    } else {
      return;
    }
  } catch (error) {
    outcome = 'failed';
    log.error({ err: error, ...summary }, 'answer failed');
  }
  log.info({ ...summary, latencyMs: Math.round((performance.now() - started) * 10) / 10, outcome }, 'interaction');
});

function optionValues(options) {
  const values = {};
  for (const option of options) {
    if (option.options) Object.assign(values, { subcommand: option.name }, optionValues(option.options));
    else if (option.value !== undefined && option.value !== null) values[option.name] = option.value;
  }
  return values;
}

process.on('SIGTERM', () => void client.destroy().then(() => process.exit(0)));
await client.login(process.env.DISCORD_TOKEN);
