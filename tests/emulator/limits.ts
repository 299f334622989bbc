/**
 * Discord's payload limits: message content, embeds and components,
 * autocomplete choices and application command definitions. Violations throw
 * ApiError 50035 (Invalid Form Body, with Discord's nested `errors` tree) or
 * 50006 (empty message).
 *
 * Written out here rather than imported from src/render/limits.ts on purpose: the emulator stands in for
 * Discord, so a mistake in the bot's own limits must not also be the emulator's.
 */
import { apiError, ErrorCode, type FormErrors } from './errors.js';
import { asArray, asObject, type Json } from './http.js';

export const Limits = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  rowComponents: 5,
  customId: 100,
  buttonLabel: 80,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  chatInputCommands: 100,
} as const;

/** Message flag IS_COMPONENTS_V2: components are layout components, not action rows. */
const COMPONENTS_V2_FLAG = 1 << 15;
const CHAT_INPUT = 1;
const SUBCOMMAND_TYPES = new Set([1, 2]);
const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]+$/u;

type ErrorPath = readonly (string | number)[];

/** Collects field errors into Discord's `errors` tree, then throws them all at once. */
export class FormErrorCollector {
  readonly #tree: FormErrors = {};
  #count = 0;

  add(path: ErrorPath, code: string, message: string): void {
    let node = this.#tree;
    for (const key of path) node = (node[String(key)] ??= {}) as FormErrors;
    ((node._errors ??= []) as unknown[]).push({ code, message });
    this.#count++;
  }

  maxLength(path: ErrorPath, value: unknown, max: number): void {
    const length = typeof value === 'string' || Array.isArray(value) ? value.length : 0;
    if (length > max) this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  }

  lengthBetween(path: ErrorPath, value: unknown, min: number, max: number): void {
    const length = typeof value === 'string' ? value.length : 0;
    if (length < min || length > max) {
      this.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
    }
  }

