// What a reader would see as broken Markdown in a field: a link cut short (its title or address left open,
// so Discord shows the brackets as text), or inline code, bold or italics left open. Written apart from
// the renderer's own splitting, so a test using it checks the renderer, not itself.

/** A complete masked link, `[title](address)`. */
const LINK = /\[[^\]\n]*\]\([^)\s]*\)/g;

/** What is broken in `text`, in words; empty when nothing is. */
export function brokenMarkdown(text: string): string[] {
  const problems: string[] = [];
  const plain = text.replace(/\\./g, '').replace(LINK, '');
  if (plain.includes('](')) problems.push('a link whose address is cut');
  if ((plain.match(/\[/g)?.length ?? 0) !== (plain.match(/\]/g)?.length ?? 0)) problems.push('a bracket left open (a link title cut?)');
  const outsideCode = plain.replace(/`[^`\n]*`/g, '');
  if (outsideCode.includes('`')) problems.push('inline code left open');
  if ((outsideCode.match(/\*\*/g)?.length ?? 0) % 2 === 1) problems.push('bold left open');
  if ((outsideCode.replace(/\*\*/g, '').match(/\*/g)?.length ?? 0) % 2 === 1) problems.push('italics left open');
  return problems;
}

/** Every embed field of a reply whose value reads as broken Markdown, with what is wrong. */
export function fieldsWithBrokenMarkdown(reply: { embeds?: readonly { fields?: readonly { name: string; value: string }[] }[] }): string[] {
  return (reply.embeds ?? []).flatMap((embed) =>
    (embed.fields ?? []).flatMap((field) => brokenMarkdown(field.value).map((problem) => `${field.name}: ${problem} in ${JSON.stringify(field.value.slice(-120))}`)),
  );
}
