// npm run bench [-- section ...]: generates the 100x briefing into a temporary folder, runs the bench
// sections, prints one Markdown table with a line describing the machine, and, when every section ran,
// writes both to bench/results.md. Sections are named with dashes: reply-builders, recap-fan-out, ...
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contentLoad } from './content-load.js';
import { endToEnd } from './end-to-end.js';
import { fanout } from './fanout.js';
import { build } from '../tests/support/build.js';
import { generateBriefing } from '../tests/support/generate-briefing.js';
import { replyBuilders } from './reply-builders.js';
import { scale } from './scale.js';
import { describeMachine, markdownTable, methods } from './report.js';
import type { BenchRow, BenchSection } from './section.js';

const sections: BenchSection[] = [
  replyBuilders,
  contentLoad,
  endToEnd,
  fanout,
  scale,
];

const slug = (section: BenchSection) => section.name.replaceAll(' ', '-');
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !sections.some((section) => slug(section) === name));
if (unknown.length > 0) {
  console.error(`unknown section(s): ${unknown.join(', ')}; sections are ${sections.map(slug).join(', ')}`);
  process.exit(2);
}
const selected = wanted.length === 0 ? sections : sections.filter((section) => wanted.includes(slug(section)));

const REPO = path.resolve(import.meta.dirname, '..');
const RESULTS = path.join(REPO, 'bench', 'results.md');

const startedAt = new Date();
const machine = await describeMachine(startedAt);
const progress = (message: string) => console.error(`[${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(3)} s] ${message}`);
const hundredXDir = await mkdtemp(path.join(tmpdir(), 'briefing-100x-'));
try {
  // The bot and the content-load samples run compiled, as npm start runs them.
  progress('npm run build');
  await build();
  progress(`generating the 100x briefing in ${hundredXDir}`);
  await generateBriefing(hundredXDir);
  const context = { shippedDir: path.join(REPO, 'content'), hundredXDir, progress };
  const results: { name: string; rows: BenchRow[] }[] = [];
  for (const section of selected) results.push({ name: section.name, rows: await section.run(context) });
  const seconds = Math.round((Date.now() - startedAt.getTime()) / 1000);
  const report = `${machine}\n\n${markdownTable(results)}\n\nWhole bench: ${seconds} s. Method:\n\n${methods(selected)}\n`;
  console.log(report);
  if (selected === sections) await writeFile(RESULTS, report);
} finally {
  await rm(hundredXDir, { recursive: true, force: true });
}
