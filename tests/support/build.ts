// Compiles the bot into dist/ (npm run build) and builds the studio's front end into studio/dist (npm run
// build:studio), side by side, once per test run (vitest globalSetup) and before the bench: the end-to-end tests
// and the bench start the compiled JavaScript, as `npm start` does, and the studio's tests load its pages.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const REPO = path.resolve(import.meta.dirname, '../..');

async function npmRun(script: string): Promise<void> {
  try {
    await promisify(execFile)('npm', ['run', '--silent', script], { cwd: REPO });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run ${script} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

export function build(): Promise<void> {
  return npmRun('build');
}

/** vitest globalSetup. */
export default async function buildAll(): Promise<void> {
  await Promise.all([build(), npmRun('build:studio')]);
}
