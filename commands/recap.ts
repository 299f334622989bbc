// /recap: scheduled recaps of the story in a channel. Only members with Manage Server see it by default
// (and it is checked again on use). The handler lives in src/discord/recap-handler.ts, because it reads
// the database and Discord's permission state; the definition lives here with the other commands.
import { ChannelType, InteractionContextType, PermissionFlagsBits } from 'discord-api-types/v10';
import { SlashCommandBuilder, type SlashCommandIntegerOption } from '@discordjs/builders';

const subscriptionOption = (option: SlashCommandIntegerOption, required: boolean) =>
  option.setName('subscription').setDescription('Which recap (start typing to pick)').setRequired(required).setAutocomplete(true).setMinValue(1);

export const recapDefinition = new SlashCommandBuilder()
  .setName('recap')
  .setDescription('Scheduled recaps of the story, posted in a channel')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((command) =>
    command
      .setName('subscribe')
      .setDescription('Post a recap in a channel on a schedule')
      .addChannelOption((option) =>
        option.setName('channel').setDescription('Where to post').setRequired(true).addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      )
      .addStringOption((option) =>
        option.setName('schedule').setDescription('daily 08:00, weekdays 07:30, weekly monday 09:00, or a cron expression').setRequired(true).setMaxLength(100),
      )
      .addStringOption((option) =>
        option.setName('timezone').setDescription('Time zone of the schedule, e.g. Europe/Zurich').setRequired(true).setAutocomplete(true).setMaxLength(64),
      )
      .addStringOption((option) =>
        option
          .setName('when-quiet')
          .setDescription('When nothing changed since the last recap (default: post a one-line note)')
          .addChoices({ name: 'Post a one-line note', value: 'post' }, { name: 'Skip that recap', value: 'skip' }),
      ),
  )
  .addSubcommand((command) => command.setName('list').setDescription("This server's recaps: schedule, next run, last delivery"))
  .addSubcommand((command) => command.setName('remove').setDescription('Stop and delete a recap').addIntegerOption((option) => subscriptionOption(option, true)))
  .addSubcommand((command) => command.setName('pause').setDescription('Pause a recap').addIntegerOption((option) => subscriptionOption(option, true)))
  .addSubcommand((command) => command.setName('resume').setDescription('Resume a paused recap').addIntegerOption((option) => subscriptionOption(option, true)))
  .addSubcommand((command) =>
    command.setName('preview').setDescription('See, privately, the recap that would be posted now').addIntegerOption((option) => subscriptionOption(option, false)),
  )
  .addSubcommand((command) => command.setName('now').setDescription('Post a recap now').addIntegerOption((option) => subscriptionOption(option, true)));
