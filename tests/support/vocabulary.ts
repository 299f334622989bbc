// Word lists the briefing generator draws from: names with accents and transliterations, places,
// organisations, topics and the words of a peace-talks story.

/** Given names, several with accents or non-English spellings. */
export const GIVEN_NAMES = [
  'Volodymyr', 'Oleksandr', 'Dmytro', 'Jürgen', 'François', 'Zoë', 'Łukasz', 'Søren', 'José', 'Ana',
  'Małgorzata', 'Björn', 'Ivana', 'Nikolai', 'Yulia', 'Sergei', 'Andrzej', 'Hélène', 'Jiří', 'Kateřina',
  'Ömer', 'Ayşe', 'Giorgi', 'Nino', 'Keir', 'Emmanuel', 'Friedrich', 'Giorgia', 'Ursula', 'Kaja',
  'António', 'Viktor', 'Robert', 'Marta', 'Petr', 'Sanna', 'Alexander', 'Karin', 'Mykhailo', 'Iryna',
  'Taras', 'Liubov', 'Anne-Marie', 'Pedro', 'Léa', 'Mateusz', 'Aleksandra', 'Gustav', 'Ingrid', 'Mette',
];

/** Family names; `variants` are the other spellings people search for (transliterations, no accents). */
export const FAMILY_NAMES: readonly { name: string; variants?: readonly string[] }[] = [
  { name: 'Kovalenko' }, { name: 'Shevchenko', variants: ['Schewtschenko', 'Chevtchenko'] },
  { name: 'Müller', variants: ['Mueller', 'Muller'] }, { name: 'Nováková', variants: ['Novakova'] },
  { name: 'Ødegaard', variants: ['Odegaard'] }, { name: 'Çelik', variants: ['Celik'] }, { name: 'Sikorski' },
  { name: 'Wójcik', variants: ['Wojcik'] }, { name: 'Dvořák', variants: ['Dvorak'] }, { name: 'Kuleba' },
  { name: 'Yermak', variants: ['Jermak', 'Iermak'] }, { name: 'Zaluzhnyi', variants: ['Zaluzhny', 'Saluschnyj'] },
  { name: 'Podolyak', variants: ['Podoliak', 'Podoljak'] }, { name: 'Lavrentiev', variants: ['Lawrentjew'] },
  { name: 'Peskarev', variants: ['Peskarew'] }, { name: 'Medvedchuk', variants: ['Medwedtschuk'] },
  { name: 'Tkachenko', variants: ['Tkatschenko'] }, { name: 'Herasymenko', variants: ['Gerasimenko'] },
  { name: 'Sybiha', variants: ['Sibiga'] }, { name: 'Stefanchuk', variants: ['Stefantschuk'] },
  { name: 'Klychko', variants: ['Klitschko'] }, { name: 'Schröder', variants: ['Schroeder'] }, { name: 'Lindqvist' },
  { name: 'Virtanen' }, { name: 'Halvorsen' }, { name: 'Kowalczyk' }, { name: 'Horváth', variants: ['Horvath'] },
  { name: 'Popescu' }, { name: 'Dimitrov', variants: ['Dimitrow'] }, { name: 'Georgiou' }, { name: 'Rossi' },
  { name: 'García', variants: ['Garcia'] }, { name: 'Dupont' }, { name: 'Lefèvre', variants: ['Lefevre'] },
  { name: 'Novak' }, { name: 'Jansen' }, { name: 'de Vries' }, { name: "O'Brien", variants: ['OBrien'] },
  { name: 'Smith' }, { name: 'Kim' }, { name: 'Bondarenko' }, { name: 'Melnyk', variants: ['Melnik'] },
  { name: 'Kravchuk', variants: ['Krawtschuk'] }, { name: 'Hrytsenko', variants: ['Gritsenko'] },
  { name: 'Oliynyk', variants: ['Oleinik'] }, { name: 'Sørensen', variants: ['Sorensen'] },
  { name: 'Þórsdóttir', variants: ['Thorsdottir'] }, { name: 'Nagy' }, { name: 'Yılmaz', variants: ['Yilmaz'] },
  { name: 'Kaczmarek' },
];

export const PLACES = [
  'Ukraine', 'Russia', 'United States', 'Germany', 'France', 'Poland', 'United Kingdom', 'Türkiye', 'Hungary',
  'Finland', 'Estonia', 'Lithuania', 'Latvia', 'Romania', 'Moldova', 'Czechia', 'Slovakia', 'Italy', 'Spain',
  'Netherlands', 'Norway', 'Sweden', 'Denmark', 'Georgia', 'China', 'India', 'Brazil', 'Saudi Arabia', 'Qatar',
];

