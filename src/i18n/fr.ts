// French: the same keys as English (src/i18n/en.ts), in the register of a news service, with French
// punctuation (a space before : ; ? and inside « »). Command and option names in examples are the French
// ones Discord shows (frCommands, below).
import type { CommandTranslations } from './commands.js';
import type { Messages } from './en.js';
import { countOf, daysAgo, listOf } from './intl.js';
import type { Locale } from './locale.js';

const locale: Locale = 'fr';
const count = (n: number, one: string, other: string) => countOf(locale, n, { one, other });
/** `de Mark Rutte`, `d'Emmanuel Macron`. */
const of = (name: string) => (/^[aeiouyàâéèêîôû]/i.test(name) ? `d'${name}` : `de ${name}`);

export const fr: Messages = {
  locale,
  quote: (text) => `« ${text} »`,
  orList: (items) => listOf(locale, items, 'disjunction'),
  andList: (items) => listOf(locale, items, 'conjunction'),
  labelled: (label, text) => `${label} : ${text}`,

  shell: {
    apology: (reference) => `Désolé, une erreur s'est produite de mon côté en répondant. Référence : \`${reference}\`.`,
    notMine: "Ce bouton n'est pas l'un des miens.",
    unknown: "Je ne connais plus cette commande ou ce bouton. Essayez `/synthèse`, ou tapez `/` pour voir ce que je sais faire.",
    wrongOption: (option) =>
      `L'option \`${option}\` manque ou contient une valeur que Discord n'envoie pas pour elle. Retapez la commande et choisissez ce qu'elle demande dans la liste de Discord.`,
    unknownSubcommand: (command) => `${command} n'a pas de telle sous-commande. Retapez \`${command}\` et choisissez-en une dans la liste de Discord.`,
  },
  page: {
    label: (page, pageCount) => `Page ${page}/${pageCount}`,
    previous: '◀ Précédent',
    next: 'Suivant ▶',
    continued: '(suite)',
    sourcesOnThisPage: 'Sources de cette page',
    moreSources: (count) => `… et ${count} autres : voir Sources`,
    sourcesButton: 'Sources',
    readTheSource: 'Lire la source',
    reportButton: 'Signaler une erreur',
    noSuchPage: (pageCount, page) => `Cette réponse compte ${pageCount === 1 ? 'une page' : `${pageCount} pages`} ; il n'y a pas de page ${page}.`,
  },

  item: {
    briefingFooter: (date) => `Briefing, édition du ${date}`,
    claim: '⚠️ Affirmation non vérifiée',
    commentary: '💬 Commentaire',
    readIn: (publisher) => `lu dans ${publisher}`,
    translated: '(traduction)',
    backTranslated: '(formulation du compte rendu ; les mots anglais exacts peuvent différer)',
    quoteKinds: { statement: 'déclaration', interview: 'entretien', 'social-post': 'publication sur les réseaux sociaux', 'press-briefing': 'propos devant la presse' },
    reported: (date) => `rapporté le ${date}`,
    superseded: (date) => `Remplacé dans l'édition du ${date} :`,
    corrected: (date) => `Corrigé le ${date}`,
    correctedNote: (date) => `*Corrigé le ${date} :*`,
    correctedAbove: (date) => `*Corrigé le ${date}* (voir plus haut)`,
    translation: (note) => `Traduction : ${note}`,
    alsoRendered: (words, publisher) => `Aussi rendu par « ${words} » (${publisher})`,
    context: (text) => `Contexte : ${text}`,
    source: (citation) => `Source : ${citation}`,
    earlier: (date, stance) => `Auparavant (${date}) : « ${stance} »`,
    eventStatus: { reported: '(rapporté)', planned: '(prévu)', expected: '(attendu)' },
    overdue: (status, when, reportedLater) =>
      `(${status === 'planned' ? 'était prévu' : 'était attendu'} pour le ${when}${reportedLater ? '' : ' ; aucun compte rendu ultérieur dans ce briefing'})`,
    olderEdition: (shown, newest) => `📜 *Édition du ${shown} ; la plus récente date du ${newest}.*`,
    stale: (date, days) => `⏳ *Dernière mise à jour le ${date}, ${daysAgo(locale, days)} : les développements ultérieurs ne figurent pas dans ce briefing.*`,
  },

  edition: {
    noneBy: (date) => `Au ${date}, aucune édition de ce briefing n'était encore publiée.`,
    notYet: (id) => `L'édition du ${id} n'était pas encore publiée à ce moment-là.`,
    unknown: (id) => `Il n'existe pas d'édition ${id}.`,
    listed: (ids) => `Éditions : ${ids.join(', ')}.`,
    newest: 'la plus récente',
  },

  brief: {
    sections: {
      since: 'Depuis la dernière édition',
      tldr: 'En bref',
      'key-points': 'Points clés',
      'whats-next': 'La suite',
      'open-questions': 'Questions ouvertes',
    },
    tldrLead: '**En bref :**',
    since: (date) => `Depuis le ${date}`,
    corrections: 'Corrections',
    footer: (date, publishers) => `Édition du ${date} · Sources : ${publishers.join(' ; ')}`,
  },

  sources: {
    types: {
      'wire-report': "Dépêches d'agence",
      'news-report': 'Articles de presse',
      'official-statement': 'Déclarations officielles',
      'social-post': 'Publications sur les réseaux sociaux',
      commentary: 'Commentaires',
      poll: 'Sondages',
    },
    by: (author) => `Par ${author}`,
    readIn: (publisher) => `Lu dans : ${publisher}`,
    citedBy: (quotes, positions) =>
      `Source de ${[quotes && count(quotes, 'citation', 'citations'), positions && count(positions, 'position', 'positions')].filter(Boolean).join(' et ')}`,
    notCited: "Aucune citation ni position ne s'y réfère directement",
    title: 'Sources',
    description: (sources) =>
      `${count(sources, 'source', 'sources')}, par type. « Lu dans » indique le compte rendu dans lequel une publication ou une déclaration a été lue.`,
    forReply: () => 'Sources de cette réponse',
    forRecap: 'Sources de ce récapitulatif',
  },

  corrections: {
    none: "Aucune correction n'a été publiée dans ce briefing.",
    title: 'Corrections',
    description: (corrections) =>
      `${count(corrections, 'correction', 'corrections')}, la plus récente d'abord. Chaque élément corrigé le signale là où il apparaît.`,
    wrong: '**Ce qui était faux :**',
    right: '**Ce qui est exact :**',
    quote: (speaker, words) => `Citation : ${speaker}, « ${words} »`,
    position: (actor, topic) => `Position : ${actor} sur ${topic}`,
    event: (title) => `Chronologie : ${title}`,
    source: (publisher, title) => `Source : ${publisher}, « ${title} »`,
    summary: (date) => `Résumé de l'édition du ${date}`,
    unknown: { quote: 'Citation', position: 'Position', event: 'Événement', source: 'Source' },
  },

  position: {
    commentator: 'Commentateur : ses publications sont présentées comme des commentaires ou des affirmations non vérifiées, non comme des faits.',
    media: 'Média : ses articles sont présentés comme des comptes rendus, les affirmations étant signalées.',
    whose: 'La position de qui ? Essayez `/position acteur:Rutte` et choisissez un nom dans la liste.',
    about: (name, heading) => `À propos ${of(name)} : ${heading}`,
    inTimeline: 'Dans la chronologie',
    alsoWritten: (aliases) => `Autres graphies : ${aliases}`,
    note: (note) => `*Remarque :* ${note}`,
    noPositionOn: (topic) => `Aucune position déclarée sur ${topic} dans ce briefing.`,
    noPositions: 'Aucune position propre déclarée dans ce briefing.',
    topic: (topic) => `Sujet : ${topic}`,
  },

  resolve: {
    several: (typed, names, first) =>
      `Plusieurs personnes s'expriment au nom de ${typed} dans ce briefing : ${names}. Choisissez-en une en tapant, par exemple \`acteur:${first}\`.`,
    didYouMean: (typed, names) =>
      `${typed} est introuvable dans ce briefing. Vouliez-vous dire ${names} ? Commencez à taper un nom pour le choisir dans la liste.`,
    notInBriefing: (typed, principals) =>
      `${typed} ne figure pas dans ce briefing, qui suit ${principals} et d'autres. Commencez à taper un nom pour le choisir dans la liste.`,
    noTopicClose: (typed, names) => `Il n'y a pas de sujet ${typed} dans ce briefing. Vouliez-vous dire ${names} ?`,
    noTopic: (typed, names) => `Il n'y a pas de sujet ${typed} dans ce briefing. Les sujets possibles sont ${names}.`,
    readAs: (asked, name, role) => `↳ *${asked} : ${name}, ${role}*`,
    mentioned: (places) => `Ce nom apparaît toutefois dans ${listOf(locale, places, 'conjunction')}.`,
    places: { brief: '`/synthèse`', timeline: '`/chronologie`', quotes: (words) => `\`/citations recherche:${words}\`` },
  },

  quotes: {
    searchWords: 'Cherchez des mots : lettres ou chiffres, par exemple `recherche:territory`.',
    searchTooLong: (max) => `La recherche est limitée à ${max} caractères.`,
    noOwnQuotes: (name, typed) => `${name} n'a pas de citations propres ici ; \`/position acteur:${typed}\` montre ce que d'autres en disent.`,
    tryFewer: 'Essayez avec moins de filtres.',
    none: (filter) => `Aucune citation${filter ? ` ${filter}` : ''}.`,
    by: (name) => of(name),
    on: (topic) => `sur ${topic}`,
    matching: (words) => `contenant ${words}`,
    title: 'Citations clés',
    description: (quotes, filter) => `${count(quotes, 'citation', 'citations')}${filter ? ` ${filter}` : ''}, les plus récentes d'abord.`,
    legend:
      "*(traduction)* : traduit d'une autre langue ; *(formulation du compte rendu…)* : mots anglais retraduits à partir d'une traduction ; les affirmations et les commentaires sont signalés.",
  },

  timeline: {
    notADate: (typed, option) =>
      `${typed} n'est pas une date que je sais lire. Écrivez-la par exemple 25 nov., 25 nov. 2025 ou 2025-11-25, comme dans \`/chronologie ${option === 'from' ? 'du' : 'au'}:25 nov.\`.`,
    backwards: (from, to, fromId, toId) =>
      `La période commence après sa fin (du ${from} au ${to}). Essayez \`/chronologie du:${toId} au:${fromId}\`.`,
    range: (from, to) => [from && (to ? `du ${from}` : `à partir du ${from}`), to && `${from ? 'au' : "jusqu'au"} ${to}`].filter(Boolean).join(' '),
    noEvents: (range, first, last) => `Aucun événement${range ? ` ${range}` : ''}. La chronologie va du ${first} au ${last}.`,
    title: (story) => `Chronologie : ${story}`,
    description: (events, range) => `${count(events, 'événement', 'événements')}${range ? ` ${range}` : ''}, du plus ancien au plus récent.`,
    legend:
      'Les événements sans mention ont eu lieu ; *(rapporté)*, *(prévu)* et *(attendu)* signalent les autres, et le précisent une fois leur date passée.',
    events: (events) => count(events, 'événement', 'événements'),
  },

  recap: {
    quiet: (since) => `Rien de nouveau depuis le dernier récapitulatif (${since}).`,
    positionOn: (actor, topic) => `${actor} sur ${topic} :`,
    corrections: 'Corrections',
    since: (date) => `Depuis le ${date}`,
    newPositions: 'Nouvelles positions',
    changedPositions: 'Positions modifiées',
    newQuote: (heading) => `Nouvelle citation : ${heading}`,
    newEvents: 'Nouveau dans la chronologie',
    title: (story) => `${story} : les nouveautés`,
    changesSince: (date) => `Changements depuis l'édition du ${date}.`,
    footer: (date) => `Récapitulatif · édition du ${date}`,
    correction: (date) => `Correction (${date})`,
    withdrawn: (date) => `Retirée : la rédaction a retiré l'édition du ${date} ; \`/synthèse\` montre le briefing actuel.`,
    sinceEdition: (edition, previous) => `Édition du ${edition}, depuis le ${previous}`,
    outOfDate: 'Ce récapitulatif est dépassé ; `/synthèse` montre le briefing actuel.',
  },
  schedule: {
    help: (hourly) => `Essayez \`daily 08:00\`, \`daily 8am\`, \`weekdays 7:30am\`, \`twice daily 08:00 20:00\`, \`weekly monday 9am\`, ${hourly ? '`hourly`, ' : ''}\`on new edition\` ou une expression cron comme \`0 8 * * 1-5\`.`,
    halfDayHours: (text) => `« ${text} » n'est pas une heure : avec am ou pm, les heures vont de 1 à 12, par exemple \`8am\`.`,
    clockHours: (text) => `« ${text} » n'est pas une heure : les heures vont de 0 à 23 et les minutes de 0 à 59, par exemple \`daily 08:00\`.`,
    needsTime: (kind, typed) => `« ${kind} » demande une heure comme 08:00 ou 8am, pas « ${typed} ».`,
    sameMinutes: (typed) => `« ${typed} » : twice daily demande deux heures avec les mêmes minutes, comme \`twice daily 08:00 20:00\`.`,
    notADay: (typed, day) => `« ${typed} » : « ${day} » n'est pas un jour de la semaine (en anglais), par exemple \`weekly monday 09:00\`.`,
    unreadable: (typed) => `Je ne peux pas lire « ${typed} » comme un horaire.`,
  },
  admin: {
    guildOnly: 'Cela ne fonctionne que dans un salon de serveur, pas en message privé.',
    botNotInGuild: "Cela ne fonctionne que sur un serveur qui a ajouté le bot, ce qui n'est pas le cas de celui-ci.",
    manageServer: "La gestion des récapitulatifs nécessite l'autorisation **Gérer le serveur**.",
    permissionNames: {
      'View Channel': 'Voir le salon',
      'Send Messages': 'Envoyer des messages',
      'Embed Links': 'Intégrer des liens',
      'Create Posts': 'Créer des posts',
      'Send Messages in Posts': 'Envoyer des messages dans les posts',
      'Create Public Threads': 'Créer des fils publics',
    },
    missingPermissions: (channel, missing) =>
      `Je ne peux pas encore publier de récapitulatifs dans ${channel} : il me manque **${missing.join('**, **')}** dans ce salon. ` +
      `Accordez ${missing.length === 1 ? 'cette autorisation' : 'ces autorisations'} au bot (paramètres du salon → Permissions), puis relancez la commande.`,
    subscribed: (id, channel, schedule, zone, changed) =>
      `Récapitulatif **#${id}** ${changed ? 'modifié' : 'créé'} : ${channel}, ${schedule}${zone ? ` dans le fuseau ${zone}` : ''}.`,
    zoneNeeded: (examples) =>
      `Un horaire à heure fixe a besoin d'un fuseau horaire : ajoutez \`fuseau:\`, par exemple ${examples}. L'option propose des fuseaux pendant la saisie ; une ville ou un pays à fuseau unique convient aussi.`,
    sameMinute: (channel, id, when, zone) =>
      `Le récapitulatif #${id} paraît déjà dans ${channel} à cette minute (prochaine fois en même temps : ${when}, ${zone}) : l'un ne ferait que répéter l'autre. Choisissez une autre heure, ou modifiez le #${id} avec \`/récapitulatif modifier\`.`,
    notARecapChannel: (channel) => `${channel} ne peut pas recevoir de récapitulatifs : choisissez un salon textuel, d'annonces ou de forum.`,
    tagNotForum: (channel) => `L'option tag est réservée aux salons de forum, et ${channel} n'en est pas un.`,
    noTags: (channel) => `${channel} n'a aucun tag ; laissez l'option tag de côté.`,
    noSuchTag: (channel, typed, tags) => `${channel} n'a pas de tag « ${typed} ». Ses tags : ${tags.join(', ')}.`,
    threadInForum: "Dans un forum, chaque récapitulatif paraît dans le post consacré au sujet ; l'option fil est réservée aux salons textuels et d'annonces.",
    publishNotAnnouncement: (channel) => `Seuls les récapitulatifs d'un salon d'annonces peuvent être diffusés, et ${channel} n'en est pas un.`,
    opensPost: (tag) => `Le premier récapitulatif ouvre un post consacré au sujet${tag ? `, avec le tag ${tag}` : ''} ; les suivants le prolongent.`,
    continuesPost: (post, tag) => `Les récapitulatifs prolongent le post consacré au sujet, ${post}${tag ? `, avec le tag ${tag}` : ''}.`,
    threadPerRecap: 'Chaque récapitulatif ouvre son propre fil.',
    publishes: 'Chaque récapitulatif est diffusé aux serveurs qui suivent le salon.',
    language: (name) => `Langue : ${name}.`,
    languageNames: { en: 'anglais', de: 'allemand', fr: 'français' },
    publishFailed: (reason) => `⚠️ **Échec de la dernière diffusion** : ${reason}`,
    onNewEdition: 'Il est publié à chaque nouvelle édition de la rédaction, avec ce qui a changé.',
    nextRuns: (zone) => `Prochaines publications (${zone}) :`,
    firstIsSummary: "Le premier récapitulatif est la synthèse complète ; ensuite, seulement ce qui a changé depuis le précédent.",
    deliveries: { claimed: 'publication en cours', delivered: 'publié', skipped: 'omis (rien de nouveau)', failed: 'échec', missed: 'manqué (le bot était hors ligne)' },
    noneYet: "Ce serveur n'a pas encore de récapitulatif. Créez-en un avec `/récapitulatif abonner`.",
    byOperator: "défini par l'exploitant",
    paused: (reason) => `⏸ **Suspendu** : ${reason}`,
    byAdmin: 'par un administrateur',
    pausedBy: (admin) => `par ${admin}`,
    nextOnEdition: 'Prochain : à la prochaine édition',
    next: (when) => `Prochain : ${when}`,
    last: (what) => `Dernier : ${what}`,
    lastNone: 'Dernier : aucun pour le moment',
    recap: (id) => `Récapitulatif #${id}`,
    listTitle: 'Récapitulatifs de ce serveur',
    listFooter: 'Gérer avec /récapitulatif suspendre, reprendre, supprimer, maintenant',
    noRecap: (id) => `Il n'y a pas de récapitulatif #${id} sur ce serveur. \`/récapitulatif liste\` les affiche.`,
    zoneNow: (zone, offset) => `${zone} (actuellement UTC${offset})`,
    notTimeZone: (typed, close) =>
      `« ${typed} » n'est pas un fuseau horaire que je peux utiliser. Indiquez un nom IANA${close ? `, par exemple ${close}` : ' comme `Europe/Zurich`'} ; l'option en propose pendant la saisie.`,
    tooOften: (schedule) =>
      `« ${schedule} » revient toutes les heures ou plus souvent. Les récapitulatifs horaires sont réservés à l'exploitant du bot (RECAP_SCHEDULE) ; essayez ici \`twice daily 08:00 20:00\` ou \`daily 08:00\`.`,
    limit: (count) => `Ce serveur a déjà ${count} récapitulatifs, le maximum autorisé. Supprimez-en d'abord un avec \`/récapitulatif supprimer\`.`,
    duplicate: (channel, id) => `${channel} reçoit déjà ce récapitulatif (#${id}).`,
    duplicateEdit: (channel, schedule, zone) => `${channel} reçoit déjà un récapitulatif ${schedule} dans le fuseau ${zone}.`,
    operatorEdit: (id) => `Le récapitulatif #${id} est défini par l'exploitant du bot (RECAP_SCHEDULE) ; lui seul peut le modifier.`,
    operatorRemove: (id) => `Le récapitulatif #${id} est défini par l'exploitant du bot (RECAP_CHANNEL_IDS) ; vous pouvez le suspendre, mais seul l'exploitant peut le supprimer.`,
    alreadyPaused: (id) => `Le récapitulatif #${id} est déjà suspendu.`,
    notPaused: (id) => `Le récapitulatif #${id} n'est pas suspendu.`,
    managed: (id, channel, action) => `Récapitulatif #${id} dans ${channel} ${{ remove: 'supprimé', pause: 'suspendu', resume: 'repris' }[action]}.`,
    nextRun: (when, zone) => `Prochaine publication : ${when} (${zone}).`,
    postsOnEdition: 'Il sera publié à la prochaine édition.',
    isPaused: (id, reason) => `Le récapitulatif #${id} est suspendu (${reason}). Reprenez-le d'abord.`,
    beingPosted: 'Ce récapitulatif est déjà en cours de publication.',
    posted: (channel, link) => `Publié dans ${channel} : ${link}`,
    skipped: "Rien de nouveau depuis le dernier récapitulatif, et celui-ci saute les jours calmes : rien n'a été publié.",
    couldNotPost: (channel, reason) => `Impossible de publier dans ${channel} : ${reason}`,
    pausedUntilFixed: 'Le récapitulatif est suspendu en attendant ; utilisez ensuite `/récapitulatif reprendre`.',
    pausedTag: 'suspendu',
  },
  report: {
    title: 'Signaler une erreur dans le briefing',
    whatLabel: 'Qu’est-ce qui est faux ?',
    whatDescription: 'Citation, date ou orateur erronés, affirmation donnée pour un fait… La rédaction lit tout.',
    whatPlaceholder: 'La citation du 3 déc. est mal datée : l’entretien date du 24 nov.',
    sourceLabel: 'Source (facultatif)',
    sourceDescription: 'Un lien vers un article qui montre ce qui est juste.',
    thanks: 'Merci. Votre signalement est parti à la rédaction avec la réponse que vous avez vue ; les corrections figurent dans `/corrections`.',
    limited: (count: number) => `Vous avez envoyé ${count} signalements dans l’heure, le maximum que j’accepte. Merci d’envoyer celui-ci plus tard.`,
    badSource: 'La source doit être une adresse web commençant par https:// ou http://. Rien n’a été envoyé ; appuyez de nouveau sur le bouton.',
    tooShort: 'Dites en quelques mots ce qui est faux. Rien n’a été envoyé.',
    notKept: 'Les signalements ne sont pas conservés ici (ce n’est pas le bot en service). Rien n’a été envoyé.',
  },
};

