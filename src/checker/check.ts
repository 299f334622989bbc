// The content check: the loader's validation, then every editorial lint and, given an archive, quote
// verification. Returns findings sorted by file and line, and how the quotes fared.
import type { Briefing } from '../briefing/briefing.js';
import { compareText } from '../briefing/matching.js';
import type { ContentError } from '../briefing/content-error.js';
import type { ReadOptions } from '../briefing/content-folder.js';
import { loadBriefing } from '../briefing/loader.js';
import { Archive } from './archive.js';
import type { Lint } from './lint.js';
import { sharedAliases } from './lints/aliases.js';
import { unsupportedPositions } from './lints/evidence.js';
import { renderLimits } from './lints/render-limits.js';
import { schemaComments } from './lints/schema-comments.js';
import { postSpeakers } from './lints/speakers.js';
import { commentaryAsFact } from './lints/standing.js';
import { timelineDates } from './lints/timeline.js';
import { editionSummaries } from './lints/editions.js';
import { correctionDates } from './lints/corrections.js';
import { sourceUrls } from './lints/source-urls.js';
import { unreferenced } from './lints/unreferenced.js';
import { ContentLocator } from './locator.js';
import { verifyQuotes, type EvidenceTally, type QuoteTally } from './quote-verification.js';

const LINTS: readonly Lint[] = [unreferenced, unsupportedPositions, commentaryAsFact, postSpeakers, timelineDates, renderLimits, sharedAliases, editionSummaries, sourceUrls, correctionDates];

export interface CheckReport {
  findings: ContentError[];
  /** The loaded briefing, when the content loads. */
  briefing?: Briefing;
  /** Undefined when the content does not load: quotes are only checked once it does. */
  quotes?: QuoteTally;
  /** How the quotes fared against their own evidence passages; undefined with `quotes`. */
  evidence?: EvidenceTally;
}

/** `unsaved`: one file as an editor has it, checked in place of what is on disk, which is not written. */
export async function checkContent(contentDir: string, options: { archiveDir?: string } & ReadOptions = {}): Promise<CheckReport> {
  const loaded = await loadBriefing(contentDir, options);
  if (!loaded.ok) return { findings: loaded.errors };
  const { briefing } = loaded;
  const locator = await ContentLocator.read(contentDir, options);
  const archive = options.archiveDir === undefined ? undefined : await Archive.read(options.archiveDir, briefing.sources);
  const verification = verifyQuotes(briefing, locator, archive);
  const findings = [
    ...LINTS.flatMap((lint) => lint({ briefing, locator })),
    ...schemaComments(locator),
    ...verification.findings,
    ...(archive?.strays ?? []),
  ];
  return { findings: findings.sort(byPlace), briefing, quotes: verification.tally, evidence: verification.evidence };
}

function byPlace(a: ContentError, b: ContentError): number {
  return compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0);
}

/** `content:check: 0 errors, 2 warnings; quotes: 17 verified, 2 unverified (no archive), 0 mismatched; evidence: 18 matched, 1 missing, 0 mismatched` */
export function summaryLine(report: CheckReport): string {
  const count = (severity: ContentError['severity']) => {
    const n = report.findings.filter((finding) => finding.severity === severity).length;
    return `${n} ${severity}${n === 1 ? '' : 's'}`;
  };
  const { quotes, evidence } = report;
  const verification =
    quotes && evidence
      ? `quotes: ${quotes.verified} verified, ${quotes.unverified} unverified (no archive), ${quotes.mismatched} mismatched; ` +
        `evidence: ${evidence.matched} matched, ${evidence.missing} missing, ${evidence.mismatched} mismatched`
      : 'quotes: not checked until the content loads';
  return `content:check: ${count('error')}, ${count('warning')}; ${verification}`;
}
