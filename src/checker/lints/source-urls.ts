// Lint: a source readers can open is linked. A source without a url is flagged unless it is marked noUrl
// (no public address is known, e.g. a post known only from its embed in a report).
import type { Lint } from '../lint.js';

export const sourceUrls: Lint = ({ briefing, locator }) =>
  briefing.sources
    .filter((source) => !source.url && !source.noUrl)
    .map((source) =>
      locator.finding('source', source.id, ['url'], 'no url: add its public address, or mark it noUrl: true and say in note why it has none', 'warning'),
    );