/** What Discord shows of the commands in French (src/i18n/commands.ts applies it). */
export const frCommands: CommandTranslations = {
  paths: {
    brief: { name: 'synthèse', description: 'Le point sur le dossier : résumé, points clés, la suite, questions ouvertes' },
    'brief.section': { name: 'rubrique', description: 'Afficher une seule rubrique du briefing' },
    edition: { name: 'édition', description: 'Une édition antérieure, AAAA-MM-JJ (par défaut : la plus récente)' },
    position: { name: 'position', description: "Ce qu'une personne ou un groupe a dit et défend, avec les sources" },
    'position.actor': { name: 'acteur', description: 'Nom, par exemple Rutte, Zelensky ou Leavitt' },
    'position.topic': { name: 'sujet', description: 'Seulement ce sujet, par exemple territory' },
    quotes: { name: 'citations', description: 'Citations clés, textuelles et sourcées ; filtre par auteur, sujet ou mots' },
    'quotes.actor': { name: 'acteur', description: "Qui l'a dit, par exemple Leavitt" },
    'quotes.topic': { name: 'sujet', description: 'De quoi il est question, par exemple territory' },
    'quotes.search': { name: 'recherche', description: 'Mots de la citation, de son contexte ou de ses sujets' },
    timeline: { name: 'chronologie', description: "Ce qui s'est passé et quand, ce qui est attendu ensuite, avec les sources" },
    'timeline.from': { name: 'du', description: 'Premier jour, AAAA-MM-JJ, par exemple 2025-11-25' },
    'timeline.to': { name: 'au', description: 'Dernier jour, AAAA-MM-JJ, par exemple 2025-12-07' },
    sources: { name: 'sources', description: 'Toutes les sources de ce briefing, et ce qui cite chacune' },
    corrections: { name: 'corrections', description: "Ce que le briefing a rapporté à tort et corrigé, le plus récent d'abord" },
    recap: { name: 'récapitulatif', description: 'Récapitulatifs programmés du dossier, publiés dans un salon' },
    'recap.subscribe': { name: 'abonner', description: 'Publier un récapitulatif dans un salon selon un horaire' },
    'recap.subscribe.channel': { name: 'salon', description: "Où publier : un salon textuel, d'annonces ou de forum" },
    'recap.subscribe.schedule': { name: 'horaire', description: 'daily 8am, weekdays 07:30, twice daily 08:00 20:00, weekly monday 9am, on new edition ou cron' },
    'recap.subscribe.timezone': { name: 'fuseau', description: "Fuseau horaire de l'horaire, par exemple Europe/Zurich" },
    'recap.when-quiet': { name: 'si-calme', description: "Si rien n'a changé depuis le dernier (par défaut : une note d'une ligne)" },
    'recap.tag': { name: 'tag', description: 'Forums : le tag du post consacré au sujet (tapez pour choisir)' },
    'recap.thread': { name: 'fil', description: "Salons textuels et d'annonces : ouvrir un fil à chaque récapitulatif" },
    'recap.publish': { name: 'diffuser', description: "Salons d'annonces : diffuser chaque récapitulatif aux serveurs qui suivent le salon" },
    'recap.language': { name: 'langue', description: 'Langue du récapitulatif (par défaut : celle du serveur, sinon anglais)' },
    'recap.list': { name: 'liste', description: 'Récapitulatifs de ce serveur : horaire, prochaine publication, dernier envoi' },
    'recap.remove': { name: 'supprimer', description: 'Arrêter et supprimer un récapitulatif' },
    'recap.subscription': { name: 'numéro', description: 'Quel récapitulatif (tapez pour choisir)' },
    'recap.edit': { name: 'modifier', description: 'Modifier horaire, fuseau, jours calmes ou mode de publication, en gardant numéro et historique' },
    'recap.edit.schedule': { name: 'horaire', description: 'daily 8am, weekdays 07:30, on new edition… (en anglais)' },
    'recap.edit.timezone': { name: 'fuseau', description: 'Fuseau horaire, par exemple Europe/Zurich' },
    'recap.pause': { name: 'suspendre', description: 'Suspendre un récapitulatif' },
    'recap.resume': { name: 'reprendre', description: 'Reprendre un récapitulatif suspendu' },
    'recap.preview': { name: 'aperçu', description: 'Voir en privé le récapitulatif qui serait publié maintenant' },
    'recap.now': { name: 'maintenant', description: 'Publier un récapitulatif maintenant' },
  },
  choices: {
    'brief.section=since': fr.brief.sections.since,
    'brief.section=tldr': fr.brief.sections.tldr,
    'brief.section=key-points': fr.brief.sections['key-points'],
    'brief.section=whats-next': fr.brief.sections['whats-next'],
    'brief.section=open-questions': fr.brief.sections['open-questions'],
    'recap.when-quiet=post': "Publier une note d'une ligne",
    'recap.when-quiet=skip': 'Sauter ce récapitulatif',
    'recap.language=en': 'Anglais',
    'recap.language=de': 'Allemand',
    'recap.language=fr': 'Français',
  },
};
