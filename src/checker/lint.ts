// The shape of an editorial lint: a pure function from the loaded briefing, and where each of its
// items was written, to findings with file, line and severity.
import type { Briefing } from '../briefing/briefing.js';
import type { ContentError } from '../briefing/content-error.js';
import type { ContentLocator } from './locator.js';

export interface LintContext {
  briefing: Briefing;
  locator: ContentLocator;
}

export type Lint = (context: LintContext) => ContentError[];
