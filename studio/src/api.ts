// The studio's server, as the page calls it: JSON in and out, the session cookie sent along, and a refusal turned
// into an error carrying the server's message (and the findings, when the drafts are the reason).
export interface Finding {
  file: string;
  line?: number;
  path: string;
  message: string;
  severity: 'error' | 'warning';
  text: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly findings: Finding[] = [],
  ) {
    super(message);
  }
}

export async function api<T>(method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`api/${route}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await response.json().catch(() => ({}))) as { error?: string; findings?: Finding[] };
  if (!response.ok) throw new ApiError(response.status, data.error ?? `HTTP ${response.status}`, data.findings ?? []);
  return data as T;
}

export const get = <T>(route: string) => api<T>('GET', route);
export const post = <T>(route: string, body: unknown = {}) => api<T>('POST', route, body);
