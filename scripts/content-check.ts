// npm run content:check [-- --archive DIR] [--strict] [--content DIR]
// Checks the briefing content before it reaches a channel: the loader's validation, editorial lints,
// that every quote is verbatim in its evidence passage and, with --archive, that every passage is
// verbatim in its source. Exit 1 on errors, 2 on bad usage.
import { stat } from 'node:fs/promises';
import { formatContentError } from '../src/briefing/content-files.js';
import { checkContent, summaryLine } from '../src/checker/check.js';
import { defaultContentDir, readArguments, usageError } from '../src/cli/arguments.js';

const USAGE = `usage: npm run content:check [-- --archive DIR] [--strict] [--content DIR]

  --archive DIR  also verify every quote's evidence passage against the source texts in DIR,
                 one file per source, named <source-id>.txt. A source without its own file is
                 read from the source it was read in (its "via", then that one's "via", and so
                 on): a post embedded in a wire report is verified against the wire report.
                 Quotes whose sources have no text in DIR are reported as unverified, never as
                 passed.
  --strict       fail on warnings too
  --content DIR  the content folder (default: content, or $CONTENT_DIR)

Every quote and rendering carries its evidence (the passage of its source around the words, as
printed); the words must occur in the passage, and the passage in the archived text, word for
word: only white space, quotation marks, apostrophes, dashes and ellipses may differ in form.`;

async function main(): Promise<void> {
  const { values } = readArguments(USAGE, {
    archive: { type: 'string' },
    strict: { type: 'boolean', default: false },
    content: { type: 'string', default: defaultContentDir() },
  });
  if (values.archive !== undefined && !(await isFolder(values.archive))) usageError(USAGE, `--archive: no folder ${values.archive}`);

  const report = await checkContent(values.content, { archiveDir: values.archive });
  for (const finding of report.findings) process.stdout.write(`${finding.severity}: ${formatContentError(finding)}\n`);
  process.stdout.write(`${summaryLine(report)}\n`);
  const fails = report.findings.some((finding) => finding.severity === 'error' || values.strict);
  process.exitCode = fails ? 1 : 0;
}

async function isFolder(dir: string): Promise<boolean> {
  return (await stat(dir).catch(() => undefined))?.isDirectory() ?? false;
}

await main();
