// Lint: a correction cannot predate what it corrects. Dated before the edition of an item it names, it is a
// typo in its date (or it names the wrong item), and readers would see the correction older than the mistake.
import type { Lint } from '../lint.js';

export const correctionDates: Lint = ({ briefing, locator }) => {
  // The whole briefing is its newest edition's view: every item of every edition is in these maps.
  const items = { quote: briefing.quoteById, position: briefing.positionById, event: briefing.eventById } as const;
  const editionOf = (kind: string, id: string): string | undefined => (kind === 'summary' ? id : items[kind as keyof typeof items]?.get(id)?.edition);
  return briefing.content.corrections.flatMap((correction) =>
    correction.items.flatMap((item, index) => {
      const edition = editionOf(item.kind, item.id);
      if (edition === undefined || correction.date >= edition) return [];
      return [locator.finding('correction', correction.id, ['date'], `dated ${correction.date}, before the edition of ${edition} whose ${item.kind} "${item.id}" it corrects (items[${index}]): check the date`, 'error')];
    }),
  );
};
