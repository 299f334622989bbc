// A reader's report of a mistake: the "Report a problem" button under a briefing reply opens a form (what is
// wrong, and a source if they have one); its submission is stored for the editors' inbox in the studio, with
// the reply, edition and release the reader saw and the items on that page, and acknowledged privately.
// Each reader may send a few an hour: a form anyone can fill in must not flood the inbox.
import { ButtonStyle, ComponentType, TextInputStyle, type APIButtonComponent } from 'discord-api-types/v10';
import type { Messages } from '../i18n/messages.js';
import { encodeButton, type ButtonRef } from '../render/custom-id.js';
import { notice, type Modal, type Reply } from '../render/reply.js';
import type { ReportStore } from '../reports/store.js';
import type { Caller, FormFields } from './command.js';

/** What a reader may send in an hour. */
export const REPORTS_PER_HOUR = 5;
const WHAT = 'what';
const SOURCE = 'source';
const WHAT_LENGTH = { min: 10, max: 1000 } as const;
const SOURCE_LENGTH = 300;

/** The button, in its own row under the reply's page and Sources buttons (a row holds five at most). */
export function withReportButton(t: Messages, reply: Reply, ref: ButtonRef): Reply {
  const button: APIButtonComponent = { type: ComponentType.Button, style: ButtonStyle.Secondary, label: t.page.reportButton, custom_id: encodeButton(ref) };
  return { ...reply, components: [...(reply.components ?? []), { type: ComponentType.ActionRow, components: [button] }] };
}

/** The form the button opens; its custom id is the button's, so its submission knows the reply it is about. */
export function reportForm(t: Messages, ref: ButtonRef): Modal {
  return {
    custom_id: encodeButton(ref),
    title: t.report.title,
    components: [
      {
        type: ComponentType.Label,
        label: t.report.whatLabel,
        description: t.report.whatDescription,
        component: { type: ComponentType.TextInput, custom_id: WHAT, style: TextInputStyle.Paragraph, min_length: WHAT_LENGTH.min, max_length: WHAT_LENGTH.max, required: true, placeholder: t.report.whatPlaceholder.slice(0, 100) },
      },
      {
        type: ComponentType.Label,
        label: t.report.sourceLabel,
        description: t.report.sourceDescription,
        component: { type: ComponentType.TextInput, custom_id: SOURCE, style: TextInputStyle.Short, max_length: SOURCE_LENGTH, required: false, placeholder: 'https://' },
      },
    ],
  };
}

/** What the reader saw: the reply as a command line, and the edition, release and items of its page. */
export interface Seen {
  reply: string;
  editionId: string | null;
  releaseId: number | null;
  items: readonly string[];
}

/** Stores a submitted report and says so; a mistake in the form (or too many reports) changes nothing. */
export async function submitReport(t: Messages, reports: Pick<ReportStore, 'add'> | undefined, seen: Seen, fields: FormFields, caller: Caller, now: Date): Promise<Reply> {
  if (!reports) return notice(t.report.notKept);
  const what = (fields[WHAT] ?? '').trim();
  if (what.length < WHAT_LENGTH.min) return notice(t.report.tooShort);
  const source = (fields[SOURCE] ?? '').trim();
  if (source !== '' && !isWebAddress(source)) return notice(t.report.badSource);
  const outcome = await reports.add(
    {
      userId: caller.userId,
      userName: caller.userName,
      guildId: caller.guildId,
      channelId: caller.channelId,
      ...seen,
      what: what.slice(0, WHAT_LENGTH.max),
      sourceUrl: source === '' ? null : source,
      locale: caller.locale,
    },
    { count: REPORTS_PER_HOUR, windowMs: 60 * 60_000 },
    now,
  );
  return notice(outcome.status === 'added' ? t.report.thanks : t.report.limited(REPORTS_PER_HOUR));
}

function isWebAddress(text: string): boolean {
  if (text.length > SOURCE_LENGTH || /\s/.test(text)) return false;
  try {
    return ['https:', 'http:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
