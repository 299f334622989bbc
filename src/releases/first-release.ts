// npm start on a database with no release yet (a fresh clone): the content folder is published once, by the
// publish command in a process of its own, so the serving process never parses YAML (a hostile file can
// cost the publish step its memory, never the bot). Two replicas starting at once publish it once.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface FirstRelease {
  ok: boolean;
  /** What the publish command printed, line by line: on failure, every problem with file, line and field. */
  lines: string[];
}

export function publishFirstRelease(contentDir: string): Promise<FirstRelease> {
  // The publish command beside this module, compiled (npm start) or TypeScript (npm run dev, under tsx).
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  const command = fileURLToPath(new URL(`../cli/publish.${extension}`, import.meta.url));
  const args = [...process.execArgv, command, '--if-none', '--allow-partial', '--content', contentDir, '--by', 'npm start', '--message', 'First release: the content folder as found at first start'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ ok: code === 0, lines: output.split('\n').filter((line) => line.trim() !== '') }));
  });
}
