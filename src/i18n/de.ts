// German: the same keys as English (src/i18n/en.ts), in the register of a news service, addressing the
// reader as "Sie". Command and option names in examples are the German ones Discord shows (deCommands, below).
import type { CommandName, CommandTranslations } from './commands.js';
import type { Messages } from './en.js';
import { countOf, daysAgo, listOf } from './intl.js';
import type { Locale } from './locale.js';

const locale: Locale = 'de';
const count = (n: number, one: string, other: string) => countOf(locale, n, { one, other });

export const de: Messages = {
  locale,
  quote: (text) => `„${text}“`,
  orList: (items) => listOf(locale, items, 'disjunction'),
  andList: (items) => listOf(locale, items, 'conjunction'),
  labelled: (label, text) => `${label}: ${text}`,

  shell: {
    apology: (reference) => `Entschuldigung, bei der Antwort ist auf meiner Seite ein Fehler aufgetreten. Referenz: \`${reference}\`.`,
    notMine: 'Diese Schaltfläche gehört nicht zu mir.',
    unknown: 'Diesen Befehl oder diese Schaltfläche kenne ich nicht mehr. Versuchen Sie `/lage` oder tippen Sie `/`, um zu sehen, was ich kann.',
    wrongOption: (option) =>
      `Die Option \`${deCommands.names[option as CommandName] ?? option}\` fehlt oder enthält einen Wert, den Discord dafür nicht sendet. Geben Sie den Befehl erneut ein und wählen Sie das Verlangte aus der Liste von Discord.`,
  },
  page: {
    label: (page, pageCount) => `Seite ${page}/${pageCount}`,
    previous: '◀ Zurück',
    next: 'Weiter ▶',
    continued: '(Fortsetzung)',
    sourcesOnThisPage: 'Quellen auf dieser Seite',
    moreSources: (count) => `… und ${count} weitere: siehe Quellen`,
    sourcesButton: 'Quellen',
    readTheSource: 'Zur Quelle',
    noSuchPage: (pageCount, page) => `Diese Antwort hat ${pageCount === 1 ? 'eine Seite' : `${pageCount} Seiten`}; eine Seite ${page} gibt es nicht.`,
  },

  item: {
    briefingFooter: (date) => `Briefing, Ausgabe vom ${date}`,
    claim: '⚠️ Unbestätigte Behauptung',
    commentary: '💬 Kommentar',
    readIn: (publisher) => `zitiert nach ${publisher}`,
    translated: '(Übersetzung)',
    backTranslated: '(Wiedergabe des Berichts; der genaue englische Wortlaut kann abweichen)',
    quoteKinds: { statement: 'Erklärung', interview: 'Interview', 'social-post': 'Beitrag in sozialen Medien', 'press-briefing': 'Äußerungen vor Journalisten' },
    reported: (date) => `gemeldet am ${date}`,
    superseded: (date) => `In der Ausgabe vom ${date} ersetzt:`,
    corrected: (date) => `Korrigiert am ${date}`,
    correctedNote: (date) => `*Korrigiert am ${date}:*`,
    correctedAbove: (date) => `*Korrigiert am ${date}* (wie oben)`,
    translation: (note) => `Übersetzung: ${note}`,
    alsoRendered: (words, publisher) => `Auch wiedergegeben als „${words}“ (${publisher})`,
    context: (text) => `Kontext: ${text}`,
    source: (citation) => `Quelle: ${citation}`,
    earlier: (date, stance) => `Zuvor (${date}): „${stance}“`,
    eventStatus: { reported: '(gemeldet)', planned: '(geplant)', expected: '(erwartet)' },
    overdue: (status, when, reportedLater) =>
      `(war für ${when} ${status === 'planned' ? 'geplant' : 'erwartet'}${reportedLater ? '' : '; kein späterer Bericht in diesem Briefing'})`,
    olderEdition: (shown, newest) => `📜 *Ausgabe vom ${shown}; die neueste ist vom ${newest}.*`,
    stale: (date, days) => `⏳ *Zuletzt aktualisiert am ${date}, ${daysAgo(locale, days)}: Spätere Entwicklungen sind in diesem Briefing nicht enthalten.*`,
  },

  edition: {
    noneBy: (date) => `Bis zum ${date} wurde keine Ausgabe dieses Briefings veröffentlicht.`,
    notYet: (id) => `Die Ausgabe vom ${id} war zu diesem Zeitpunkt noch nicht veröffentlicht.`,
    unknown: (id) => `Eine Ausgabe ${id} gibt es nicht.`,
    listed: (ids) => `Ausgaben: ${ids.join(', ')}.`,
    newest: 'neueste',
  },

  brief: {
    sections: {
      since: 'Seit der letzten Ausgabe',
      tldr: 'Kurz gesagt',
      'key-points': 'Das Wichtigste',
      'whats-next': 'Wie es weitergeht',
      'open-questions': 'Offene Fragen',
    },
    tldrLead: '**Kurz gesagt:**',
    since: (date) => `Seit dem ${date}`,
    corrections: 'Korrekturen',
    footer: (date, publishers) => `Ausgabe vom ${date} · Quellen: ${publishers.join('; ')}`,
    noSuchSection: (sections) => `Diesen Abschnitt gibt es nicht. Zur Wahl stehen: ${sections.join(', ')}.`,
  },

  sources: {
    types: {
      'wire-report': 'Agenturmeldungen',
      'news-report': 'Nachrichtenberichte',
      'official-statement': 'Offizielle Erklärungen',
      'social-post': 'Beiträge in sozialen Medien',
      commentary: 'Kommentare',
      poll: 'Umfragen',
    },
    by: (author) => `Von ${author}`,
    readIn: (publisher) => `Zitiert nach: ${publisher}`,
    citedBy: (quotes, positions) =>
      `Quelle für ${[quotes && count(quotes, 'Zitat', 'Zitate'), positions && count(positions, 'Position', 'Positionen')].filter(Boolean).join(' und ')}`,
    notCited: 'Kein Zitat und keine Position stützt sich direkt darauf',
    title: 'Quellen',
    description: (sources) =>
      `${count(sources, 'Quelle', 'Quellen')}, nach Art geordnet. „Zitiert nach“ nennt den Bericht, dem ein Beitrag oder eine Erklärung entnommen ist.`,
    forReply: () => 'Quellen dieser Antwort',
    forRecap: 'Quellen dieser Zusammenfassung',
  },

  corrections: {
    none: 'In diesem Briefing wurden keine Korrekturen veröffentlicht.',
    title: 'Korrekturen',
    description: (corrections) =>
      `${count(corrections, 'Korrektur', 'Korrekturen')}, die neuesten zuerst. Jeder korrigierte Eintrag ist dort, wo er erscheint, als korrigiert gekennzeichnet.`,
    wrong: '**Was falsch war:**',
    right: '**Was richtig ist:**',
    quote: (speaker, words) => `Zitat: ${speaker}, „${words}“`,
    position: (actor, topic) => `Position: ${actor} zum Thema ${topic}`,
    event: (title) => `Chronik: ${title}`,
    source: (publisher, title) => `Quelle: ${publisher}, „${title}“`,
    summary: (date) => `Zusammenfassung der Ausgabe vom ${date}`,
    unknown: { quote: 'Zitat', position: 'Position', event: 'Ereignis', source: 'Quelle' },
  },

  position: {
    commentator: 'Kommentierende Stimme: Beiträge erscheinen als Kommentar oder unbestätigte Behauptung, nicht als Tatsache.',
    media: 'Medium: Berichte erscheinen als Berichterstattung, Behauptungen sind gekennzeichnet.',
    whose: 'Wessen Position? Versuchen Sie `/position akteur:Rutte` und wählen Sie einen Namen aus der Liste.',
    about: (name, heading) => `Über ${name}: ${heading}`,
    inTimeline: 'In der Chronik',
    alsoWritten: (aliases) => `Andere Schreibweisen: ${aliases}`,
    note: (note) => `*Hinweis:* ${note}`,
    noPositionOn: (topic) => `In diesem Briefing keine erklärte Position zum Thema ${topic}.`,
    noPositions: 'In diesem Briefing keine eigenen erklärten Positionen.',
    topic: (topic) => `Thema: ${topic}`,
  },

  resolve: {
    several: (typed, names, first) =>
      `Für ${typed} sprechen in diesem Briefing mehrere Personen: ${names}. Wählen Sie beim Tippen eine aus, z. B. \`akteur:${first}\`.`,
    didYouMean: (typed, names) =>
      `${typed} ist in diesem Briefing nicht zu finden. Meinten Sie ${names}? Beginnen Sie, einen Namen einzugeben, und wählen Sie ihn aus der Liste.`,
    notInBriefing: (typed, principals) =>
      `${typed} kommt in diesem Briefing nicht vor. Es behandelt ${principals} und weitere. Beginnen Sie, einen Namen einzugeben, und wählen Sie ihn aus der Liste.`,
    noTopicClose: (typed, names) => `In diesem Briefing gibt es kein Thema ${typed}. Meinten Sie ${names}?`,
    noTopic: (typed, names) => `In diesem Briefing gibt es kein Thema ${typed}. Zur Wahl stehen ${names}.`,
    readAs: (asked, name, role) => `↳ *${asked}: ${name}, ${role}*`,
    mentioned: (places) => `Der Name kommt aber in ${listOf(locale, places, 'conjunction')} vor.`,
    places: { brief: '`/lage`', timeline: '`/chronik`', quotes: (words) => `\`/zitate suche:${words}\`` },
  },

  quotes: {
    searchWords: 'Suchen Sie nach Wörtern aus Buchstaben oder Ziffern, z. B. `suche:territory`.',
    searchTooLong: (max) => `Die Suche darf höchstens ${max} Zeichen lang sein.`,
    noOwnQuotes: (name, typed) => `Von ${name} gibt es hier keine eigenen Zitate; \`/position akteur:${typed}\` zeigt, was andere darüber sagen.`,
    tryFewer: 'Versuchen Sie es mit weniger Filtern.',
    none: (filter) => `Keine Zitate${filter ? ` ${filter}` : ''}.`,
    by: (name) => `von ${name}`,
    on: (topic) => `zum Thema ${topic}`,
    matching: (words) => `mit ${words}`,
    title: 'Wichtige Zitate',
    description: (quotes, filter) => `${count(quotes, 'Zitat', 'Zitate')}${filter ? ` ${filter}` : ''}, die neuesten zuerst.`,
    legend:
      '*(Übersetzung)*: aus einer anderen Sprache übersetzt; *(Wiedergabe des Berichts …)*: aus einer Übersetzung ins Englische zurückübertragene Worte; Behauptungen und Kommentare sind gekennzeichnet.',
  },

  timeline: {
    notADate: (typed, option) =>
      `${typed} ist kein Datum, das ich lesen kann. Schreiben Sie es etwa als 25. Nov., 25.11.2025 oder 2025-11-25, z. B. \`/chronik ${option === 'from' ? 'von' : 'bis'}:25. Nov.\`.`,
    backwards: (from, to, fromId, toId) => `Der Zeitraum beginnt nach seinem Ende (${from} bis ${to}). Versuchen Sie \`/chronik von:${toId} bis:${fromId}\`.`,
    range: (from, to) => [from && (to ? `vom ${from}` : `ab dem ${from}`), to && `bis zum ${to}`].filter(Boolean).join(' '),
    noEvents: (range, first, last) => `Keine Ereignisse${range ? ` ${range}` : ''}. Die Chronik reicht vom ${first} bis zum ${last}.`,
    title: (story) => `Chronik: ${story}`,
    description: (events, range) => `${count(events, 'Ereignis', 'Ereignisse')}${range ? ` ${range}` : ''}, die ältesten zuerst.`,
    legend:
      'Ereignisse ohne Kennzeichnung haben stattgefunden; *(gemeldet)*, *(geplant)* und *(erwartet)* kennzeichnen die übrigen und sagen es, wenn ihr Tag vorüber ist.',
    events: (events) => count(events, 'Ereignis', 'Ereignisse'),
  },

  recap: {
    quiet: (since) => `Keine neuen Entwicklungen seit der letzten Zusammenfassung (${since}).`,
    positionOn: (actor, topic) => `${actor} zum Thema ${topic}:`,
    corrections: 'Korrekturen',
    since: (date) => `Seit dem ${date}`,
    newPositions: 'Neue Positionen',
    changedPositions: 'Geänderte Positionen',
    newQuote: (heading) => `Neues Zitat: ${heading}`,
    newEvents: 'Neu in der Chronik',
    title: (story) => `${story}: Was neu ist`,
    changesSince: (date) => `Änderungen seit der Ausgabe vom ${date}.`,
    footer: (date) => `Zusammenfassung · Ausgabe vom ${date}`,
    correction: (date) => `Korrektur (${date})`,
    withdrawn: (date) => `Zurückgezogen: Die Redaktion hat die Ausgabe vom ${date} zurückgezogen; \`/lage\` zeigt das aktuelle Briefing.`,
    sinceEdition: (edition, previous) => `Ausgabe vom ${edition}, seit ${previous}`,
    outOfDate: 'Diese Zusammenfassung ist veraltet; `/lage` zeigt das aktuelle Briefing.',
  },
  schedule: {
    help: (hourly) => `Versuchen Sie \`daily 08:00\`, \`daily 8am\`, \`weekdays 7:30am\`, \`twice daily 08:00 20:00\`, \`weekly monday 9am\`, ${hourly ? '`hourly`, ' : ''}\`on new edition\` oder einen Cron-Ausdruck wie \`0 8 * * 1-5\`.`,
    halfDayHours: (text) => `„${text}“ ist keine Uhrzeit: Mit am oder pm reichen die Stunden von 1 bis 12, z. B. \`8am\`.`,
    clockHours: (text) => `„${text}“ ist keine Uhrzeit: Stunden reichen von 0 bis 23, Minuten von 0 bis 59, z. B. \`daily 08:00\`.`,
    needsTime: (kind, typed) => `„${kind}“ braucht eine Uhrzeit wie 08:00 oder 8am, nicht „${typed}“.`,
    sameMinutes: (typed) => `„${typed}“: twice daily braucht zwei Uhrzeiten mit denselben Minuten, etwa \`twice daily 08:00 20:00\`.`,
    notADay: (typed, day) => `„${typed}“: „${day}“ ist kein Wochentag (auf Englisch), z. B. \`weekly monday 09:00\`.`,
    unreadable: (typed) => `„${typed}“ kann ich nicht als Zeitplan lesen.`,
  },
  admin: {
    guildOnly: 'Das funktioniert nur in einem Serverkanal, nicht in Direktnachrichten.',
    botNotInGuild: 'Das funktioniert nur auf einem Server, der den Bot hinzugefügt hat, und dieser hat das nicht.',
    manageServer: 'Zum Verwalten von Zusammenfassungen brauchen Sie die Berechtigung **Server verwalten**.',
    permissionNames: {
      'View Channel': 'Kanal ansehen',
      'Send Messages': 'Nachrichten senden',
      'Embed Links': 'Links einbetten',
      'Create Posts': 'Beiträge erstellen',
      'Send Messages in Posts': 'Nachrichten in Beiträgen senden',
      'Create Public Threads': 'Öffentliche Threads erstellen',
    },
    missingPermissions: (channel, missing) =>
      `Ich kann in ${channel} noch keine Zusammenfassungen posten: Mir ${missing.length === 1 ? 'fehlt' : 'fehlen'} dort **${missing.join('**, **')}**. ` +
      `Erteilen Sie dem Bot ${missing.length === 1 ? 'diese Berechtigung' : 'diese Berechtigungen'} (Kanaleinstellungen → Berechtigungen) und führen Sie den Befehl erneut aus.`,
    subscribed: (id, channel, schedule, zone, changed) =>
      `Zusammenfassung **#${id}** ${changed ? 'geändert' : 'eingerichtet'}: ${channel}, ${schedule}${zone ? ` in ${zone}` : ''}.`,
    zoneNeeded: (examples) =>
      `Ein Zeitplan mit Uhrzeit braucht eine Zeitzone: Fügen Sie \`zeitzone:\` hinzu, z. B. ${examples}. Die Option schlägt beim Tippen Zeitzonen vor; auch eine Stadt oder ein Land mit nur einer Zeitzone geht.`,
    sameMinute: (channel, id, when, zone) =>
      `Zusammenfassung #${id} erscheint in ${channel} bereits zur selben Minute (das nächste Mal gleichzeitig: ${when}, ${zone}); die eine würde nur die andere wiederholen. Wählen Sie eine andere Zeit oder ändern Sie #${id} mit \`/zusammenfassung ändern\`.`,
    notARecapChannel: (channel) => `In ${channel} können keine Zusammenfassungen gepostet werden: Wählen Sie einen Text-, Ankündigungs- oder Forumkanal.`,
    tagNotForum: (channel) => `Die Option Tag gilt für Forumkanäle, und ${channel} ist keiner.`,
    noTags: (channel) => `${channel} hat keine Tags; lassen Sie die Option Tag weg.`,
    noSuchTag: (channel, typed, tags) => `${channel} hat kein Tag „${typed}“. Seine Tags: ${tags.join(', ')}.`,
    threadInForum: 'In einem Forum erscheint jede Zusammenfassung im Beitrag zur Lage; die Option Thread gilt für Text- und Ankündigungskanäle.',
    publishNotAnnouncement: (channel) => `Nur Zusammenfassungen in einem Ankündigungskanal können veröffentlicht werden, und ${channel} ist keiner.`,
    opensPost: (tag) => `Die erste Zusammenfassung eröffnet einen Beitrag zur Lage${tag ? ` mit dem Tag ${tag}` : ''}; die folgenden setzen ihn fort.`,
    continuesPost: (post, tag) => `Die Zusammenfassungen setzen den Beitrag zur Lage ${post}${tag ? ` mit dem Tag ${tag}` : ''} fort.`,
    threadPerRecap: 'Jede Zusammenfassung eröffnet einen eigenen Thread.',
    publishes: 'Jede Zusammenfassung wird an die Server veröffentlicht, die dem Kanal folgen.',
    language: (name) => `Sprache: ${name}.`,
    languageNames: { en: 'Englisch', de: 'Deutsch', fr: 'Französisch' },
    publishFailed: (reason) => `⚠️ **Letzte Veröffentlichung fehlgeschlagen**: ${reason}`,
    onNewEdition: 'Sie erscheint jedes Mal, wenn die Redaktion eine neue Ausgabe veröffentlicht, mit den Änderungen.',
    nextRuns: (zone) => `Nächste Termine (${zone}):`,
    firstIsSummary: 'Die erste Zusammenfassung ist der vollständige Überblick; danach nur, was sich seit der letzten geändert hat.',
    deliveries: { claimed: 'wird gerade gepostet', delivered: 'zugestellt', skipped: 'ausgelassen (nichts Neues)', failed: 'fehlgeschlagen', missed: 'verpasst (der Bot war offline)' },
    noneYet: 'Dieser Server hat noch keine Zusammenfassungen. Richten Sie eine mit `/zusammenfassung abonnieren` ein.',
    byOperator: 'vom Betreiber eingerichtet',
    paused: (reason) => `⏸ **Pausiert**: ${reason}`,
    byAdmin: 'von einem Admin',
    pausedBy: (admin) => `von ${admin}`,
    nextOnEdition: 'Nächste: sobald eine neue Ausgabe erscheint',
    next: (when) => `Nächste: ${when}`,
    last: (what) => `Letzte: ${what}`,
    lastNone: 'Letzte: noch keine',
    recap: (id) => `Zusammenfassung #${id}`,
    listTitle: 'Zusammenfassungen auf diesem Server',
    listFooter: 'Verwalten mit /zusammenfassung pausieren, fortsetzen, entfernen, jetzt',
    noRecap: (id) => `Auf diesem Server gibt es keine Zusammenfassung #${id}. \`/zusammenfassung liste\` zeigt alle.`,
    zoneNow: (zone, offset) => `${zone} (jetzt UTC${offset})`,
    notTimeZone: (typed, close) =>
      `„${typed}“ ist keine Zeitzone, in der ich planen kann. Verwenden Sie einen IANA-Namen${close ? `, z. B. ${close}` : ' wie `Europe/Zurich`'}; die Option schlägt beim Tippen passende vor.`,
    tooOften: (schedule) =>
      `„${schedule}“ läuft stündlich oder öfter. Stündliche Zusammenfassungen sind dem Betreiber des Bots vorbehalten (RECAP_SCHEDULE); versuchen Sie hier \`twice daily 08:00 20:00\` oder \`daily 08:00\`.`,
    limit: (count) => `Dieser Server hat bereits ${count} Zusammenfassungen, die Höchstzahl. Entfernen Sie zuerst eine mit \`/zusammenfassung entfernen\`.`,
    duplicate: (channel, id) => `${channel} erhält diese Zusammenfassung bereits (#${id}).`,
    duplicateEdit: (channel, schedule, zone) => `${channel} erhält bereits eine Zusammenfassung mit ${schedule} in ${zone}.`,
    operatorEdit: (id) => `Zusammenfassung #${id} wurde vom Betreiber des Bots eingerichtet (RECAP_SCHEDULE); nur er kann sie ändern.`,
    operatorRemove: (id) => `Zusammenfassung #${id} wurde vom Betreiber des Bots eingerichtet (RECAP_CHANNEL_IDS); Sie können sie pausieren, entfernen kann sie nur der Betreiber.`,
    alreadyPaused: (id) => `Zusammenfassung #${id} ist bereits pausiert.`,
    notPaused: (id) => `Zusammenfassung #${id} ist nicht pausiert.`,
    managed: (id, channel, action) => `Zusammenfassung #${id} in ${channel} ${{ remove: 'entfernt', pause: 'pausiert', resume: 'fortgesetzt' }[action]}.`,
    nextRun: (when, zone) => `Nächster Termin: ${when} (${zone}).`,
    postsOnEdition: 'Sie erscheint, sobald eine neue Ausgabe veröffentlicht wird.',
    isPaused: (id, reason) => `Zusammenfassung #${id} ist pausiert (${reason}). Setzen Sie sie zuerst fort.`,
    beingPosted: 'Diese Zusammenfassung wird bereits gepostet.',
    posted: (channel, link) => `Gepostet in ${channel}: ${link}`,
    skipped: 'Seit der letzten Zusammenfassung gibt es nichts Neues, und diese lässt ruhige Tage aus; es wurde nichts gepostet.',
    couldNotPost: (channel, reason) => `Posten in ${channel} nicht möglich: ${reason}`,
    pausedUntilFixed: 'Die Zusammenfassung ist pausiert, bis das behoben ist; verwenden Sie dann `/zusammenfassung fortsetzen`.',
    pausedTag: 'pausiert',
    unknownAction: 'Unbekannte Aktion für /zusammenfassung.',
  },
};

