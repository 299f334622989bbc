// The JSON Schema editors get for each content file (content/schema/<name>.json), generated from the
// zod schemas so completion and validation in the editor always agree with the loader.
import { z } from 'zod';
import { editionFiles, storyFiles } from '../briefing/schema.js';

/** Where the generated schemas live inside content/. */
export const SCHEMA_FOLDER = 'schema';

export interface GeneratedSchema {
  /** `quotes` for quotes.yaml. */
  name: string;
  /** Pretty-printed JSON with a trailing newline, stable from run to run. */
  json: string;
}

/** `quotes.yaml` -> `quotes`. */
export function schemaName(contentFileName: string): string {
  return contentFileName.replace(/\.yaml$/, '');
}

export function contentSchemas(): GeneratedSchema[] {
  return Object.entries({ ...storyFiles, ...editionFiles }).map(([fileName, schema]) => ({
    name: schemaName(fileName),
    // io 'input': fields with defaults are optional to write. Draft 7 is what yaml-language-server supports.
    json: `${JSON.stringify(z.toJSONSchema(schema, { io: 'input', target: 'draft-7' }), null, 2)}\n`,
  }));
}
