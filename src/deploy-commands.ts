// npm run deploy-commands: register the slash commands from commands/ with Discord.
import { allCommandDefinitions } from '../commands/index.js';
import { ConfigError, loadConfig } from './config.js';
import { isRejectedToken, REJECTED_TOKEN } from './discord/rejected-token.js';
import { deployCommands } from './discord/deploy.js';

try {
  const config = loadConfig(['DISCORD_CLIENT_ID']);
  const { scope, registered } = await deployCommands(config, allCommandDefinitions());
  console.log(`Registered ${registered.length} commands for ${scope}:`);
  for (const command of registered) console.log(`  /${command.name}  ${command.description}`);
} catch (error) {
  // Config errors list what to fix; API errors say what Discord refused. Neither contains the token.
  console.error(
    error instanceof ConfigError ? error.message : isRejectedToken(error) ? REJECTED_TOKEN : `Could not register the commands: ${(error as Error).message}`,
  );
  process.exit(1);
}
