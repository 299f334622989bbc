// Every slash command the bot has, in one list: deployment, the router and the preview CLI read it.
import { brief } from './brief.js';
import { position } from './position.js';
import { quotes } from './quotes.js';

export const briefingCommands = [brief, position, quotes] as const;
