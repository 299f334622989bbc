// Lint: every content file starts with the yaml-language-server comment that points at its JSON
// Schema, so editors get completion and validation (a new edition folder copied by hand often lacks it).
import path from 'node:path';
import type { ContentError } from '../../briefing/content-error.js';
import { SCHEMA_FOLDER, schemaName } from '../json-schema.js';
import type { ContentLocator } from '../locator.js';

/** `# yaml-language-server: $schema=../../schema/quotes.json` for content/editions/<id>/quotes.yaml. */
function expectedSchemaComment(contentDir: string, file: string): string {
  const schema = path.join(contentDir, SCHEMA_FOLDER, `${schemaName(path.basename(file))}.json`);
  const relative = path.relative(path.dirname(path.resolve(file)), path.resolve(schema)).split(path.sep).join('/');
  return `# yaml-language-server: $schema=${relative}`;
}

export function schemaComments(locator: ContentLocator): ContentError[] {
  const findings: ContentError[] = [];
  for (const { file, firstLine } of locator.files) {
    const expected = expectedSchemaComment(locator.contentDir, file);
    if (firstLine !== expected) {
      findings.push({ file, line: 1, path: '', message: `the first line should be "${expected}", so editors get completion and validation`, severity: 'warning' });
    }
  }
  return findings;
}
