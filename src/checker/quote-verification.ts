// Quote verification. Every quote, and every other outlet's rendering of it, carries its evidence: the
// passage of the cited report around the words, as the report prints it. The words must occur verbatim
// (typography aside) in that passage, which needs no archive. Given an archive, the passage must occur
// verbatim in the archived text of the source that published the words; a source with no archived text
// leaves its quotes unverified, which is never a pass.
import type { Briefing } from '../briefing/briefing.js';
import type { FieldPath } from '../briefing/field-path.js';
import type { ContentError } from '../briefing/content-error.js';
import type { Evidence } from '../briefing/schema.js';
import type { Archive } from './archive.js';
import { PassageFinder } from './closest-passage.js';
import type { ContentLocator } from './locator.js';
import { containsVerbatim, plainTypography, type PlainText } from './typography.js';

/** Against the archive. */
export type Verification = 'verified' | 'unverified' | 'mismatched';
export type QuoteTally = Record<Verification, number>;
/** Against the quote's own evidence passage. */
export type EvidenceCheck = 'matched' | 'missing' | 'mismatched';
export type EvidenceTally = Record<EvidenceCheck, number>;

/** Differences listed for a mismatch; more would bury the first one. */
const DIFFERENCES_SHOWN = 3;

interface Wording {
  text: string;
  source: string;
  evidence: Evidence | undefined;
  /** Where it stands in its quote: [] for the quote's own words, ['renderings', i] for a rendering. */
  at: FieldPath;
}

interface Outcome<T> {
  outcome: T;
  problem?: { field: FieldPath; message: string; severity: ContentError['severity'] };
}

/**
 * Checks every quote of every edition (superseded ones too: older editions still show them) against its
 * evidence, and against `archive` (none given: every quote is unverified, without a finding each).
 * A quote counts as its worst wording: one mismatched rendering makes the quote mismatched.
 */
export function verifyQuotes(
  briefing: Briefing,
  locator: ContentLocator,
  archive: Archive | undefined,
): { findings: ContentError[]; tally: QuoteTally; evidence: EvidenceTally } {
  const findings: ContentError[] = [];
  const tally: QuoteTally = { verified: 0, unverified: 0, mismatched: 0 };
  const evidence: EvidenceTally = { matched: 0, missing: 0, mismatched: 0 };
  for (const quote of briefing.content.quotes) {
    const wordings: Wording[] = [
      { text: quote.text, source: quote.source, evidence: quote.evidence, at: [] },
      ...quote.renderings.map(({ text, source, evidence }, index) => ({ text, source, evidence, at: ['renderings', index] })),
    ];
    const outcomes = <T>(check: (wording: Wording) => Outcome<T>) =>
      wordings.map((wording) => {
        const { outcome, problem } = check(wording);
        if (problem) findings.push(locator.finding('quote', quote.id, [...wording.at, ...problem.field], problem.message, problem.severity));
        return outcome;
      });
    evidence[worst<EvidenceCheck>(outcomes(checkEvidence), ['mismatched', 'missing', 'matched'])] += 1;
    tally[worst<Verification>(outcomes((wording) => checkArchive(wording, archive)), ['mismatched', 'unverified', 'verified'])] += 1;
  }
  return { findings, tally, evidence };
}

/** The first of `order` (worst first) among `outcomes`. */
function worst<T>(outcomes: readonly T[], order: readonly [T, ...T[]]): T {
  return order.find((outcome) => outcomes.includes(outcome)) ?? order[0];
}

function checkEvidence(wording: Wording): Outcome<EvidenceCheck> {
  if (!wording.evidence) {
    return { outcome: 'missing', problem: { field: ['evidence'], message: `no evidence: add the passage of ${wording.source} around these words`, severity: 'error' } };
  }
  const passage = plainTypography(wording.evidence.passage);
  const absent = absence(plainTypography(wording.text), passage, () => new PassageFinder(passage, 'passage'), { where: 'not found verbatim in its evidence passage', subject: 'quote' });
  return absent ? { outcome: 'mismatched', problem: { field: ['text'], message: absent, severity: 'error' } } : { outcome: 'matched' };
}

function checkArchive(wording: Wording, archive: Archive | undefined): Outcome<Verification> {
  if (!archive) return { outcome: 'unverified' };
  // The words stand in the passage (checkEvidence), so the archive is asked for the passage; lacking one, for the words.
  const [field, checked, subject]: [FieldPath, string, string] = wording.evidence
    ? [['evidence', 'passage'], wording.evidence.passage, 'passage']
    : [['text'], wording.text, 'quote'];
  const archived = archive.textFor(wording.source);
  if (!archived) {
    const message = `unverified: the archive ${archive.dir} has no ${archive.fileNames(wording.source).join(', ')}`;
    return { outcome: 'unverified', problem: { field, message, severity: 'warning' } };
  }
  const via = archived.sourceId === wording.source ? '' : ` (${wording.source} is read via ${archived.sourceId})`;
  const absent = absence(plainTypography(checked), archived.content, () => archived.passages, { where: `not found verbatim in ${archived.file}${via}`, subject, lines: true });
  return absent ? { outcome: 'mismatched', problem: { field, message: absent, severity: 'error' } } : { outcome: 'verified' };
}

/**
 * Undefined when `words` occur verbatim in `text`; otherwise `where`, then the closest passage of `text`
 * (with its line, given `lines`) and what differs, from the point of view of `subject` ("the quote has ...").
 */
function absence(words: PlainText, text: PlainText, finder: () => PassageFinder, how: { where: string; subject: string; lines?: boolean }): string | undefined {
  if (containsVerbatim(text, words)) return undefined;
  const closest = finder().closest(words);
  if (!closest?.resembles) return `${how.where}; nothing in it resembles these words`;
  const shown = closest.differences.slice(0, DIFFERENCES_SHOWN);
  const more = closest.differences.length - shown.length;
  const differences = shown.length > 0 ? `; the ${how.subject} has ${shown.join('; ')}${more > 0 ? `; and ${more} more difference${more === 1 ? '' : 's'}` : ''}` : '';
  const closestPassage = how.lines ? `closest passage, line ${closest.line}` : 'closest words';
  return `${how.where}; ${closestPassage}: “${closest.text}”${differences}`;
}
