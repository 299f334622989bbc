/**
 * Request bodies checked against Discord's own published API schemas (its OpenAPI spec, as the zod schemas
 * of the discord-api-spec package): a body Discord would refuse gets 400 with code 50035 and Discord's
 * nested `errors` tree, so a payload that Discord would refuse can never pass a test. limits.ts adds the
 * limits the spec does not carry (2000 characters of message content, 6000 of embed text).
 */
import * as S from 'discord-api-spec/zod';
import * as z from 'zod/mini';
import type { $ZodIssue, $ZodType } from 'zod/v4/core';
import { apiError, ErrorCode, type FormErrors } from './errors.js';
import { asObject } from './http.js';

type Schema = $ZodType;

/** The interaction callback schemas, by callback type. */
const CALLBACKS: Record<number, Schema> = {
  4: S.CreateMessageInteractionCallbackRequestSchema,
  5: S.CreateMessageInteractionCallbackRequestSchema,
  6: S.UpdateMessageInteractionCallbackRequestSchema,
  7: S.UpdateMessageInteractionCallbackRequestSchema,
  8: S.ApplicationCommandAutocompleteCallbackRequestSchema,
  9: S.ModalInteractionCallbackRequestSchema,
};
const CALLBACK_TYPES = z.union(Object.values(CALLBACKS) as [Schema, ...Schema[]]);
const COMMANDS = z.array(S.ApplicationCommandUpdateRequestSchema);

/** An interaction callback, whether POSTed to its route or given as the interactions endpoint's response. */
export function checkCallbackBody(body: unknown): void {
  check(CALLBACKS[Number(asObject(body).type)] ?? CALLBACK_TYPES, body);
}

/** A follow-up (POST) or an edit (PATCH) through an interaction's webhook. */
export function checkWebhookBody(method: string, body: unknown): void {
  if (method === 'POST') check(S.IncomingWebhookRequestPartialSchema, body);
  if (method === 'PATCH') check(S.IncomingWebhookUpdateRequestPartialSchema, body);
}

/** Discord's other routes the emulator serves (as its spec writes them), and the schema of each one's body. */
const ROUTES: { method: string; path: string; schema: (body: unknown) => Schema }[] = [
  { method: 'PUT', path: '/applications/{application_id}/commands', schema: () => COMMANDS },
  { method: 'PUT', path: '/applications/{application_id}/guilds/{guild_id}/commands', schema: () => COMMANDS },
  { method: 'POST', path: '/channels/{channel_id}/messages', schema: () => S.MessageCreateRequestSchema },
  { method: 'PATCH', path: '/channels/{channel_id}/messages/{message_id}', schema: () => S.MessageEditRequestPartialSchema },
  { method: 'POST', path: '/channels/{channel_id}/threads', schema: threadSchema },
  { method: 'POST', path: '/channels/{channel_id}/messages/{message_id}/threads', schema: () => S.CreateTextThreadWithMessageRequestSchema },
];

/** A forum post carries its first message; a thread without one may say its type. */
function threadSchema(body: unknown): Schema {
  return 'message' in asObject(body) ? S.CreateForumThreadRequestSchema : S.CreateTextThreadWithoutMessageRequestSchema;
}

const compiled = ROUTES.map((route) => ({ ...route, regex: new RegExp(`^${route.path.replace(/\{[^}]+\}/g, '[^/]+')}$`) }));

/** Throws Discord's 400 Invalid Form Body (50035) when `body` is not what Discord's spec allows on this route. */
export function checkRequestBody(method: string, path: string, body: unknown): void {
  const route = compiled.find((candidate) => candidate.method === method && candidate.regex.test(path));
  if (route) check(route.schema(body), body);
}

function check(schema: Schema, body: unknown): void {
  if (body === undefined) return;
  const result = z.safeParse(schema, readIntegers(schema, body), { reportInput: true });
  if (!result.success) throw apiError(400, ErrorCode.InvalidFormBody, formErrors(result.error.issues));
}

/**
 * The spec types some fields as integers that Discord documents, sends and accepts as strings (permission
 * bit sets such as `default_member_permissions`, which discord.js sends as "32"): wherever the schema wants a
 * number and the body has an integer-parseable string, the string is read as its number, as the API does.
 */
