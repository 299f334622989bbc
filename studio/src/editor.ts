// The YAML editor: CodeMirror 6 with completion, hover and validation from the content's JSON Schema
// (codemirror-json-schema, from the schema files the content already has), plus the content checker's findings
// for this file at their lines, from the server, as you type.
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorView, basicSetup } from 'codemirror';
import { yamlSchema } from 'codemirror-json-schema/yaml';
import type { JSONSchema7 } from 'json-schema';
import type { Finding } from './api.js';
import actors from '../../content/schema/actors.json';
import corrections from '../../content/schema/corrections.json';
import edition from '../../content/schema/edition.json';
import positions from '../../content/schema/positions.json';
import quotes from '../../content/schema/quotes.json';
import sources from '../../content/schema/sources.json';
import story from '../../content/schema/story.json';
import timeline from '../../content/schema/timeline.json';
import topics from '../../content/schema/topics.json';

const SCHEMAS: Record<string, unknown> = { actors, corrections, edition, positions, quotes, sources, story, timeline, topics };

export const schemaFor = (file: string) => SCHEMAS[file.split('/').pop()!.replace(/\.yaml$/, '')] as JSONSchema7 | undefined;

export interface EditorOptions {
  parent: HTMLElement;
  file: string;
  text: string;
  /** The checker's findings for the text as it stands (the server checks it in place of the saved file). */
  check(text: string): Promise<Finding[]>;
  changed(text: string): void;
}

/** Findings of this file, at their lines; a finding without a line marks the first. */
function diagnostics(view: EditorView, findings: readonly Finding[]): Diagnostic[] {
  const { doc } = view.state;
  return findings.map((finding) => {
    const line = doc.line(Math.min(Math.max(finding.line ?? 1, 1), doc.lines));
    return { from: line.from, to: line.to, severity: finding.severity, source: 'content:check', message: `${finding.path ? `${finding.path}: ` : ''}${finding.message}` };
  });
}

export function createEditor(options: EditorOptions): EditorView {
  const schema = schemaFor(options.file);
  return new EditorView({
    parent: options.parent,
    doc: options.text,
    extensions: [
      basicSetup,
      lintGutter(),
      schema ? yamlSchema(schema) : [],
      linter(async (view) => diagnostics(view, await options.check(view.state.doc.toString())), { delay: 500 }),
      EditorView.updateListener.of((update) => update.docChanged && options.changed(update.state.doc.toString())),
      EditorView.lineWrapping,
    ],
  });
}