  throwIfAny(): void {
    if (this.#count > 0) throw apiError(400, ErrorCode.InvalidFormBody, this.#tree);
  }
}

function textLength(value: unknown): number {
  return typeof value === 'string' ? value.length : 0;
}

/** Validates one embed and returns the characters it counts toward the 6000 total. */
function checkEmbed(errors: FormErrorCollector, path: ErrorPath, embed: Json): number {
  const footer = asObject(embed.footer);
  const author = asObject(embed.author);
  const fields = asArray(embed.fields);
  errors.maxLength([...path, 'title'], embed.title, Limits.embedTitle);
  errors.maxLength([...path, 'description'], embed.description, Limits.embedDescription);
  errors.maxLength([...path, 'footer', 'text'], footer.text, Limits.footerText);
  errors.maxLength([...path, 'author', 'name'], author.name, Limits.authorName);
  errors.maxLength([...path, 'fields'], fields, Limits.embedFields);
  const texts = [embed.title, embed.description, footer.text, author.name];
  let size = texts.reduce<number>((sum, text) => sum + textLength(text), 0);
  fields.forEach((raw, i) => {
    const field = asObject(raw);
    for (const [key, max] of [
      ['name', Limits.fieldName],
      ['value', Limits.fieldValue],
    ] as const) {
      if (textLength(field[key]) === 0) {
        errors.add([...path, 'fields', i, key], 'BASE_TYPE_REQUIRED', 'This field is required');
      }
      errors.maxLength([...path, 'fields', i, key], field[key], max);
      size += textLength(field[key]);
    }
  });
  return size;
}

function checkActionRows(errors: FormErrorCollector, rows: unknown[]): void {
  errors.maxLength(['components'], rows, Limits.actionRows);
  rows.forEach((raw, i) => {
    const children = asArray(asObject(raw).components);
    errors.maxLength(['components', i, 'components'], children, Limits.rowComponents);
    children.forEach((child, j) => {
      const component = asObject(child);
      errors.maxLength(['components', i, 'components', j, 'custom_id'], component.custom_id, Limits.customId);
      errors.maxLength(['components', i, 'components', j, 'label'], component.label, Limits.buttonLabel);
    });
  });
}

function isEmpty(message: Json, fileCount: number): boolean {
  const content = typeof message.content === 'string' ? message.content.trim() : '';
  return (
    content === '' &&
    asArray(message.embeds).length === 0 &&
    asArray(message.components).length === 0 &&
    asArray(message.sticker_ids).length === 0 &&
    asArray(message.attachments).length + fileCount === 0 &&
    message.poll === undefined
  );
}

/** Validates a message to be created or the result of an edit. */
export function validateMessage(message: Json, fileCount = 0): void {
  const errors = new FormErrorCollector();
  errors.maxLength(['content'], message.content, Limits.content);
  const embeds = asArray(message.embeds);
  errors.maxLength(['embeds'], embeds, Limits.embeds);
  const total = embeds.reduce<number>((sum, embed, i) => sum + checkEmbed(errors, ['embeds', i], asObject(embed)), 0);
  if (total > Limits.embedTotal) {
    errors.add(['embeds'], 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${Limits.embedTotal}`);
  }
  const flags = typeof message.flags === 'number' ? message.flags : 0;
  if ((flags & COMPONENTS_V2_FLAG) === 0) checkActionRows(errors, asArray(message.components));
  errors.throwIfAny();
  if (isEmpty(message, fileCount)) throw apiError(400, ErrorCode.CannotSendEmptyMessage);
}

/** Validates the data of an autocomplete result (callback type 8). */
export function validateChoices(data: Json): void {
  const errors = new FormErrorCollector();
  const choices = asArray(data.choices);
  if (!Array.isArray(data.choices)) errors.add(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
  errors.maxLength(['data', 'choices'], choices, Limits.choices);
  choices.forEach((raw, i) => {
    const choice = asObject(raw);
    errors.lengthBetween(['data', 'choices', i, 'name'], choice.name, 1, Limits.choiceName);
    errors.maxLength(['data', 'choices', i, 'value'], choice.value, Limits.choiceValue);
  });
  errors.throwIfAny();
}

function checkName(errors: FormErrorCollector, path: ErrorPath, name: unknown, lowercase: boolean): void {
  errors.lengthBetween([...path, 'name'], name, 1, Limits.commandName);
  const valid = typeof name === 'string' && COMMAND_NAME.test(name) && (!lowercase || name === name.toLowerCase());
  if (!valid) errors.add([...path, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
}

function checkOptions(errors: FormErrorCollector, path: ErrorPath, options: unknown[]): void {
  errors.maxLength([...path, 'options'], options, Limits.commandOptions);
  const seen = new Set<unknown>();
  let sawOptional = false;
  options.forEach((raw, i) => {
    const option = asObject(raw);
    const at = [...path, 'options', i];
    checkName(errors, at, option.name, true);
    errors.lengthBetween([...at, 'description'], option.description, 1, Limits.commandDescription);
    errors.maxLength([...at, 'choices'], option.choices, Limits.choices);
    if (seen.has(option.name)) {
      errors.add([...at, 'name'], 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', 'Option name already exists');
    }
    seen.add(option.name);
    if (SUBCOMMAND_TYPES.has(Number(option.type))) {
      checkOptions(errors, at, asArray(option.options));
    } else if (option.required === true && sawOptional) {
      const message = 'Required options must be placed before non-required options';
      errors.add([...at, 'required'], 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', message);
    } else if (option.required !== true) {
      sawOptional = true;
    }
  });
}

/** Validates a bulk-overwrite list of application commands. */
export function validateCommands(commands: unknown): asserts commands is unknown[] {
  const errors = new FormErrorCollector();
  if (!Array.isArray(commands)) errors.add([], 'BASE_TYPE_ARRAY', 'Must be an array');
  const seen = new Set<string>();
  let chatInputCount = 0;
  asArray(commands).forEach((raw, i) => {
    const command = asObject(raw);
    const type = command.type === undefined ? CHAT_INPUT : Number(command.type);
    const chatInput = type === CHAT_INPUT;
    if (chatInput) chatInputCount++;
    checkName(errors, [i], command.name, chatInput);
    if (chatInput) {
      errors.lengthBetween([i, 'description'], command.description, 1, Limits.commandDescription);
      checkOptions(errors, [i], asArray(command.options));
    }
    const key = `${type}:${String(command.name)}`;
    if (seen.has(key)) {
      errors.add([i, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', 'Application command names must be unique');
    }
    seen.add(key);
  });
  if (chatInputCount > Limits.chatInputCommands) {
    errors.add([], 'BASE_TYPE_MAX_LENGTH', `Must be ${Limits.chatInputCommands} or fewer in length.`);
  }
  errors.throwIfAny();
}
