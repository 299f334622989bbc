// Quote verification: every quote, and every other outlet's rendering of it, must occur verbatim
// (typography aside) in the archived text of the source that published those words. A source with no
// archived text leaves its quotes unverified, which is never a pass.
import type { Briefing } from '../briefing/briefing.js';
import type { ContentError, FieldPath } from '../briefing/content-files.js';
import type { Archive } from './archive.js';
import type { ContentLocator } from './locator.js';
import { containsVerbatim, plainTypography } from './typography.js';

export type Verification = 'verified' | 'unverified' | 'mismatched';
export type QuoteTally = Record<Verification, number>;

/** Differences listed for a mismatch; more would bury the first one. */
const DIFFERENCES_SHOWN = 3;

interface Wording {
  text: string;
  source: string;
  field: FieldPath;
}

/**
 * Checks every quote against `archive` (none given: every quote is unverified, without a finding each).
 * A quote counts as its worst wording: one mismatched rendering makes the quote mismatched.
 */
export function verifyQuotes(briefing: Briefing, locator: ContentLocator, archive: Archive | undefined): { findings: ContentError[]; tally: QuoteTally } {
  const findings: ContentError[] = [];
  const tally: QuoteTally = { verified: 0, unverified: 0, mismatched: 0 };
  for (const quote of briefing.quotes) {
    const wordings: Wording[] = [
      { text: quote.text, source: quote.source, field: ['text'] },
      ...quote.renderings.map((rendering, index) => ({ text: rendering.text, source: rendering.source, field: ['renderings', index, 'text'] })),
    ];
    const outcomes = wordings.map((wording) => {
      const { verification, problem } = verifyWording(wording, archive);
      if (problem) findings.push(locator.finding('quote', quote.id, wording.field, problem, verification === 'mismatched' ? 'error' : 'warning'));
      return verification;
    });
    tally[outcomes.includes('mismatched') ? 'mismatched' : outcomes.includes('unverified') ? 'unverified' : 'verified'] += 1;
  }
  return { findings, tally };
}

function verifyWording(wording: Wording, archive: Archive | undefined): { verification: Verification; problem?: string } {
  if (!archive) return { verification: 'unverified' };
  const archived = archive.textFor(wording.source);
  if (!archived) {
    return { verification: 'unverified', problem: `unverified: the archive ${archive.dir} has no ${archive.fileNames(wording.source).join(', ')}` };
  }
  const quote = plainTypography(wording.text);
  if (containsVerbatim(archived.content, quote)) return { verification: 'verified' };

  const via = archived.sourceId === wording.source ? '' : ` (${wording.source} is read via ${archived.sourceId})`;
  const closest = archived.passages.closest(quote);
  const where = `not found verbatim in ${archived.file}${via}`;
  if (!closest?.resembles) return { verification: 'mismatched', problem: `${where}; nothing in it resembles these words` };
  const shown = closest.differences.slice(0, DIFFERENCES_SHOWN);
  const more = closest.differences.length - shown.length;
  const differences = shown.length > 0 ? `; the quote has ${shown.join('; ')}${more > 0 ? `; and ${more} more difference${more === 1 ? '' : 's'}` : ''}` : '';
  return { verification: 'mismatched', problem: `${where}; closest passage, line ${closest.line}: “${closest.text}”${differences}` };
}
