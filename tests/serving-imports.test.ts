// The bot as npm start runs it (dist/src/main.js) loads no YAML parser, loader or checker: every module it
// can import, statically or dynamically, is followed from the compiled entry point. The lint rule says the
// same of the sources; this checks what actually ships (vitest's global set-up builds dist/).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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
  it('imports no YAML parser, content loader or checker', () => {
    const { modules, packages } = reachable('src/main.js');
    const relative = [...modules].map((file) => path.relative(DIST, file));
    expect(relative).toContain('src/releases/served.js');
    expect(relative.filter((file) => /briefing\/(loader|content-(folder|file|yaml|validation))\.js$|checker\/|releases\/(publish|dry-run)\.js$/.test(file))).toEqual([]);
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