export const ORGANISATIONS = ['European Union', 'NATO', 'United Nations', 'OSCE', 'G7', 'IAEA', 'Council of Europe'];

export const PERSON_ROLES = [
  'President of {place}', 'Prime Minister of {place}', 'Foreign Minister of {place}', 'Defence Minister of {place}',
  'Government spokesperson, {place}', 'Ambassador of {place} to the United Nations', 'Chief negotiator for {place}',
  'Member of parliament, {place}', 'Head of the presidential office, {place}', 'National security adviser, {place}',
  'Deputy foreign minister of {place}', 'Special envoy of {place} for the talks',
];

export const COMMENTATOR_ROLES = ['Military analyst', 'Political commentator', 'Historian of Eastern Europe', 'Former diplomat', 'Blogger and war correspondent'];

export const ORGANISATION_KINDS = ['Council', 'Institute', 'Committee', 'Forum', 'Centre', 'Agency', 'Alliance', 'Foundation', 'Union', 'Mission'];
export const ORGANISATION_SUBJECTS = [
  'Energy Security', 'Eastern Studies', 'Reconstruction', 'Grain Trade', 'Black Sea Shipping', 'Nuclear Safety',
  'Humanitarian Aid', 'Defence Procurement', 'Migration', 'Press Freedom', 'Civil Liberties', 'Strategic Studies',
  'Cyber Defence', 'Veterans', 'Refugee Support',
];
export const REGIONS = ['European', 'Baltic', 'Nordic', 'Transatlantic', 'Danube', 'Carpathian', 'Polish', 'Ukrainian', 'German', 'French', 'Turkish', 'Central European'];
export const MEDIA_WORDS = ['Herald', 'Courier', 'Radio', 'Television', 'Post', 'Gazette', 'Review', 'Observer', 'Daily', 'Wire', 'Telegraph', 'Monitor'];
export const PLATFORMS = ['Telegram', 'X', 'Bluesky', 'Truth Social', 'Facebook', 'Instagram'];

export const TOPIC_NAMES = [
  'Ceasefire', 'Territory', 'Security guarantees', 'Sanctions', 'Prisoner exchanges', 'Energy infrastructure',
  'Grain corridor', 'Nuclear plant safety', 'Frozen assets', 'Reconstruction funding', 'Elections', 'Negotiation format',
  'Deadline and pace', 'Peacekeepers', 'Air defence', 'Deported children', 'War crimes', 'Refugees', 'Black Sea shipping',
  'EU accession', 'NATO membership', 'Public opinion', 'Envoy controversy', 'Language rights', 'Demilitarised zone',
  'Arms deliveries', 'Humanitarian corridors', 'Minerals deal', 'Debt relief', 'Occupied regions', 'Church and faith',
  'Cyber attacks', 'Drone strikes', 'Mobilisation', 'Martial law', 'Corruption inquiries', 'Media freedom', 'Border crossings',
  'Power grid', 'Ports and logistics', 'Mine clearance', 'Army size limits', 'Amnesty', 'Compensation fund',
  'Monitoring mission', 'Referendum', 'Transit of gas', 'Chemical weapons',
];

/** The words quotes, stances and summaries are made of. */
export const WORDS = (
  'the a an and or but not we they he she our their this that these those will would must should could can may ' +
  'peace talks plan deal agreement ceasefire front line territory guarantees security sanctions negotiators delegation ' +
  'president minister envoy government parliament army troops border region regions city port grid energy gas grain ' +
  'Kyiv Moscow Washington Brussels Geneva Istanbul Warsaw Berlin Paris London Ankara Riyadh Donbas Crimea Zaporizhzhia ' +
  'Kharkiv Odesa Kherson Mariupol today yesterday tomorrow week month soon now again still only never always together ' +
  'points draft text proposal demands concessions withdrawal exchange prisoners children return monitoring mission ' +
  'observers allies partners coalition willing support aid weapons air defence missiles drones attack attacks strike ' +
  'strikes night morning talks round meeting summit call phone visit statement press conference reporters interview ' +
  'clear difficult progress important serious real strong weak fair just lasting durable quick slow hard long short ' +
  'is are was were be been has have had do does did say says said want wants wanted agree agrees agreed reject rejects ' +
  'rejected accept accepts accepted need needs needed expect expects expected hope hopes hoped believe believes warn ' +
  'warns warned insist insists insisted ready willing unable under over with without before after during about against ' +
  'for from into onto across through between among within of in on at to by as if when while because so than'
).split(' ');

/** Words that become part of quote ids, like `kuleba-ceasefire-12`. */
export const ID_WORDS = ['ceasefire', 'territory', 'talks', 'deal', 'plan', 'grain', 'gas', 'border', 'summit', 'aid', 'envoy', 'drones', 'troops', 'vote'];
