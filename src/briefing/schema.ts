// The content model: one zod schema per content file. The TypeScript types, the JSON Schema editors
// get (content/schema/) and the loader's validation messages all come from these definitions.
import { z } from 'zod';
import { isTimeZone } from '../time/zones.js';

/** Ids appear in button custom ids (at most 100 characters in all), so they stay short. */
export const MAX_ID_LENGTH = 24;

const id = z
  .string()
  .max(MAX_ID_LENGTH, `is longer than ${MAX_ID_LENGTH} characters: ids travel in button custom ids, so keep them short (e.g. "kallas-no-deal", not "kallas-no-deal-without-ukraine")`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters and digits joined by hyphens, like "mark-rutte"')
  .describe('A short, stable, lower-case id other files use to refer to this entry.');

const isoDate = z.iso.date().describe('A calendar date, YYYY-MM-DD.');
const oneLine = (max: number) => z.string().trim().min(1).max(max).regex(/^[^\n]*$/, 'must be a single line');
const text = (max: number) => z.string().trim().min(1).max(max);
const ids = z.array(id);

/**
 * A source's address, as replies link it (`[title](url)`): a web page on a named host, and nothing that ends the
 * link early or makes it something else. `javascript:` and `data:` addresses, and parentheses, brackets, angle
 * brackets, quotes or spaces in one, are refused; percent-encoded they are fine.
 */
const webAddress = z
  .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'must be a web address, http:// or https:// and a host name, e.g. https://www.example.com/report', abort: true })
  .regex(/^[^\s()[\]<>"'`\\]*$/, 'holds a space or one of ( ) [ ] < > " \' ` \\, which would break the link in a reply: percent-encode it (%20 %28 %29 %5B %5D ...)')
  .describe('The public address of the source: http or https, with any space, parenthesis or bracket percent-encoded.');

/** `[text](https://...)`: Discord shows it as a link with any text. */
const MASKED_LINK = /\[[^\]]*\]\(\s*<?[^)\s]*>?\s*\)/;

/** Words as someone said them: never a Markdown link, which would show other words than theirs and hide an address. */
const saidWords = (max: number) =>
  text(max).refine((words) => !MASKED_LINK.test(words), 'holds a Markdown link [text](address): quote the words as said, and give the address in the source');

const dated = z
  .enum(['said', 'reported'])
  .default('said')
  .describe(
    'What `date` is. said: the day the words were said or the position stated. ' +
      'reported: the report gives no date for them, so `date` is only the day the report carried them.',
  );

export const Standing = z
  .enum(['fact', 'claim', 'commentary'])
  .describe(
    'How the bot presents it. fact: the person verifiably said or did this on the record. ' +
      'claim: an unverified allegation or report. commentary: an opinion.',
  );

export const StoryFile = z
  .object({
    id,
    title: oneLine(120),
    topic: oneLine(200).describe('What the story is about, in one line.'),
  })
  .strict();

export const Actor = z
  .object({
    id,
    name: oneLine(80).describe('Display name, e.g. "Mark Rutte".'),
    aliases: z.array(oneLine(80)).default([]).describe('Other spellings, transliterations and short forms.'),
    role: oneLine(150),
    affiliation: oneLine(100).describe('Country or organisation.'),
    speaksFor: z
      .array(oneLine(80))
      .default([])
      .describe(
        'Institutions this actor speaks for, in the forms readers use (e.g. [Kremlin, Kreml] for the Kremlin spokesman; "the" is not needed): ' +
          'asking for one lists its speakers, or opens the page of its only one, saying how the name was read.',
      ),
    kind: z
      .enum(['official', 'organisation', 'commentator', 'media'])
      .describe('commentator and media entries are shown as commentary or reporting, never as the parties to the story.'),
    note: text(500).optional(),
  })
  .strict();

export const ActorsFile = z.object({ actors: z.array(Actor).min(1) }).strict();

export const Topic = z
  .object({
    id,
    name: oneLine(60),
    description: text(300),
  })
  .strict();

