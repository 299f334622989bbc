// A reply as terminal text, for editors previewing commands without Discord.
import { ComponentType } from 'discord-api-types/v10';
import type { Reply } from './reply.js';

export function replyAsText(reply: Reply): string {
  const out: string[] = [];
  if (reply.flags) out.push('(ephemeral: only the person who asked sees this)');
  if (reply.content) out.push(reply.content);
  for (const embed of reply.embeds ?? []) {
    if (embed.title) out.push(`━━ ${embed.title} ━━`);
    if (embed.description) out.push(embed.description);
    // A field continuing the one above has a blank name (Discord needs one): shown, as Discord does, as more of it.
    for (const field of embed.fields ?? []) out.push(field.name.trim() === '\u200b' || field.name.trim() === '' ? field.value : `▸ ${field.name}\n${field.value}`);
    if (embed.footer) out.push(`— ${embed.footer.text}`);
  }
  for (const row of reply.components ?? []) {
    const buttons = row.components.flatMap((component) =>
      component.type === ComponentType.Button && 'label' in component ? [`[${component.label}${component.disabled ? '' : ` → ${'custom_id' in component ? component.custom_id : ''}`}]`] : [],
    );
    if (buttons.length > 0) out.push(buttons.join(' '));
  }
  return out.join('\n\n');
}
