// @discordjs/builders and @discordjs/formatters as their CommonJS builds: the copies discord.js itself
// requires. Imported as ES modules they would be second copies beside discord.js's on the gateway (with a
// second @sapphire/shapeshift, about 2.5 MB of heap); over HTTP, without discord.js, this is the only copy.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const { SlashCommandBuilder } = require('@discordjs/builders') as typeof import('@discordjs/builders');
export type { SlashCommandIntegerOption, SlashCommandStringOption, SlashCommandSubcommandBuilder } from '@discordjs/builders';
export const { escapeMarkdown } = require('@discordjs/formatters') as typeof import('@discordjs/formatters');