function readIntegers(schema: Schema, value: unknown): unknown {
  const def = schema._zod.def as unknown as Def;
  switch (def.type) {
    case 'number':
      return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
    case 'optional':
    case 'nullable':
      return readIntegers(def.innerType!, value);
    case 'lazy':
      return readIntegers(def.getter!(), value);
    case 'pipe':
      return readIntegers(def.in!, value);
    case 'array':
      return Array.isArray(value) ? value.map((item) => readIntegers(def.element!, item)) : value;
    case 'record':
      return isObject(value) ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, readIntegers(def.valueType!, item)])) : value;
    case 'object':
      return isObject(value) ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, def.shape![key] ? readIntegers(def.shape![key], item) : item])) : value;
    case 'union': {
      // The first member the value fits once read this way; else the value as sent, for the errors.
      for (const option of def.options!) {
        const read = readIntegers(option, value);
        if (z.safeParse(option, read).success) return read;
      }
      return value;
    }
    default:
      return value;
  }
}

/** The parts of a zod schema definition that hold other schemas. */
interface Def {
  type: string;
  innerType?: Schema;
  getter?: () => Schema;
  in?: Schema;
  element?: Schema;
  valueType?: Schema;
  shape?: Record<string, Schema>;
  options?: Schema[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Discord's `errors` tree: `{ embeds: { 0: { title: { _errors: [{ code, message }] } } } }`. */
function formErrors(issues: readonly $ZodIssue[], tree: FormErrors = {}, prefix: readonly PropertyKey[] = []): FormErrors {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // A union of component (or option) types: the member whose `type` matched says what is wrong, as Discord does.
      const types = issue.errors.map((branch) => branch.find((inner) => inner.code === 'invalid_value' && inner.path.join('.') === 'type'));
      const matched = issue.errors.filter((_branch, index) => types[index] === undefined);
      if (matched.length === 1) {
        formErrors(matched[0]!, tree, path);
        continue;
      }
      if (matched.length === 0) {
        const allowed = types.flatMap((type) => (type?.code === 'invalid_value' ? type.values : []));
        add(tree, [...path, 'type'], { code: 'UNION_TYPE_CHOICES', message: `Value of field "type" must be one of (${allowed.join(', ')}).` });
        continue;
      }
    }
    add(tree, path, describe(issue));
  }
  return tree;
}

function add(tree: FormErrors, path: readonly PropertyKey[], error: { code: string; message: string }): void {
  let node = tree;
  for (const key of path) node = (node[String(key)] ??= {}) as FormErrors;
  ((node._errors ??= []) as unknown[]).push(error);
}

/** An issue in Discord's words (its error codes and messages for the same mistakes). */
function describe(issue: $ZodIssue): { code: string; message: string } {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? { code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${String(issue.maximum)} or fewer in length.` }
        : { code: 'NUMBER_TYPE_MAX', message: `int value should be less than or equal to ${String(issue.maximum)}.` };
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array'
        ? { code: 'BASE_TYPE_MIN_LENGTH', message: `Must be ${String(issue.minimum)} or more in length.` }
        : { code: 'NUMBER_TYPE_MIN', message: `int value should be greater than or equal to ${String(issue.minimum)}.` };
    case 'invalid_type':
      if (issue.input === undefined) return { code: 'BASE_TYPE_REQUIRED', message: 'This field is required' };
      if (issue.expected === 'object') return { code: 'MODEL_TYPE_CONVERT', message: 'Only dictionaries may be used in a ModelType' };
      return { code: `BASE_TYPE_${issue.expected.toUpperCase()}`, message: `Could not interpret ${JSON.stringify(issue.input)} as ${issue.expected}.` };
    case 'invalid_value':
      return { code: 'BASE_TYPE_CHOICES', message: `Value must be one of (${issue.values.map((value) => JSON.stringify(value)).join(', ')}).` };
    case 'invalid_format':
      return issue.format === 'url' ? { code: 'URL_TYPE_INVALID_URL', message: 'Not a well formed URL.' } : { code: 'BASE_TYPE_BAD_FORMAT', message: `Not a valid ${issue.format}.` };
    case 'invalid_union':
      return { code: 'UNION_TYPE_CHOICES', message: 'Value does not match any of the allowed types.' };
    default:
      return { code: 'BASE_TYPE_INVALID', message: 'Invalid value.' };
  }
}
