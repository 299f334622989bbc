// Lint: content that would not fit Discord's limits once rendered by the real reply builders. A block
// longer than one embed field is split across fields (nothing is lost, but a quote cut in two reads
// badly); a /brief page that would be cut or rejected, in any language the bot answers in, is an error.
import type { Briefing } from '../../briefing/briefing.js';
import { briefDocument } from '../../render/brief.js';
import { layOut, renderPage, type Block } from '../../render/document.js';
import { positionBlock, quoteBlock, timelineBlock } from '../../render/format.js';
import { sourceBlock } from '../../render/sources.js';
import { citationsOf } from '../../briefing/queries.js';
import { LOCALES } from '../../i18n/locale.js';
import { messagesFor } from '../../i18n/messages.js';
import { LIMITS, payloadProblems } from '../../render/limits.js';
import { messageBody } from '../../render/reply.js';
import type { ItemKind } from '../locator.js';
import type { Lint } from '../lint.js';

interface Rendered {
  kind: ItemKind;
  id: string;
  block: Block;
  /** What the editor can shorten. */
  shorten: string;
}

/** Blocks as English replies show them: the labels around editors' text differ little from language to language. */
function renderedBlocks(briefing: Briefing): Rendered[] {
  const t = messagesFor('en');
  return [
    ...briefing.quotes.map((quote) => ({ kind: 'quote' as const, id: quote.id, block: quoteBlock(t, briefing, quote), shorten: 'the context, translation note or renderings' })),
    ...briefing.allPositions.map((position) => ({ kind: 'position' as const, id: position.id, block: positionBlock(t, briefing, position), shorten: 'the detail, or cite fewer quotes' })),
    ...briefing.timeline.map((event) => ({ kind: 'event' as const, id: event.id, block: timelineBlock(t, briefing, event, false), shorten: 'the title or detail' })),
    ...briefing.sources.map((source) => ({ kind: 'source' as const, id: source.id, block: sourceBlock(t, briefing, source, citationsOf(briefing, source.id)), shorten: 'the title or note' })),
  ];
}

/** Every page of the default /brief reply, in every language, must show the whole footer and pass Discord's checks. */
function briefProblems(briefing: Briefing): { field: 'basedOn' | 'summary'; problem: string }[] {
  const ref = { command: 'brief', args: [''] };
  /** Each problem once, with the languages it occurs in. */
  const problems = new Map<string, { field: 'basedOn' | 'summary'; locales: Set<string> }>();
  const found = (problem: string, field: 'basedOn' | 'summary', locale: string) => {
    const known = problems.get(problem) ?? { field, locales: new Set<string>() };
    problems.set(problem, known);
    known.locales.add(locale);
  };
  for (const locale of LOCALES) {
    const t = messagesFor(locale);
    // On a day after every event: each What's next item says as much as it ever will.
    const document = briefDocument(t, briefing, '9999-12-31');
    const pageCount = layOut(document).length;
    for (let page = 1; page <= pageCount; page++) {
      const rendered = renderPage(t, document, page, ref);
      if (!rendered.reply.embeds?.[0]?.footer?.text.startsWith(document.footer)) {
        found('its footer, naming the publishers of every source in basedOn, would be cut', 'basedOn', `${locale}: ${document.footer.length} characters`);
      }
      for (const problem of payloadProblems(messageBody(rendered.reply))) found(problem, 'summary', locale);
    }
  }
  return [...problems].map(([problem, { field, locales }]) => ({ field, problem: `${problem} (${[...locales].join('; ')})` }));
}

export const renderLimits: Lint = ({ briefing, locator }) => [
  ...renderedBlocks(briefing)
    .filter(({ block }) => block.text.length > LIMITS.fieldValue)
    .map(({ kind, id, block, shorten }) =>
      locator.finding(
        kind,
        id,
        [],
        `renders to ${block.text.length} characters, more than a Discord embed field holds (${LIMITS.fieldValue}), so replies split it across fields: shorten ${shorten}`,
        'warning',
      ),
    ),
  ...briefProblems(briefing).map(({ field, problem }) => locator.finding('edition', briefing.latest.id, [field], `/brief would break a Discord limit: ${problem}`, 'error')),
];
