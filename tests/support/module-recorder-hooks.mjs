// The loader-thread half of module-recorder.mjs: appends each resolved URL to the file it was given.
import { appendFileSync } from 'node:fs';

let file;

export function initialize(path) {
  file = path;
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  appendFileSync(file, `${resolved.url}\n`);
  return resolved;
}
