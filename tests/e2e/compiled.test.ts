// What users run: `npm start` and `npm run deploy-commands` are plain node on the compiled JavaScript in
// dist/ (built by npm run build, which vitest's globalSetup runs first), with production V8 flags; no
// loader, no esbuild. The other end-to-end suites start the bot the same way.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeArguments, processTree, REPO, startAgainstEmulator, type Harness } from './bot-process.js';

const run = promisify(execFile);
const scripts = async () => (JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('the npm scripts', () => {
  it('start and deploy-commands run compiled JavaScript with plain node, building it first', async () => {
    const { start, prestart, 'deploy-commands': deploy, 'predeploy-commands': predeploy } = await scripts();
    expect(start).toMatch(/^node --max-semi-space-size=\d+ dist\/src\/main\.js$/);
    expect(deploy).toBe('node dist/src/deploy-commands.js');
    expect(prestart).toBe('npm run build');
    expect(predeploy).toBe('npm run build');
    expect(nodeArguments('src/main.ts')).toEqual(start!.split(' ').slice(1));
  });
});

describe('the compiled bot', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startAgainstEmulator();
  }, 30_000);
  afterAll(() => harness?.close());

  it('is one node process running dist/src/main.js, with no loader and no esbuild child', async () => {
    const pid = harness.bot.child.pid!;
    const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter(Boolean);
    expect(argv.slice(1)).toEqual(nodeArguments('src/main.ts'));
    expect(argv.join(' ')).not.toMatch(/tsx|\.ts\b/);
    expect(await processTree(pid)).toEqual([pid]);
  });

  it('answers /brief', async () => {
    const reply = await harness.emulator.injectCommand({ name: 'brief', options: {} }).waitForReply();
    const embed = reply.embeds[0] as { title?: string; footer?: { text: string } };
    expect(embed.title).toBeTruthy();
    expect(embed.footer?.text).toMatch(/^Edition of \d+ \w+ \d{4}/);
  });
});

describe('import time', () => {
  it('no module creates an Intl object or calls a locale-aware method when imported (ICU is paged in on first use)', async () => {
    const { stdout } = await run(process.execPath, ['tests/support/icu-probe.mjs'], { cwd: REPO });
    const { modules, used } = JSON.parse(stdout) as { modules: string[]; used: string[] };
    expect(modules).toContain(path.join('src', 'time', 'dates.js'));
    expect(modules).toContain(path.join('commands', 'index.js'));
    expect(used).toEqual([]);
  });
});