/** What Discord shows of the commands in German (src/i18n/commands.ts applies it). */
export const deCommands: CommandTranslations = {
  names: {
    brief: 'lage', section: 'abschnitt', edition: 'ausgabe', position: 'position', actor: 'akteur', topic: 'thema', quotes: 'zitate',
    search: 'suche', timeline: 'chronik', from: 'von', to: 'bis', sources: 'quellen', corrections: 'korrekturen',
    recap: 'zusammenfassung', subscribe: 'abonnieren', channel: 'kanal', schedule: 'zeitplan', timezone: 'zeitzone', 'when-quiet': 'wenn-ruhig',
    list: 'liste', remove: 'entfernen', edit: 'ändern', subscription: 'nummer', pause: 'pausieren', resume: 'fortsetzen', preview: 'vorschau', now: 'jetzt',
    tag: 'tag', thread: 'thread', publish: 'veröffentlichen', language: 'sprache',
  },
  descriptions: {
    'The state of the story: summary, key points, what comes next, open questions': 'Die Lage: Zusammenfassung, das Wichtigste, wie es weitergeht, offene Fragen',
    'Show only one part of the briefing': 'Nur einen Teil des Briefings zeigen',
    'An earlier edition, YYYY-MM-DD (default: the newest)': 'Eine frühere Ausgabe, JJJJ-MM-TT (Standard: die neueste)',
    'What one person or group has said and stands for, with sources': 'Was eine Person oder Gruppe gesagt hat und wofür sie steht, mit Quellen',
    'Name, e.g. Rutte, Zelensky or Leavitt': 'Name, z. B. Rutte, Selensky oder Leavitt',
    'Only this topic, e.g. territory': 'Nur dieses Thema, z. B. territory',
    'Key quotes, verbatim and sourced; filter by speaker, topic or words': 'Wichtige Zitate, wörtlich und belegt; Filter nach Person, Thema oder Wörtern',
    'Who said it, e.g. Leavitt': 'Wer es gesagt hat, z. B. Leavitt',
    'What it is about, e.g. territory': 'Worum es geht, z. B. territory',
    'Words in the quote, its context or its topics': 'Wörter im Zitat, in seinem Kontext oder seinen Themen',
    'What happened when, and what is expected next, with sources': 'Was wann geschah und was als Nächstes erwartet wird, mit Quellen',
    'First day, YYYY-MM-DD, e.g. 2025-11-25': 'Erster Tag, JJJJ-MM-TT, z. B. 2025-11-25',
    'Last day, YYYY-MM-DD, e.g. 2025-12-07': 'Letzter Tag, JJJJ-MM-TT, z. B. 2025-12-07',
    'Every source this briefing rests on, and what cites each': 'Alle Quellen dieses Briefings und was sich auf sie stützt',
    'What the briefing got wrong and has corrected, newest first': 'Was das Briefing falsch hatte und korrigiert hat, neueste zuerst',
    'Scheduled recaps of the story, posted in a channel': 'Geplante Zusammenfassungen der Lage, in einem Kanal gepostet',
    'Post a recap in a channel on a schedule': 'Eine Zusammenfassung nach Zeitplan in einem Kanal posten',
    'Where to post: a text, announcement or forum channel': 'Wo gepostet wird: ein Text-, Ankündigungs- oder Forumkanal',
    'daily 8am, weekdays 07:30, twice daily 08:00 20:00, weekly monday 9am, on new edition, or cron':
      'daily 8am, weekdays 07:30, twice daily 08:00 20:00, weekly monday 9am, on new edition oder Cron',
    'Time zone of the schedule, e.g. Europe/Zurich': 'Zeitzone des Zeitplans, z. B. Europe/Zurich',
    'When nothing changed since the last recap (default: post a one-line note)': 'Wenn sich seit der letzten nichts geändert hat (Standard: einzeiliger Hinweis)',
    "This server's recaps: schedule, next run, last delivery": 'Die Zusammenfassungen dieses Servers: Zeitplan, nächster Termin, letzte Zustellung',
    'Stop and delete a recap': 'Eine Zusammenfassung beenden und löschen',
    'Which recap (start typing to pick)': 'Welche Zusammenfassung (zum Auswählen tippen)',
    "Change a recap's schedule, time zone, quiet days or how it posts, keeping its number and history":
      'Zeitplan, Zeitzone, ruhige Tage oder Art des Postens ändern; Nummer und Verlauf bleiben erhalten',
    'daily 8am, weekdays 07:30, on new edition, ...': 'daily 8am, weekdays 07:30, on new edition, … (auf Englisch)',
    'Time zone, e.g. Europe/Zurich': 'Zeitzone, z. B. Europe/Zurich',
    'Pause a recap': 'Eine Zusammenfassung pausieren',
    'Resume a paused recap': 'Eine pausierte Zusammenfassung fortsetzen',
    'See, privately, the recap that would be posted now': 'Privat ansehen, welche Zusammenfassung jetzt gepostet würde',
    'Post a recap now': 'Eine Zusammenfassung jetzt posten',
    "Forums: the tag of the story's post (start typing to pick)": 'Foren: das Tag des Beitrags zur Lage (zum Auswählen tippen)',
    'Text and announcement channels: start a thread from each recap': 'Text- und Ankündigungskanäle: zu jeder Zusammenfassung einen Thread eröffnen',
    'Announcement channels: publish each recap to the servers following the channel': 'Ankündigungskanäle: jede Zusammenfassung an die Server veröffentlichen, die dem Kanal folgen',
    "The recap's language (default: the server's preferred language, else English)": 'Sprache der Zusammenfassung (Standard: die bevorzugte Sprache des Servers, sonst Englisch)',
  },
  choices: {
    'section=since': de.brief.sections.since,
    'section=tldr': de.brief.sections.tldr,
    'section=key-points': de.brief.sections['key-points'],
    'section=whats-next': de.brief.sections['whats-next'],
    'section=open-questions': de.brief.sections['open-questions'],
    'when-quiet=post': 'Einzeiligen Hinweis posten',
    'when-quiet=skip': 'Diese Zusammenfassung auslassen',
    'language=en': de.admin.languageNames.en,
    'language=de': de.admin.languageNames.de,
    'language=fr': de.admin.languageNames.fr,
  },
};
