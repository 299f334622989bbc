// Command-line arguments for the project's scripts: parsed with node:util, --help prints the usage,
// and a mistake prints the problem and the usage and exits with code 2.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadToolConfig, type ToolConfig } from '../config.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export function usageError(usage: string, problem: string): never {
  process.stderr.write(`${problem}\n\n${usage}\n`);
  process.exit(2);
}

export function readArguments<T extends Options>(usage: string, options: T, allowPositionals = false) {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    usageError(usage, (error as Error).message);
  }
}

/** The content folder: CONTENT_DIR when set and not empty, else `content`. */
export function defaultContentDir(): string {
  return process.env.CONTENT_DIR || 'content';
}

/** The settings the editors' tools read (database, content folder); a bad one prints what is wrong and exits 2. */
export function toolConfig(): ToolConfig {
  return configOrExit(loadToolConfig);
}

/** The settings `load` reads; any bad one prints every problem and exits 2. */
export function configOrExit<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}
