// npm run preview -- "/position actor:Rutte" [--page N] [--json] [--content DIR]
// Shows exactly the reply the bot would give, computed by the same reply builders, without Discord.
import { briefingCommands } from '../../commands/index.js';
import { formatContentError } from '../briefing/content-files.js';
import { loadBriefing } from '../briefing/loader.js';
import { replyAsText } from '../render/plain-text.js';
import { defaultContentDir, readArguments, usageError } from './arguments.js';
import { parseCommandLine, UsageError } from './command-line.js';

const USAGE = `usage: npm run preview -- "/<command> [option:value ...]" [--page N] [--json] [--content DIR]

commands:
${briefingCommands.map((command) => `  /${command.name}  ${command.data.toJSON().description}`).join('\n')}

examples:
  npm run preview -- /brief
  npm run preview -- "/position actor:Rutte"
  npm run preview -- "/quotes topic:territory" --page 2 --json | jq .`;

async function main(): Promise<void> {
  const { values, positionals } = readArguments(
    USAGE,
    {
      json: { type: 'boolean', default: false },
      page: { type: 'string', default: '1' },
      content: { type: 'string', default: defaultContentDir() },
    },
    true,
  );
  const page = Number(values.page);
  if (!Number.isInteger(page) || page < 1) usageError(USAGE, '--page takes a page number, 1 or more');

  let request;
  try {
    request = parseCommandLine(positionals.join(' '), briefingCommands);
  } catch (error) {
    if (error instanceof UsageError) usageError(USAGE, error.message);
    throw error;
  }

  const loaded = await loadBriefing(values.content);
  if (!loaded.ok) {
    for (const error of loaded.errors) process.stderr.write(`${formatContentError(error)}\n`);
    process.stderr.write(`${loaded.errors.length} problem(s) in ${values.content}; nothing to preview.\n`);
    process.exit(1);
  }
  const reply = request.command.reply(loaded.briefing, request.options, page);
  process.stdout.write(values.json ? `${JSON.stringify(reply, null, 2)}\n` : `${replyAsText(reply)}\n`);
}

await main();
