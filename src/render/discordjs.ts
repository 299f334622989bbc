// @discordjs/formatters as its CommonJS build: the copy discord.js itself requires. Imported as an ES module it
// would be a second copy beside discord.js's on the gateway; over HTTP, without discord.js, this is the only one.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const { escapeMarkdown } = require('@discordjs/formatters') as typeof import('@discordjs/formatters');
