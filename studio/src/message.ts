// A reply as Discord shows it, drawn by @skyra/discord-components-core: the message, its embeds (title,
// description, fields, footer), its buttons, and Discord's markdown inside them (parsed by
// discord-markdown-parser, the parser Discord transcript tools use), so bold, links and quotes look as in Discord.
// Only the components a reply uses: the whole library (polls, invites, attachments, ...) would double its share of the bundle.
import '@skyra/discord-components-core/discord-messages.js';
import '@skyra/discord-components-core/discord-message.js';
import '@skyra/discord-components-core/discord-embed.js';
import '@skyra/discord-components-core/discord-embed-description.js';
import '@skyra/discord-components-core/discord-embed-fields.js';
import '@skyra/discord-components-core/discord-embed-field.js';
import '@skyra/discord-components-core/discord-embed-footer.js';
import '@skyra/discord-components-core/discord-attachments.js';
import '@skyra/discord-components-core/discord-action-row.js';
import '@skyra/discord-components-core/discord-button.js';
import '@skyra/discord-components-core/discord-bold.js';
import '@skyra/discord-components-core/discord-italic.js';
import '@skyra/discord-components-core/discord-underlined.js';
import '@skyra/discord-components-core/discord-code.js';
import '@skyra/discord-components-core/discord-quote.js';
import '@skyra/discord-components-core/discord-link.js';
import '@skyra/discord-components-core/discord-spoiler.js';
import { parse } from 'discord-markdown-parser';
import { html, nothing, type TemplateResult } from 'lit';

interface Embed {
  title?: string;
  url?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
  author?: { name: string };
}

interface Button {
  type: number;
  style?: number;
  label?: string;
  custom_id?: string;
  url?: string;
  disabled?: boolean;
  emoji?: { name?: string };
}

export interface Message {
  content?: string;
  embeds?: Embed[];
  components?: { components: Button[] }[];
  flags?: number;
}

type Node = { type: string; content?: string | Node[]; target?: string; lang?: string; [key: string]: unknown };

function inline(nodes: Node[] | string | undefined): (TemplateResult | string)[] {
  if (nodes === undefined) return [];
  if (typeof nodes === 'string') return [nodes];
  return nodes.map((node) => {
    const inner = () => inline(node.content);
    switch (node.type) {
      case 'text':
        return String(node.content ?? '');
      case 'br':
        return html`<br />`;
      case 'strong':
        return html`<discord-bold>${inner()}</discord-bold>`;
      case 'em':
        return html`<discord-italic>${inner()}</discord-italic>`;
      case 'underline':
        return html`<discord-underlined>${inner()}</discord-underlined>`;
      case 'strikethrough':
        return html`<s>${inner()}</s>`;
      case 'spoiler':
        return html`<discord-spoiler>${inner()}</discord-spoiler>`;
      case 'inlineCode':
        return html`<discord-code>${inner()}</discord-code>`;
      case 'codeBlock':
        return html`<discord-code multiline>${inner()}</discord-code>`;
      case 'blockQuote':
        return html`<discord-quote>${inner()}</discord-quote>`;
      case 'link':
      case 'url':
      case 'autolink':
        return html`<discord-link href=${String(node.target ?? '')} target="_blank" rel="noreferrer">${inner()}</discord-link>`;
      case 'heading':
        return html`<strong class="md-heading">${inner()}</strong>`;
      case 'subtext':
        return html`<small class="md-subtext">${inner()}</small>`;
      default:
        return inner().length > 0 ? html`${inner()}` : '';
    }
  });
}

export const markdown = (text: string) => inline(parse(text, 'extended') as Node[]);

/** The bot's picture, drawn here: the components' default avatars live on Discord's CDN, and the studio fetches nothing from outside. */
const BOT_AVATAR = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="20" fill="#5865f2"/><text x="20" y="27" font-size="20" text-anchor="middle" fill="#fff" font-family="sans-serif">B</text></svg>')}`;

const BUTTON_STYLES: Record<number, string> = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'destructive', 5: 'secondary' };
const hex = (color: number | undefined) => (color === undefined ? undefined : `#${color.toString(16).padStart(6, '0')}`);

/** `press(customId)`: a button of the reply was clicked (a link button opens its address instead). */
export function renderMessage(message: Message, press?: (customId: string) => void): TemplateResult {
  const ephemeral = message.flags !== undefined && (message.flags & 64) === 64;
  return html`<discord-messages>
    <discord-message author="Briefing bot" avatar=${BOT_AVATAR} bot ?ephemeral=${ephemeral} .timestamp=${new Date()}>
      ${message.content ? markdown(message.content) : nothing}
      ${(message.embeds ?? []).map(
        (embed) => html`<discord-embed slot="embeds" embed-title=${embed.title ?? nothing} url=${embed.url ?? nothing} color=${hex(embed.color) ?? nothing} author-name=${embed.author?.name ?? nothing}>
          ${embed.description ? html`<discord-embed-description slot="description">${markdown(embed.description)}</discord-embed-description>` : nothing}
          ${embed.fields?.length
            ? html`<discord-embed-fields slot="fields">
                ${embed.fields.map((field) => html`<discord-embed-field field-title=${field.name} ?inline=${field.inline === true}>${markdown(field.value)}</discord-embed-field>`)}
              </discord-embed-fields>`
            : nothing}
          ${embed.footer ? html`<discord-embed-footer slot="footer">${embed.footer.text}</discord-embed-footer>` : nothing}
        </discord-embed>`,
      )}
      ${message.components?.length
        ? html`<discord-attachments slot="components">
            ${message.components.map(
              (row) => html`<discord-action-row>
                ${row.components.map(
                  (button) => html`<discord-button
                    type=${BUTTON_STYLES[button.style ?? 2] ?? 'secondary'}
                    url=${button.url ?? nothing}
                    emoji-name=${button.emoji?.name ?? nothing}
                    ?disabled=${button.disabled === true}
                    data-custom-id=${button.custom_id ?? nothing}
                    @click=${() => button.custom_id && !button.disabled && press?.(button.custom_id)}
                    >${button.label ?? ''}</discord-button
                  >`,
                )}
              </discord-action-row>`,
            )}
          </discord-attachments>`
        : nothing}
    </discord-message>
  </discord-messages>`;
}
