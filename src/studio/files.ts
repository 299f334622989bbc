// The drafts as the studio reads and writes them: only the content files the loader knows (story files at the
// top, edition files in editions/<date>/), only regular files inside the content folder, never through a
// symbolic link. A path is checked by its text first (no absolute path, no `..`, only known names), then on disk
// component by component, and files are opened without following links, so a link swapped in is refused too.
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { HTTPException } from 'hono/http-exception';
import { MAX_FILE_BYTES } from '../briefing/content-folder.js';
import { editionFiles, storyFiles } from '../briefing/schema.js';

const EDITION_FOLDER = /^\d{4}-\d{2}-\d{2}$/;

const refuse = (message: string): never => {
  throw new HTTPException(400, { message });
};

/** `editions/2026-05-13/quotes.yaml` -> its parts, if it names a content file; refuses anything else, saying why. */
export function contentPath(relative: string): string[] {
  if (typeof relative !== 'string' || relative === '') refuse('name a content file, like editions/2026-05-13/quotes.yaml');
  if (relative.startsWith('/') || relative.includes('\\') || /^[a-zA-Z]:/.test(relative)) refuse(`${JSON.stringify(relative)}: give the path inside the content folder, not an absolute one`);
  const parts = relative.split('/');
  if (parts.some((part) => part === '..' || part === '.' || part === '')) refuse(`${JSON.stringify(relative)}: only plain names inside the content folder (no "..")`);
  const known =
    (parts.length === 1 && parts[0]! in storyFiles) || (parts.length === 3 && parts[0] === 'editions' && EDITION_FOLDER.test(parts[1]!) && parts[2]! in editionFiles);
  if (!known) refuse(`${JSON.stringify(relative)} is not a content file: ${Object.keys(storyFiles).join(', ')}, or editions/YYYY-MM-DD/ with ${Object.keys(editionFiles).join(', ')}`);
  return parts;
}

/** Every folder on the way to the file exists as a real folder, no link; `createFolders` makes the missing ones. */
async function realFolders(contentDir: string, parts: readonly string[], createFolders: boolean): Promise<void> {
  let at = contentDir;
  for (const part of ['', ...parts.slice(0, -1)]) {
    at = path.join(at, part);
    const stats = await lstat(at).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
    if (!stats && createFolders && part !== '') {
      await mkdir(at);
      continue;
    }
    if (!stats) refuse(`${path.relative(contentDir, at) || 'the content folder'} does not exist`);
    if (stats!.isSymbolicLink() || !stats!.isDirectory()) refuse(`${path.relative(contentDir, at) || 'the content folder'} is not a real folder (links are never followed)`);
  }
}

export async function readDraft(contentDir: string, relative: string): Promise<string> {
  const parts = contentPath(relative);
  await realFolders(contentDir, parts, false);
  const handle = await open(path.join(contentDir, ...parts), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch((error: NodeJS.ErrnoException) =>
    refuse(error.code === 'ENOENT' ? `${relative} does not exist` : `${relative} cannot be read: ${error.code === 'ELOOP' ? 'a symbolic link, never followed' : error.code}`),
  );
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) refuse(`${relative} is not a regular file`);
    if (stats.size > MAX_FILE_BYTES) refuse(`${relative} is larger than a content file may be`);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** Writes a draft: replaces a regular file, or with `create` makes a new one (and its edition folder) that must not exist yet. */
export async function writeDraft(contentDir: string, relative: string, text: string, { create = false } = {}): Promise<void> {
  const parts = contentPath(relative);
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) refuse(`${relative} would be larger than a content file may be`);
  await realFolders(contentDir, parts, create);
  const flags = constants.O_WRONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK | (create ? constants.O_CREAT | constants.O_EXCL : 0);
  const handle = await open(path.join(contentDir, ...parts), flags, 0o644).catch((error: NodeJS.ErrnoException) =>
    refuse(error.code === 'EEXIST' ? `${relative} exists already` : error.code === 'ENOENT' ? `${relative} does not exist` : `${relative} cannot be written: ${error.code === 'ELOOP' ? 'a symbolic link, never followed' : error.code}`),
  );
  try {
    if (!(await handle.stat()).isFile()) refuse(`${relative} is not a regular file`);
    await handle.truncate(0);
    await handle.writeFile(text, 'utf8');
  } finally {
    await handle.close();
  }
}

export interface DraftTree {
  story: string[];
  editions: { id: string; files: string[] }[];
}

/** The content files as the studio lists them: story files, then each edition (newest first) with its files. */
export async function draftTree(contentDir: string): Promise<DraftTree> {
  const regular = async (dir: string, names: readonly string[]) =>
    (await readdir(dir, { withFileTypes: true }).catch(() => [])).filter((entry) => entry.isFile() && names.includes(entry.name)).map((entry) => entry.name);
  const order = (names: readonly string[], known: object) => [...names].sort((a, b) => Object.keys(known).indexOf(a) - Object.keys(known).indexOf(b));
  const story = order(await regular(contentDir, Object.keys(storyFiles)), storyFiles);
  const folders = (await readdir(path.join(contentDir, 'editions'), { withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isDirectory() && EDITION_FOLDER.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .reverse();
  const editions = await Promise.all(folders.map(async (id) => ({ id, files: order(await regular(path.join(contentDir, 'editions', id), Object.keys(editionFiles)), editionFiles) })));
  return { story, editions };
}
