// English: the reference catalogue. Its shape is `Messages`; German and French must have every key of
// it (the type checker says which one is missing). Arguments arrive formatted and escaped: dates in the
// reader's language, names through literal(), counts as numbers.
import { countOf, daysAgo, listOf } from './intl.js';
import type { Locale } from './locale.js';

const locale = 'en' as Locale;
const count = (n: number, one: string, other: string) => countOf(locale, n, { one, other });

export const en = {
  locale: locale as Locale,
  /** Quoted words: the quotation marks of the reader's language. */
  quote: (text: string) => `“${text}”`,
  /** `A, B or C` */
  orList: (items: readonly string[]) => listOf(locale, items, 'disjunction'),
  /** `A, B and C` */
  andList: (items: readonly string[]) => listOf(locale, items, 'conjunction'),
  /** `Label: text` (French puts a space before the colon). */
  labelled: (label: string, text: string) => `${label}: ${text}`,

  /** What the bot answers itself when no command can. */
  shell: {
    apology: (reference: string) => `Sorry, something went wrong on my side while answering that. Reference: \`${reference}\`.`,
    notMine: 'That button is not one of mine.',
    unknown: "I don't know that command or button any more. Try `/brief`, or type `/` to see what I can do.",
    /** `option`: its name as Discord shows it to the reader (src/i18n/commands.ts, optionName). */
    wrongOption: (option: string) => `The option \`${option}\` is missing or holds a value Discord would not send for it. Type the command again and pick what it asks for from Discord's list.`,
    unknownSubcommand: (command: string) => `${command} has no such subcommand. Type \`${command}\` again and pick one from Discord's list.`,
  },
  page: {
    label: (page: number, pageCount: number) => `Page ${page}/${pageCount}`,
    previous: '◀ Previous',
    next: 'Next ▶',
    continued: '(continued)',
    sourcesOnThisPage: 'Sources on this page',
    moreSources: (count: number) => `…and ${count} more: see Sources`,
    sourcesButton: 'Sources',
    readTheSource: 'Read the source',
    reportButton: 'Report a problem',
    noSuchPage: (pageCount: number, page: number) =>
      `This reply has ${pageCount === 1 ? 'one page' : `${pageCount} pages`}; there is no page ${page}.`,
  },

  item: {
    briefingFooter: (date: string) => `Briefing edition of ${date}`,
    claim: '⚠️ Unverified claim',
    commentary: '💬 Commentary',
    readIn: (publisher: string) => `read in ${publisher}`,
    translated: '(translation)',
    backTranslated: "(the report's rendering; the exact English may differ)",
    quoteKinds: { statement: 'statement', interview: 'interview', 'social-post': 'social post', 'press-briefing': 'remarks to reporters' },
    reported: (date: string) => `reported ${date}`,
    superseded: (date: string) => `Superseded in the edition of ${date}:`,
    corrected: (date: string) => `Corrected ${date}`,
    correctedNote: (date: string) => `*Corrected ${date}:*`,
    correctedAbove: (date: string) => `*Corrected ${date}* (as said above)`,
    translation: (note: string) => `Translation: ${note}`,
    alsoRendered: (words: string, publisher: string) => `Also rendered as “${words}” (${publisher})`,
    context: (text: string) => `Context: ${text}`,
    source: (citation: string) => `Source: ${citation}`,
    earlier: (date: string, stance: string) => `Earlier (${date}): “${stance}”`,
    eventStatus: { reported: '(reported)', planned: '(planned)', expected: '(expected)' },
    overdue: (status: 'planned' | 'expected', when: string, reportedLater: boolean) =>
      `(was ${status} for ${when}${reportedLater ? '' : '; no later report in this briefing'})`,
    olderEdition: (shown: string, newest: string) => `📜 *The edition of ${shown}; the newest is of ${newest}.*`,
    stale: (date: string, days: number) => `⏳ *Last updated ${date}, ${daysAgo(locale, days)}: later developments are not in this briefing.*`,
  },

  edition: {
    noneBy: (date: string) => `No edition of this briefing was published by ${date}.`,
    notYet: (id: string) => `The edition of ${id} was not yet published then.`,
    unknown: (id: string) => `There is no edition ${id}.`,
    listed: (ids: readonly string[]) => `Editions: ${ids.join(', ')}.`,
    newest: 'newest',
  },

  brief: {
    sections: {
      since: 'Since the last edition',
      tldr: 'TL;DR',
      'key-points': 'Key points',
      'whats-next': "What's next",
      'open-questions': 'Open questions',
    },
    tldrLead: '**TL;DR**',
    since: (date: string) => `Since ${date}`,
    corrections: 'Corrections',
    footer: (date: string, publishers: readonly string[]) => `Edition of ${date} · Sources: ${publishers.join('; ')}`,
  },

  sources: {
    types: {
      'wire-report': 'Wire reports',
      'news-report': 'News reports',
      'official-statement': 'Official statements',
      'social-post': 'Social posts',
      commentary: 'Commentary',
      poll: 'Polls',
    },
    by: (author: string) => `By ${author}`,
    readIn: (publisher: string) => `Read in: ${publisher}`,
    citedBy: (quotes: number, positions: number) =>
      `Cited by ${[quotes && count(quotes, 'quote', 'quotes'), positions && count(positions, 'position', 'positions')].filter(Boolean).join(' and ')}`,
    notCited: 'No quote or position cites it directly',
    title: 'Sources',
    description: (sources: number) => `${count(sources, 'source', 'sources')}, by type. “Read in” names the report a post or statement was read in.`,
    forReply: (command: string) => `Sources for this ${command} reply`,
    forRecap: 'Sources for this recap',
  },

  corrections: {
    none: 'No corrections have been published in this briefing.',
    title: 'Corrections',
    description: (corrections: number) => `${count(corrections, 'correction', 'corrections')}, newest first. Each corrected item says so where it is shown.`,
    wrong: '**What was wrong:**',
    right: '**What is right:**',
    quote: (speaker: string, words: string) => `Quote: ${speaker}, “${words}”`,
    position: (actor: string, topic: string) => `Position: ${actor} on ${topic}`,
    event: (title: string) => `Timeline: ${title}`,
    source: (publisher: string, title: string) => `Source: ${publisher}, “${title}”`,
    summary: (date: string) => `Summary of the edition of ${date}`,
    unknown: { quote: 'Quote', position: 'Position', event: 'Event', source: 'Source' },
  },

  position: {
    commentator: 'A commentator: their posts are shown as commentary or unverified claims, not as fact.',
    media: 'A news organisation: its reports are shown as reporting, with claims labelled.',
    whose: 'Whose position? Try `/position actor:Rutte` and pick a name from the list.',
    about: (name: string, heading: string) => `About ${name}: ${heading}`,
    inTimeline: 'In the timeline',
    alsoWritten: (aliases: string) => `Also written: ${aliases}`,
    note: (note: string) => `*Note:* ${note}`,
    noPositionOn: (topic: string) => `No stated position on ${topic} in this briefing.`,
    noPositions: 'No stated positions of their own in this briefing.',
    topic: (topic: string) => `Topic: ${topic}`,
  },

  resolve: {
    several: (typed: string, names: string, first: string) =>
      `Several people in this briefing speak for ${typed}: ${names}. Pick one as you type, e.g. \`actor:${first}\`.`,
    didYouMean: (typed: string, names: string) =>
      `I couldn't find ${typed} in this briefing. Did you mean ${names}? Start typing a name to pick from the list.`,
    notInBriefing: (typed: string, principals: string) =>
      `${typed} is not in this briefing. It follows ${principals} and others. Start typing a name to pick from the list.`,
    noTopicClose: (typed: string, names: string) => `There is no topic ${typed} in this briefing. Did you mean ${names}?`,
    noTopic: (typed: string, names: string) => `There is no topic ${typed} in this briefing. Topics are ${names}.`,
    /** `NATO: Mark Rutte, Secretary General of NATO`: how a name that is not the actor's own was read. */
    readAs: (asked: string, name: string, role: string) => `↳ *${asked}: ${name}, ${role}*`,
    /** Where a name that is no actor's does come up: `/brief`, `/timeline`, `/quotes search:eu`. */
    mentioned: (places: readonly string[]) => `The name does come up in ${listOf(locale, places, 'conjunction')}.`,
    places: { brief: '`/brief`', timeline: '`/timeline`', quotes: (words: string) => `\`/quotes search:${words}\`` },
  },

  quotes: {
    searchWords: 'Search for words: letters or digits, e.g. `search:territory`.',
    searchTooLong: (max: number) => `Keep the search to ${max} characters or fewer.`,
    noOwnQuotes: (name: string, typed: string) => `${name} has no quotes of their own here; \`/position actor:${typed}\` shows what others say about them.`,
    tryFewer: 'Try fewer filters.',
    none: (filter: string) => `No quotes${filter ? ` ${filter}` : ''}.`,
    by: (name: string) => `by ${name}`,
    on: (topic: string) => `on ${topic}`,
    matching: (words: string) => `matching ${words}`,
    title: 'Key quotes',
    description: (quotes: number, filter: string) => `${count(quotes, 'quote', 'quotes')}${filter ? ` ${filter}` : ''}, newest first.`,
    legend:
      "*(translation)*: translated from another language; *(the report's rendering…)*: English words rendered back from a translation; claims and commentary are labelled.",
  },

  timeline: {
    notADate: (typed: string, option: 'from' | 'to') => `${typed} is not a date I can read. Write it like 25 Nov, 25 Nov 2025 or 2025-11-25, e.g. \`/timeline ${option}:25 Nov\`.`,
    backwards: (from: string, to: string, fromId: string, toId: string) =>
      `The range starts after it ends (${from} to ${to}). Try \`/timeline from:${toId} to:${fromId}\`.`,
    range: (from: string | undefined, to: string | undefined) => [from && `from ${from}`, to && `${from ? 'to' : 'up to'} ${to}`].filter(Boolean).join(' '),
    noEvents: (range: string, first: string, last: string) => `No events${range ? ` ${range}` : ''}. The timeline runs from ${first} to ${last}.`,
    title: (story: string) => `Timeline: ${story}`,
    description: (events: number, range: string) => `${count(events, 'event', 'events')}${range ? ` ${range}` : ''}, oldest first.`,
    legend: 'Events without a label happened; *(reported)*, *(planned)* and *(expected)* mark the rest, and say so when their day has passed.',
    events: (events: number) => count(events, 'event', 'events'),
  },

  recap: {
    quiet: (since: string) => `No new developments since the last recap (${since}).`,
    positionOn: (actor: string, topic: string) => `${actor} on ${topic}:`,
    corrections: 'Corrections',
    since: (date: string) => `Since ${date}`,
    newPositions: 'New positions',
    changedPositions: 'Changed positions',
    newQuote: (heading: string) => `New quote: ${heading}`,
    newEvents: 'New on the timeline',
    title: (story: string) => `${story}: what's new`,
    changesSince: (date: string) => `Changes since the edition of ${date}.`,
    footer: (date: string) => `Recap · edition of ${date}`,
    correction: (date: string) => `Correction (${date})`,
    withdrawn: (date: string) => `Withdrawn: the editors withdrew the edition of ${date}; \`/brief\` shows the current briefing.`,
    sinceEdition: (edition: string, previous: string) => `Edition of ${edition}, since ${previous}`,
    outOfDate: 'This recap is out of date; `/brief` shows the current briefing.',
  },
  /** What is wrong with a schedule as typed: the schedule words themselves are English in every language. */
  schedule: {
    help: (hourly: boolean) => `Try \`daily 08:00\`, \`daily 8am\`, \`weekdays 7:30am\`, \`twice daily 08:00 20:00\`, \`weekly monday 9am\`, ${hourly ? '`hourly`, ' : ''}\`on new edition\`, or a cron expression like \`0 8 * * 1-5\`.`,
    halfDayHours: (text: string) => `"${text}" is not a time of day: with am or pm, hours run 1–12, e.g. \`8am\`.`,
    clockHours: (text: string) => `"${text}" is not a time of day: hours run 0–23 and minutes 0–59, e.g. \`daily 08:00\`.`,
    needsTime: (kind: string, typed: string) => `"${kind}" needs a time like 08:00 or 8am, not "${typed}".`,
    sameMinutes: (typed: string) => `"${typed}": twice daily takes two times with the same minutes, like \`twice daily 08:00 20:00\`.`,
    notADay: (typed: string, day: string) => `"${typed}": "${day}" is not a day of the week, e.g. \`weekly monday 09:00\`.`,
    unreadable: (typed: string) => `I can't read "${typed}" as a schedule.`,
  },
  admin: {
    guildOnly: 'That works only in a server channel, not in direct messages.',
    botNotInGuild: 'That works only in a server that has added the bot, and this one has not.',
    manageServer: 'Managing recaps needs the **Manage Server** permission.',
    /** Discord's own names of the permissions, as its channel settings show them. */
    permissionNames: {
      'View Channel': 'View Channel',
      'Send Messages': 'Send Messages',
      'Embed Links': 'Embed Links',
      'Create Posts': 'Create Posts',
      'Send Messages in Posts': 'Send Messages in Posts',
      'Create Public Threads': 'Create Public Threads',
    },
    missingPermissions: (channel: string, missing: readonly string[]) =>
      `I can't post recaps in ${channel} yet: I'm missing **${missing.join('**, **')}** there. ` +
      `Grant ${missing.length === 1 ? 'it' : 'them'} to the bot (channel settings → Permissions) and run the command again.`,
    /** `zone`: none for a recap on new editions, which has no time of day. */
    subscribed: (id: number, channel: string, schedule: string, zone: string | undefined, changed: boolean) =>
      `Recap **#${id}** ${changed ? 'changed' : 'set up'}: ${channel}, ${schedule}${zone ? ` in ${zone}` : ''}.`,
    zoneNeeded: (examples: string) =>
      `A schedule with a time of day needs a time zone: add \`timezone:\`, e.g. ${examples}. The option suggests zones as you type; a city or a country with one time zone works too.`,
    sameMinute: (channel: string, id: number, when: string, zone: string) =>
      `Recap #${id} already posts in ${channel} at that minute (next at the same time: ${when}, ${zone}), so one of them would only repeat the other. Pick another time, or change #${id} with \`/recap edit\`.`,
    notARecapChannel: (channel: string) => `${channel} is not a channel recaps can be posted in: pick a text, announcement or forum channel.`,
    tagNotForum: (channel: string) => `The tag option is for forum channels, and ${channel} is not one.`,
    noTags: (channel: string) => `${channel} has no tags; leave the tag option out.`,
    noSuchTag: (channel: string, typed: string, tags: readonly string[]) => `${channel} has no tag "${typed}". Its tags: ${tags.join(', ')}.`,
    threadInForum: "In a forum every recap goes into the story's post; the thread option is for text and announcement channels.",
    publishNotAnnouncement: (channel: string) => `Only recaps in an announcement channel can be published, and ${channel} is not one.`,
    opensPost: (tag: string | undefined) => `The first recap opens a post for the story${tag ? ` tagged ${tag}` : ''}; later ones continue it.`,
    continuesPost: (post: string, tag: string | undefined) => `Recaps continue the story's post ${post}${tag ? ` tagged ${tag}` : ''}.`,
    threadPerRecap: 'Each recap starts a thread of its own.',
    publishes: 'Each recap is published to the servers following the channel.',
    language: (name: string) => `Language: ${name}.`,
    /** The languages a recap can be posted in, named in the reader's language. */
    languageNames: { en: 'English', de: 'German', fr: 'French' } as Record<Locale, string>,
    publishFailed: (reason: string) => `⚠️ **Last publish failed**: ${reason}`,
    onNewEdition: 'It posts once each time editors publish a new edition, with what changed.',
    nextRuns: (zone: string) => `Next runs (${zone}):`,
    firstIsSummary: 'The first recap is the full summary; after that, only what changed since the last one.',
    deliveries: { claimed: 'posting now', delivered: 'delivered', skipped: 'skipped (nothing new)', failed: 'failed', missed: 'missed (the bot was down)' },
    noneYet: 'This server has no recaps yet. Set one up with `/recap subscribe`.',
    byOperator: 'set by the operator',
    paused: (reason: string) => `⏸ **Paused**: ${reason}`,
    byAdmin: 'by an admin',
    pausedBy: (admin: string) => `by ${admin}`,
    nextOnEdition: 'Next: when a new edition is published',
    next: (when: string) => `Next: ${when}`,
    last: (what: string) => `Last: ${what}`,
    lastNone: 'Last: none yet',
    recap: (id: number) => `Recap #${id}`,
    listTitle: 'Recaps in this server',
    listFooter: 'Manage with /recap pause, resume, remove, now',
    noRecap: (id: string) => `There is no recap #${id} in this server. \`/recap list\` shows them.`,
    zoneNow: (zone: string, offset: string) => `${zone} (now UTC${offset})`,
    notTimeZone: (typed: string, close: string | undefined) =>
      `"${typed}" is not a time zone name I can schedule in. Use an IANA name${close ? `, e.g. ${close}` : ' like `Europe/Zurich`'}; the option suggests them as you type.`,
    tooOften: (schedule: string) =>
      `"${schedule}" runs every hour or more often. Hourly recaps are for the bot's operator (RECAP_SCHEDULE); here, try \`twice daily 08:00 20:00\` or \`daily 08:00\`.`,
    limit: (count: number) => `This server already has ${count} recaps, the most allowed. Remove one with \`/recap remove\` first.`,
    duplicate: (channel: string, id: number) => `${channel} already gets this recap (#${id}).`,
    duplicateEdit: (channel: string, schedule: string, zone: string) => `${channel} already gets a recap on ${schedule} in ${zone}.`,
    operatorEdit: (id: number) => `Recap #${id} is set by the bot's operator (RECAP_SCHEDULE); the operator can change it.`,
    operatorRemove: (id: number) => `Recap #${id} is set by the bot's operator (RECAP_CHANNEL_IDS); you can pause it, and the operator can remove it.`,
    alreadyPaused: (id: number) => `Recap #${id} is already paused.`,
    notPaused: (id: number) => `Recap #${id} is not paused.`,
    managed: (id: number, channel: string, action: 'remove' | 'pause' | 'resume') =>
      `Recap #${id} in ${channel} ${{ remove: 'removed', pause: 'paused', resume: 'resumed' }[action]}.`,
    nextRun: (when: string, zone: string) => `Next run: ${when} (${zone}).`,
    postsOnEdition: 'It posts when a new edition is published.',
    isPaused: (id: number, reason: string) => `Recap #${id} is paused (${reason}). Resume it first.`,
    beingPosted: 'That recap is already being posted.',
    posted: (channel: string, link: string) => `Posted in ${channel}: ${link}`,
    skipped: 'Nothing new since the last recap, and this recap skips quiet days, so nothing was posted.',
    couldNotPost: (channel: string, reason: string) => `Could not post in ${channel}: ${reason}`,
    pausedUntilFixed: 'The recap is paused until this is fixed; then use `/recap resume`.',
    pausedTag: 'paused',
  },
  report: {
    title: 'Report a problem in this briefing',
    whatLabel: 'What is wrong?',
    whatDescription: 'A wrong quote, speaker, date, a claim shown as fact… The editors read every report.',
    whatPlaceholder: 'The quote of 3 Dec is dated wrong: the interview was on 24 Nov.',
    sourceLabel: 'Source (optional)',
    sourceDescription: 'A link to a report that shows what is right.',
    thanks: 'Thank you. Your report went to the editors with the reply you saw; corrections appear in `/corrections`.',
    limited: (count: number) => `You have sent ${count} reports in the last hour, the most I take. Please send this one later.`,
    badSource: 'The source must be a web address starting with https:// or http://. Nothing was sent; press the button again to retry.',
    tooShort: 'Please say in a few words what is wrong. Nothing was sent.',
    notKept: 'Reports are not kept here (this is not the running bot). Nothing was sent.',
  },
};

export type Messages = typeof en;
/** A permission the bot may lack, by the English name Discord's channel settings show for it. */
export type PermissionName = keyof Messages['admin']['permissionNames'];
