// The baseline for the end-to-end bench: a bare discord.js 14 client that answers every command and button
// with one fixed embed and every autocomplete with one fixed choice. Started exactly like the bot (node
// --import tsx, DISCORD_TOKEN and DISCORD_API_URL), and it logs `ready` with its RSS the way the bot does.
import { Client, Events, GatewayIntentBits } from 'discord.js';

const FIXED_EMBED = { title: 'Fixed', description: 'The same answer to everything.' };

const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: process.env.DISCORD_API_URL! } });

client.once(Events.ClientReady, () => {
  const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  console.log(JSON.stringify({ level: 30, msg: 'ready', rssMb }));
});

client.on(Events.InteractionCreate, (interaction) => {
  const answered = interaction.isAutocomplete()
    ? interaction.respond([{ name: 'Fixed', value: 'fixed' }])
    : interaction.isButton()
      ? interaction.update({ embeds: [FIXED_EMBED], components: [] })
      : interaction.isChatInputCommand()
        ? interaction.reply({ embeds: [FIXED_EMBED] })
        : undefined;
  answered?.catch((error: unknown) => console.log(JSON.stringify({ level: 50, msg: 'answer failed', error: String(error) })));
});

process.on('SIGTERM', () => void client.destroy().then(() => process.exit(0)));
await client.login(process.env.DISCORD_TOKEN);
