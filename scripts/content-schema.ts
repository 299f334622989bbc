// npm run content:schema [-- --content DIR]
// Regenerates content/schema/<name>.json from the zod schemas, for editors' completion and validation.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentSchemas, SCHEMA_FOLDER } from '../src/checker/json-schema.js';

const { values } = parseArgs({ options: { content: { type: 'string', default: process.env.CONTENT_DIR ?? 'content' } } });
const dir = path.join(values.content, SCHEMA_FOLDER);
await mkdir(dir, { recursive: true });
for (const { name, json } of contentSchemas()) {
  const file = path.join(dir, `${name}.json`);
  await writeFile(file, json);
  process.stdout.write(`wrote ${file}\n`);
}
