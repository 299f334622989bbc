// Compiles the bot into dist/ (npm run build), once per test run (vitest globalSetup) and before the
// bench: the end-to-end tests and the bench start the compiled JavaScript, as `npm start` does.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const REPO = path.resolve(import.meta.dirname, '../..');

export async function build(): Promise<void> {
  try {
    await promisify(execFile)('npm', ['run', '--silent', 'build'], { cwd: REPO });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run build failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

/** vitest globalSetup. */
export default build;
