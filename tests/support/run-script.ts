// Runs one of the project's scripts as its npm script does (`node --import tsx <file>`), with
// CONTENT_DIR unset unless `env` sets it, returning the exit code and both streams.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runScript(file: string, ...args: string[]): Promise<ScriptResult> {
  return runScriptWith({}, file, ...args);
}

/** The same, with these variables set on top of the test's own environment. */
export async function runScriptWith(env: Record<string, string | undefined>, file: string, ...args: string[]): Promise<ScriptResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', file, ...args], { env: { ...process.env, CONTENT_DIR: undefined, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as ScriptResult;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** `npm run publish -- <args>` against the database and drafts `env` names. */
export const publish = (env: Record<string, string | undefined>, ...args: string[]) => runScriptWith(env, 'src/cli/publish.ts', ...args);
