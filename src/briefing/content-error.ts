// A problem found in the content: file, line, field path, message and severity, and how it is shown to
// editors (`file:line path: message`) and, trimmed to one line, in the bot's log.
export interface ContentError {
  /** Path as shown to the editor, relative to the working directory. */
  file: string;
  line?: number;
  /** Field path inside the file, like `quotes[3].speaker`; empty for whole-file problems. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Longest message or field path written to the bot's log. */
export const LOGGED_CONTENT_CHARS = 200;

/** `file:line path: message`, as content:check shows editors. */
export function formatContentError(error: ContentError): string {
  const where = error.line === undefined ? error.file : `${error.file}:${error.line}`;
  return `${where}${error.path ? ` ${error.path}` : ''}: ${error.message}`;
}

/** The first line of `text`, trimmed to `max` characters. */
export function firstLine(text: string, max = LOGGED_CONTENT_CHARS): string {
  const line = text.split(/\r?\n|\r/, 1)[0]!.trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
