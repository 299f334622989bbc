// The bot as npm start runs it (dist/src/main.js) loads no YAML parser, loader or checker: every module it
// can import, statically or dynamically, is followed from the compiled entry point. The lint rule says the
// same of the sources; this checks what actually ships (vitest's global set-up builds dist/). And what it
// really loads, recorded while it runs: INTERACTIONS=http loads none of discord.js and its gateway.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startAgainstEmulator } from './e2e/bot-process.js';
import { shippedBriefing } from './support/content.js';
import { inject, interactionMix } from './support/interaction-mix.js';
import { Random } from './support/random.js';

const DIST = path.resolve('dist');
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

/** Every compiled module `entry` reaches, and every package it names. */
function reachable(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (specifier!.startsWith('.')) visit(path.resolve(path.dirname(file), specifier!));
      else if (!specifier!.startsWith('node:')) packages.add(specifier!.split('/').slice(0, specifier!.startsWith('@') ? 2 : 1).join('/'));
    }
  };
  visit(path.join(DIST, entry));
  return { modules, packages };
}

describe('the bot process', () => {
  it('imports no YAML parser, content schemas (the drafts\' zod models), loader or checker', () => {
    const { modules, packages } = reachable('src/main.js');
    const relative = [...modules].map((file) => path.relative(DIST, file));
    expect(relative).toContain('src/releases/served.js');
    expect(relative.filter((file) => /briefing\/(schema|loader|content-(folder|file|yaml|validation))\.js$|checker\/|releases\/(publish|dry-run)\.js$/.test(file))).toEqual([]);
    expect([...packages]).toContain('discord.js');
    expect([...packages].filter((name) => name === 'js-yaml' || name === 'yaml')).toEqual([]);
  });

  it("loads none of the studio: its modules, its server framework, its editor, renderer or bundler", () => {
    const { modules, packages } = reachable('src/main.js');
    expect([...modules].map((file) => path.relative(DIST, file)).filter((file) => file.startsWith('src/studio/'))).toEqual([]);
    const studioPackages = /^(hono|@hono\/.*|lit|@lit\/.*|codemirror|@codemirror\/.*|codemirror-json-schema|@skyra\/.*|discord-markdown-parser|vite|playwright-core)$/;
    expect([...packages].filter((name) => studioPackages.test(name))).toEqual([]);
  });
});

const RECORDER = pathToFileURL(path.resolve('tests/support/module-recorder.mjs')).href;

/**
 * The modules a bot process loaded while it started, answered a few interactions and stopped, by package (under
 * node_modules); with those of the publish step it runs in a child process on its fresh database (which inherits
 * NODE_OPTIONS), so nothing it starts escapes either.
 */
async function modulesLoaded(mode: 'gateway' | 'http'): Promise<Map<string, Set<string>>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'modules-'));
  const record = path.join(dir, 'modules.txt');
  try {
    const harness = await startAgainstEmulator({ http: mode === 'http', env: { NODE_OPTIONS: `--import ${RECORDER}`, RECORD_MODULES: record } });
    try {
      for (const interaction of interactionMix(await shippedBriefing(), new Random(7), 5)) await inject(harness.emulator, interaction).waitForReply();
    } finally {
      await harness.close();
    }
    const packages = new Map<string, Set<string>>();
    for (const line of (await readFile(record, 'utf8')).split('\n')) {
      const [, name, file] = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.+)$/.exec(line) ?? [];
      if (name && file) packages.set(name, (packages.get(name) ?? new Set()).add(file));
    }
    return packages;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('what each mode loads, recorded while it runs', () => {
  it('INTERACTIONS=http loads neither discord.js nor its gateway (@discordjs/ws), nor builders the commands do not use', { timeout: 60_000 }, async () => {
    const loaded = await modulesLoaded('http');
    expect([...loaded.keys()]).toContain('@discordjs/rest');
    expect([...loaded.keys()].filter((name) => ['discord.js', '@discordjs/ws', '@discordjs/builders', '@sapphire/shapeshift'].includes(name))).toEqual([]);
    // REST's web build, which sends through Node's own fetch, not the undici package.
    expect([...loaded.get('@discordjs/rest')!].filter((file) => file.startsWith('dist/'))).toEqual(['dist/web.mjs']);
    expect(loaded.has('undici')).toBe(false);
  });

  it('INTERACTIONS=gateway loads both, and one copy of the builders and formatters: the CommonJS ones discord.js requires', { timeout: 60_000 }, async () => {
    const loaded = await modulesLoaded('gateway');
    expect([...loaded.keys()]).toEqual(expect.arrayContaining(['discord.js', '@discordjs/ws']));
    for (const name of ['@discordjs/builders', '@discordjs/formatters']) expect([...loaded.get(name)!], name).toEqual(['dist/index.js']);
    expect([...loaded.get('@sapphire/shapeshift')!]).toEqual(['dist/cjs/index.cjs']);
  });
});