export const TopicsFile = z.object({ topics: z.array(Topic).min(1) }).strict();

export const SourceType = z.enum(['wire-report', 'news-report', 'social-post', 'official-statement', 'poll', 'commentary']);

export const Source = z
  .object({
    id,
    publisher: oneLine(100),
    type: SourceType,
    title: oneLine(200),
    date: isoDate,
    url: webAddress.optional(),
    noUrl: z
      .literal(true)
      .optional()
      .describe(
        'The source has no public address we could find (a post known only from its embed in a report, an interview known only as a report relays it): ' +
          'content:check then does not ask for a url. Say why in `note`.',
      ),
    author: id.optional().describe('The actor who wrote or posted it, when it is one of the actors.'),
    via: id
      .optional()
      .describe('Where we read it: the id of the source that embedded or reported this one (e.g. a post quoted in a wire report).'),
    note: text(500).optional(),
  })
  .strict()
  .refine((source) => !(source.url && source.noUrl), { message: 'a source with a url cannot be marked noUrl', path: ['noUrl'] });

export const SourcesFile = z.object({ sources: z.array(Source).min(1) }).strict();

export const WhatsNextItem = z
  .object({
    text: text(500),
    events: ids.min(1).describe('Ids of the timeline events the item is about: once the last of them is past with no later report, replies say so.'),
  })
  .strict();

export const EditionFile = z
  .object({
    published: z.iso.datetime({ offset: true }).describe('When this edition was published, ISO 8601 with offset.'),
    timeZone: oneLine(60)
      .refine(isTimeZone, 'not a time zone: use an IANA name like Europe/Zurich')
      .describe('IANA time zone the edition is dated in, e.g. Europe/Zurich.'),
    basedOn: ids.min(1).describe('Ids of the sources this edition summarises.'),
    summary: z
      .object({
        tldr: text(1000).describe('One paragraph: the state of the story.'),
        keyPoints: z.array(text(500)).min(1),
        whatsNext: z
          .array(z.union([text(500), WhatsNextItem]))
          .min(1)
          .describe('What comes next. An item about dated events names them (`events`), so that once their day has passed it says so, as /timeline does.'),
        openQuestions: z.array(text(500)).min(1).describe('Open questions and points of contention.'),
        since: z
          .array(text(500))
          .min(1)
          .optional()
          .describe('What changed since the previous edition, newest news first; shown at the top of /brief.'),
      })
      .strict(),
  })
  .strict();

export const Position = z
  .object({
    id,
    actor: id,
    topic: id,
    stance: oneLine(200).describe('The position in one line.'),
    detail: text(800).optional(),
    date: isoDate,
    dated,
    source: id,
    quotes: ids.default([]).describe('Ids of quotes that support this position.'),
    standing: Standing,
    supersedes: id.optional().describe('Id of a position from an earlier edition that this one replaces.'),
  })
  .strict();

export const PositionsFile = z.object({ positions: z.array(Position).min(1) }).strict();

export const Evidence = z
  .object({
    passage: text(600).describe(
      'The passage of the cited report around the quoted words, exactly as the stored page prints it (about 300 characters at most): what reviewers and content:check compare the quote with.',
    ),
    read: isoDate.describe('The day the passage was read in the report.'),
  })
  .strict()
  .describe('Where the words stand in the cited report.');

export const Rendering = z
  .object({
    text: saidWords(1000),
    source: id,
    evidence: Evidence.optional(),
  })
  .strict()
  .describe('Another outlet\'s rendering of the same words, e.g. a wire report\'s translation of a post.');

export const Translation = z
  .enum(['none', 'translated', 'back-translated'])
  .describe(
    'How the text relates to what the speaker said. none: their own words, in the language they used. ' +
      'translated: a translation of words said in another language (e.g. Russian or Ukrainian). ' +
      'back-translated: words said in English, as a report renders them back into English from its own translation ' +
      '(e.g. an English-language wire report written from a German text); the exact English may differ.',
  );

