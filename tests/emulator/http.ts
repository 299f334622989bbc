/**
 * HTTP plumbing for the REST side: reading JSON or multipart bodies (the
 * `payload_json` part plus file metadata), `:param` path patterns, replies.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiError, ErrorCode } from './errors.js';

export type Json = Record<string, unknown>;

export interface UploadedFile {
  field: string;
  filename: string;
  size: number;
  contentType: string;
}

export interface RequestBody {
  json: unknown;
  files: UploadedFile[];
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** `value` if it is a plain JSON object, else an empty one. */
export function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

/** `value` if it is an array, else an empty one. */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export async function readBody(req: IncomingMessage): Promise<RequestBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { json: undefined, files: [] };
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) return readMultipart(raw, contentType);
  // OAuth2's token exchange is a form post, as in any OAuth2 server.
  if (contentType.startsWith('application/x-www-form-urlencoded')) return { json: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))), files: [] };
  return { json: parseJson(raw.toString('utf8')), files: [] };
}

async function readMultipart(raw: Buffer, contentType: string): Promise<RequestBody> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const body: RequestBody = { json: undefined, files: [] };
  form.forEach((value, field) => {
    if (typeof value !== 'string') {
      body.files.push({ field, filename: value.name, size: value.size, contentType: value.type });
    } else if (field === 'payload_json') {
      body.json = parseJson(value);
    }
  });
  return body;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw apiError(400, ErrorCode.InvalidJson);
  }
}

/** Compiles `/channels/:channel/messages` into an anchored RegExp with named groups. */
export function compilePath(pattern: string): RegExp {
  const source = pattern
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? `(?<${segment.slice(1)}>[^/]+)` : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}$`);
}

export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.status === 204 || reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  headers['Content-Type'] = 'application/json';
  res.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
}
