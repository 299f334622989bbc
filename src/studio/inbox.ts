// The inbox of readers' reports, each with what the reader saw: the reply they reported, rebuilt from the release
// they were served at the moment they reported it, by the same builders, so the editor sees their screen.
import { briefingCommands } from '../../commands/index.js';
import { buildBriefing } from '../briefing/briefing.js';
import { parseCommandLine } from '../cli/command-line.js';
import { localeOf } from '../i18n/locale.js';
import type { RecapStorage } from '../recaps/storage.js';
import type { ReaderReport } from '../reports/store.js';
import { preview, type Preview } from './previews.js';

export interface ReportInView extends ReaderReport {
  /** The reply as the reader saw it; undefined when it cannot be rebuilt (its release is gone, or the command line no longer parses). */
  seen?: Preview;
}

export async function readersView(storage: Pick<RecapStorage, 'releases'>, report: ReaderReport, staleAfterDays: number): Promise<ReportInView> {
  const release = report.releaseId === null ? undefined : await storage.releases.get(report.releaseId);
  if (!release) return report;
  try {
    const { command, options } = parseCommandLine(report.reply, briefingCommands);
    const briefing = buildBriefing(await storage.releases.content(release));
    return { ...report, seen: await preview(briefing, { command: command.data.name, options, locale: localeOf(report.locale) }, staleAfterDays, new Date(report.createdAt)) };
  } catch {
    // A reply that no longer parses (a command renamed since) is shown as its command line alone.
    return report;
  }
}