export const Quote = z
  .object({
    id,
    speaker: id,
    text: saidWords(1000).describe('The words exactly as published by the source.'),
    date: isoDate.describe('When the words were said or posted.'),
    dated,
    kind: z.enum(['statement', 'interview', 'social-post', 'press-briefing']),
    context: text(300),
    source: id.describe('The source that published these exact words (for a translation, the one that published the translation).'),
    standing: Standing,
    translation: Translation,
    translationNote: text(300).optional(),
    evidence: Evidence.optional(),
    renderings: z.array(Rendering).default([]),
    topics: ids.min(1),
    about: ids.default([]).describe('Actors the quote is about, when that is not the speaker.'),
    supersedes: id
      .optional()
      .describe('Id of a quote from an earlier edition that this one replaces, e.g. when the primary wording is found.'),
  })
  .strict()
  .refine((quote) => quote.translation === 'none' || quote.translationNote !== undefined, {
    message: 'a translated or back-translated quote needs a translationNote saying who translated it and from what',
    path: ['translationNote'],
  });

export const QuotesFile = z.object({ quotes: z.array(Quote).min(1) }).strict();

export const TimelineEvent = z
  .object({
    id,
    date: isoDate,
    endDate: isoDate.optional().describe('Last day, for an event that spans several days (e.g. "next week").'),
    status: z.enum(['happened', 'reported', 'planned', 'expected']),
    title: oneLine(200),
    detail: text(600).optional(),
    actors: ids.default([]),
    topics: ids.default([]),
    source: id,
    supersedes: id
      .optional()
      .describe(
        'Id of a timeline event from an earlier edition that this one replaces, e.g. a planned trip a later edition reports as having happened.',
      ),
  })
  .strict()
  .refine((event) => event.endDate === undefined || event.endDate >= event.date, {
    message: 'endDate is before date',
    path: ['endDate'],
  });

export const TimelineFile = z.object({ timeline: z.array(TimelineEvent).min(1) }).strict();

export const Correction = z
  .object({
    id,
    date: isoDate.describe('When the correction was published.'),
    items: z
      .array(
        z
          .object({
            kind: z.enum(['quote', 'position', 'event', 'source', 'summary']),
            id: id.describe('Id of the corrected item; for kind summary, the id of the edition whose summary was corrected.'),
          })
          .strict(),
      )
      .min(1)
      .describe('The items the correction applies to.'),
    wrong: text(300).describe('What was wrong, in plain words.'),
    right: text(300).describe('What is right now.'),
  })
  .strict();

export const CorrectionsFile = z.object({ corrections: z.array(Correction).min(1) }).strict();

/** Every content file, by its file name. Story-wide files live at the top of content/, the rest in editions/<id>/. */
export const storyFiles = {
  'story.yaml': StoryFile,
  'actors.yaml': ActorsFile,
  'topics.yaml': TopicsFile,
  'sources.yaml': SourcesFile,
} as const;

export const editionFiles = {
  'edition.yaml': EditionFile,
  'positions.yaml': PositionsFile,
  'quotes.yaml': QuotesFile,
  'timeline.yaml': TimelineFile,
  'corrections.yaml': CorrectionsFile,
} as const;

export type Story = z.infer<typeof StoryFile>;
export type Actor = z.infer<typeof Actor>;
export type Topic = z.infer<typeof Topic>;
export type Source = z.infer<typeof Source>;
export type SourceType = z.infer<typeof SourceType>;
export type Standing = z.infer<typeof Standing>;
export type EditionContent = z.infer<typeof EditionFile>;
export type Position = z.infer<typeof Position>;
export type Quote = z.infer<typeof Quote>;
export type Translation = z.infer<typeof Translation>;
export type TimelineEvent = z.infer<typeof TimelineEvent>;
export type Correction = z.infer<typeof Correction>;
export type WhatsNext = EditionContent['summary']['whatsNext'][number];

export type Evidence = z.infer<typeof Evidence>;
