// Discord's documented message limits. Every payload the bot builds is checked against these.
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  embedTotal: 6000,
  customId: 100,
  buttonLabel: 80,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

interface EmbedLike {
  title?: string;
  description?: string;
  fields?: readonly { name: string; value: string }[];
  footer?: { text: string };
  author?: { name: string };
}

interface PayloadLike {
  content?: string;
  embeds?: readonly EmbedLike[];
  components?: readonly { components: readonly object[] }[];
  allowed_mentions?: { parse?: readonly string[]; users?: readonly string[]; roles?: readonly string[] };
}

/** The characters of an embed that count towards Discord's 6,000 per message. */
export function embedLength(embed: EmbedLike): number {
  const fields = embed.fields ?? [];
  return [embed.title, embed.description, embed.footer?.text, embed.author?.name, ...fields.flatMap((field) => [field.name, field.value])].reduce((sum, text) => sum + (text?.length ?? 0), 0);
}

/** Every way `payload` breaks a Discord limit or could ping someone; empty when it is safe to send. */
export function payloadProblems(payload: PayloadLike): string[] {
  const problems: string[] = [];
  const over = (what: string, text: string | undefined, max: number) => {
    if (text !== undefined && text.length > max) problems.push(`${what} is ${text.length} characters (max ${max})`);
  };
  const mentions = payload.allowed_mentions;
  if (!mentions || (mentions.parse?.length ?? 1) !== 0 || mentions.users?.length || mentions.roles?.length) {
    problems.push('allowed_mentions must be { parse: [] }');
  }
  over('content', payload.content, LIMITS.content);
  const embeds = payload.embeds ?? [];
  if (embeds.length > LIMITS.embeds) problems.push(`${embeds.length} embeds (max ${LIMITS.embeds})`);
  if (!payload.content && embeds.length === 0) problems.push('empty message');
  let total = 0;
  embeds.forEach((embed, index) => {
    over(`embed ${index} title`, embed.title, LIMITS.embedTitle);
    over(`embed ${index} description`, embed.description, LIMITS.embedDescription);
    over(`embed ${index} footer`, embed.footer?.text, LIMITS.footerText);
    const fields = embed.fields ?? [];
    if (fields.length > LIMITS.embedFields) problems.push(`embed ${index} has ${fields.length} fields (max ${LIMITS.embedFields})`);
    fields.forEach((field, fieldIndex) => {
      over(`embed ${index} field ${fieldIndex} name`, field.name, LIMITS.fieldName);
      over(`embed ${index} field ${fieldIndex} value`, field.value, LIMITS.fieldValue);
      if (field.name.trim() === '' || field.value.trim() === '') problems.push(`embed ${index} field ${fieldIndex} is empty`);
    });
    total += embedLength(embed);
  });
  if (total > LIMITS.embedTotal) problems.push(`embeds hold ${total} characters in all (max ${LIMITS.embedTotal})`);
  for (const row of payload.components ?? []) {
    if (row.components.length > 5) problems.push(`an action row has ${row.components.length} components (max 5)`);
    for (const component of row.components as { custom_id?: string; label?: string; style?: number; url?: string }[]) {
      // A link button (style 5) opens its url and has no custom id; every other button needs one.
      if (component.style === 5 ? !component.url || component.custom_id !== undefined : component.custom_id === undefined) {
        problems.push(component.style === 5 ? 'a link button needs a url and no custom id' : 'a button needs a custom id');
      }
      over('button custom id', component.custom_id, LIMITS.customId);
      over('button label', component.label, LIMITS.buttonLabel);
    }
  }
  return problems;
}

/** Problems with an autocomplete response: at most 25 choices, names and values of 1 to 100 characters. */
export function choiceProblems(choices: readonly { name: string; value: string | number }[]): string[] {
  const problems: string[] = [];
  if (choices.length > LIMITS.autocompleteChoices) problems.push(`${choices.length} choices (max ${LIMITS.autocompleteChoices})`);
  for (const { name, value } of choices) {
    if (name.length < 1 || name.length > LIMITS.choiceName) problems.push(`choice name of ${name.length} characters`);
    if (String(value).length < 1 || String(value).length > LIMITS.choiceValue) problems.push(`choice value of ${String(value).length} characters`);
  }
  return problems;
}
