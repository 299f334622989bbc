// The studio's server, route by route, without a browser: settings (never open beyond loopback), sign-in with
// Discord against the emulator (roles decide, the code and tokens are never logged), sessions that cannot be
// forged, the Origin check on every change, files confined to the content folder, review rules (nobody approves
// their own proposal; approval refused once the current release moved), checking an unsaved file, and the inbox.
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config.js';
import { openStorage, type RecapStorage } from '../src/recaps/storage.js';
import { createStudio } from '../src/studio/app.js';
import { loadStudioConfig } from '../src/studio/config.js';
import { startEmulator, type Emulator } from './emulator/index.js';
import { contentCopy } from './support/content.js';
import { capturedLog, EDITOR_ROLE, REVIEWER_ROLE, signInEnvironment } from './support/studio.js';

const PUBLIC = 'http://studio.test';
type App = ReturnType<typeof createStudio>;

/** The cookies a response sets, as a Cookie header. */
const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';', 1)[0]!)
    .join('; ');

describe('studio settings', () => {
  it('starts on loopback with no sign-in, and refuses any other address without every sign-in setting, naming each', () => {
    expect(loadStudioConfig({}).signIn).toBeUndefined();
    // The bot's own .env names the application: that alone asks for no sign-in.
    expect(loadStudioConfig({ DISCORD_CLIENT_ID: '100000000000000001' }).signIn).toBeUndefined();
    expect(() => loadStudioConfig({ STUDIO_HOST: '0.0.0.0' })).toThrow(ConfigError);
    try {
      loadStudioConfig({ STUDIO_HOST: '0.0.0.0', DISCORD_CLIENT_SECRET: 'do-not-echo-me' });
    } catch (error) {
      const { message } = error as ConfigError;
      for (const name of ['DISCORD_CLIENT_ID', 'STUDIO_PUBLIC_URL', 'STUDIO_GUILD_ID', 'STUDIO_EDITOR_ROLE_ID', 'STUDIO_REVIEWER_ROLE_ID', 'STUDIO_SESSION_SECRET']) expect(message).toContain(name);
      expect(message).not.toContain('do-not-echo-me');
    }
    expect(() => loadStudioConfig({ STUDIO_SESSION_SECRET: 'short' })).toThrow(/STUDIO_SESSION_SECRET must be at least 32 characters/);
  });
});

describe('the studio signed in with Discord', () => {
  let emulator: Emulator;
  let storage: RecapStorage;
  let content: Awaited<ReturnType<typeof contentCopy>>;
  let app: App;
  let lines: string[];
  let outside: string;

  beforeAll(async () => {
    emulator = await startEmulator({ guilds: [{ name: 'Newsroom', channels: [{ name: 'desk' }] }] });
    content = await contentCopy();
    outside = await mkdtemp(path.join(tmpdir(), 'studio-outside-'));
    storage = await openStorage({ DATABASE_PATH: path.join(outside, 'bot.sqlite') });
    const config = loadStudioConfig({ ...signInEnvironment(emulator, PUBLIC), CONTENT_DIR: content.dir });
    const captured = capturedLog();
    lines = captured.lines;
    app = createStudio({ config, storage, log: captured.log });
  });

  afterAll(async () => {
    await storage?.close();
    await emulator?.close();
    await content?.cleanup();
    await rm(outside, { recursive: true, force: true });
  });

  /** Signs in through the emulator's authorize page as someone with `roles` in the newsroom; returns the session cookie. */
  async function signIn(username: string, roles: string[]): Promise<string> {
    emulator.oauth.signInAs({ username, roles: { [emulator.guilds[0]!.id]: roles } });
    const login = await app.request('/auth/login');
    expect(login.status).toBe(302);
    const authorize = await fetch(login.headers.get('location')!, { redirect: 'manual' });
    const back = new URL(authorize.headers.get('location')!);
    expect(back.origin).toBe(PUBLIC);
    const callback = await app.request(`${back.pathname}${back.search}`, { headers: { cookie: cookiesOf(login) } });
    if (callback.status !== 302) throw new Error(`sign-in refused: ${callback.status} ${await callback.text()}`);
    return cookiesOf(callback)
      .split('; ')
      .find((cookie) => cookie.startsWith('studio_session='))!;
  }

  const as = (cookie: string, method = 'GET', body?: unknown, origin: string | null = PUBLIC) =>
    ({ method, headers: { cookie, 'content-type': 'application/json', ...(origin === null ? {} : { origin }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }) satisfies RequestInit;

  it('asks for sign-in, and a forged or altered session cookie is no session', async () => {
    expect((await app.request('/api/me')).status).toBe(401);
    const forged = Buffer.from(JSON.stringify({ id: '1', name: 'x', editor: true, reviewer: true, expires: Date.now() + 1e6 })).toString('base64url');
    expect((await app.request('/api/me', { headers: { cookie: `studio_session=${forged}` } })).status).toBe(401);
    const cookie = await signIn('ed', [EDITOR_ROLE]);
    const [name, value] = [cookie.slice(0, cookie.indexOf('=')), decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1))];
    const [payload, signature] = [value.slice(0, value.lastIndexOf('.')), value.slice(value.lastIndexOf('.') + 1)];
    const promoted = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), reviewer: true })).toString('base64url');
    expect((await app.request('/api/me', { headers: { cookie: `${name}=${encodeURIComponent(`${promoted}.${signature}`)}` } })).status).toBe(401);
  });

  it('knows editors and reviewers by their roles, refuses anyone with neither, and never logs the code or a token', async () => {
    const editor = await signIn('ed', [EDITOR_ROLE]);
    expect(await (await app.request('/api/me', { headers: { cookie: editor } })).json()).toMatchObject({ name: 'ed', editor: true, reviewer: false, signIn: true });
    await expect(signIn('reader', ['12345678901234567'])).rejects.toThrow(/403 .*neither the editor nor the reviewer role/);
    const codes = emulator.oauth.exchanges.map((exchange) => exchange.code);
    expect(codes.length).toBeGreaterThan(0);
    const logged = lines.join('');
    for (const code of codes) expect(logged).not.toContain(code);
    expect(logged).not.toContain(emulator.oauth.clientSecret);
    expect(logged).toContain('signed in');
  });

  it('refuses a callback whose state is not the one it started', async () => {
    emulator.oauth.signInAs({ username: 'ed', roles: { [emulator.guilds[0]!.id]: [EDITOR_ROLE] } });
    const login = await app.request('/auth/login');
    const back = new URL((await fetch(login.headers.get('location')!, { redirect: 'manual' })).headers.get('location')!);
    back.searchParams.set('state', 'someone-elses');
    const callback = await app.request(`${back.pathname}${back.search}`, { headers: { cookie: cookiesOf(login) } });
    expect(callback.status).toBe(400);
    expect(callback.headers.getSetCookie().some((cookie) => cookie.startsWith('studio_session='))).toBe(false);
  });

  it('refuses every change that does not come from the studio itself (Origin), and changes nothing', async () => {
    const editor = await signIn('ed', [EDITOR_ROLE]);
    const before = await readFile(path.join(content.dir, 'story.yaml'), 'utf8');
    const change = { path: 'story.yaml', text: 'id: hijacked\n' };
    for (const origin of [null, 'http://evil.example', 'http://studio.test.evil.example']) {
      const response = await app.request('/api/file', as(editor, 'PUT', change, origin));
      expect(response.status, String(origin)).toBe(403);
    }
    expect(await readFile(path.join(content.dir, 'story.yaml'), 'utf8')).toBe(before);
    expect((await app.request('/api/file', as(editor, 'PUT', { path: 'story.yaml', text: before }))).status).toBe(200);
  });

  it('reads and writes only content files inside the content folder, never through a link', async () => {
    const editor = await signIn('ed', [EDITOR_ROLE]);
    const secret = path.join(outside, 'secret.yaml');
    await writeFile(secret, 'SECRET-OUTSIDE\n');
    await mkdir(path.join(content.dir, 'editions/2027-01-01'));
    await symlink(secret, path.join(content.dir, 'editions/2027-01-01/quotes.yaml'));
    await symlink(outside, path.join(content.dir, 'editions/2027-02-02'));
    for (const file of ['../secret.yaml', '/etc/passwd', 'editions/2025-11-26/../../story.yaml', 'notes.txt', 'editions/latest/quotes.yaml', 'editions/2027-01-01/quotes.yaml', 'editions/2027-02-02/secret.yaml', 'editions\\2025-11-26\\quotes.yaml']) {
      const read = await app.request(`/api/file?path=${encodeURIComponent(file)}`, as(editor));
      expect(read.status, file).toBe(400);
      expect(await read.text(), file).not.toContain('SECRET-OUTSIDE');
      expect((await app.request('/api/file', as(editor, 'PUT', { path: file, text: 'x: 1\n' }))).status, file).toBe(400);
    }
    const viaLinkedFolder = await app.request('/api/files', as(editor, 'POST', { edition: '2027-02-02', name: 'quotes.yaml' }));
    expect(viaLinkedFolder.status).toBe(400);
    expect(await readFile(secret, 'utf8')).toBe('SECRET-OUTSIDE\n');
    await rm(path.join(content.dir, 'editions/2027-01-01'), { recursive: true });
    await rm(path.join(content.dir, 'editions/2027-02-02'));
  });

  it('checks an unsaved file in place of the saved one, saying the line, and writes nothing', async () => {
    const editor = await signIn('ed', [EDITOR_ROLE]);
    const file = 'editions/2026-05-13/edition.yaml';
    const saved = await readFile(path.join(content.dir, file), 'utf8');
    const typo = saved.replace('timeZone: Europe/Zurich', 'timeZone: Europe/Zurch');
    const response = await app.request('/api/check', as(editor, 'POST', { path: file, text: typo }));
    const { findings } = (await response.json()) as { findings: { file: string; line: number; path: string; message: string }[] };
    expect(findings.filter((finding) => finding.file === file)).toEqual([expect.objectContaining({ file, line: 3, path: 'timeZone', message: 'not a time zone: use an IANA name like Europe/Zurich' })]);
    expect(await readFile(path.join(content.dir, file), 'utf8')).toBe(saved);
  });

  it('lets an editor propose and another reviewer approve; nobody approves their own proposal, and a moved release means proposing again', async () => {
    const both = await signIn('chief', [EDITOR_ROLE, REVIEWER_ROLE]);
    const editor = await signIn('ed', [EDITOR_ROLE]);
    const reviewer = await signIn('rev', [REVIEWER_ROLE]);
    expect((await app.request('/api/proposals', as(reviewer, 'POST', { message: 'x' }))).status).toBe(403);
    const proposed = await app.request('/api/proposals', as(both, 'POST', { message: 'First release' }));
    const first = (await proposed.json()) as { proposal: { id: number } };
    expect(proposed.status, JSON.stringify(first)).toBe(200);
    const own = await app.request(`/api/proposals/${first.proposal.id}/approve`, as(both, 'POST'));
    expect(own.status).toBe(403);
    expect(await own.json()).toEqual({ error: 'nobody approves their own proposal: another reviewer must', findings: [] });
    expect((await app.request(`/api/proposals/${first.proposal.id}/approve`, as(editor, 'POST'))).status).toBe(403);
    const approved = await app.request(`/api/proposals/${first.proposal.id}/approve`, as(reviewer, 'POST'));
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'published', release: { id: 1, createdBy: 'chief', approvedBy: 'rev', message: 'First release' } });
    expect((await app.request(`/api/proposals/${first.proposal.id}/approve`, as(reviewer, 'POST'))).status).toBe(409);

    await content.edit('editions/2026-05-13/edition.yaml', (text) => text.replace('Kyiv expects US', 'Kyiv awaits US'));
    const second = (await (await app.request('/api/proposals', as(editor, 'POST', { message: 'A fix' }))).json()) as { proposal: { id: number } };
    await content.edit('editions/2026-05-13/edition.yaml', (text) => text.replace('Kyiv awaits US', 'Kyiv foresees US'));
    const thirdResponse = await app.request('/api/proposals', as(editor, 'POST', { message: 'Another fix' }));
    const third = (await thirdResponse.json()) as { proposal: { id: number } };
    expect(thirdResponse.status, JSON.stringify(third)).toBe(200);
    expect((await app.request(`/api/proposals/${third.proposal.id}/approve`, as(both, 'POST'))).status).toBe(200);
    const stale = await app.request(`/api/proposals/${second.proposal.id}/approve`, as(reviewer, 'POST'));
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: string }).error).toContain('release #2 is current now, not #1 as when this was proposed');
    expect((await app.request(`/api/proposals/${second.proposal.id}/send-back`, as(reviewer, 'POST', { comment: '' }))).status).toBe(422);
    expect((await app.request(`/api/proposals/${second.proposal.id}/send-back`, as(reviewer, 'POST', { comment: 'Superseded by #3' }))).status).toBe(200);
    const listed = (await (await app.request('/api/releases', as(reviewer))).json()) as { id: number; approvedBy: string; state: string }[];
    expect(listed.map(({ id, approvedBy, state }) => ({ id, approvedBy, state }))).toEqual([
      { id: 2, approvedBy: 'chief', state: 'current' },
      { id: 1, approvedBy: 'rev', state: 'published' },
    ]);
    expect((await app.request('/api/releases/1/rollback', as(editor, 'POST'))).status).toBe(403);
    expect(await (await app.request('/api/releases/1/rollback', as(reviewer, 'POST'))).json()).toMatchObject({ status: 'published', release: { id: 3, kind: 'rollback', rollbackOf: 1 } });
  });

  it("shows a reader's report with the reply they saw, and turns it into a correction draft or dismisses it with a reason", async () => {
    const editor = await signIn('ed', [EDITOR_ROLE]);
    const release = (await storage.releases.current())!;
    const report = { userId: '100000000000000009', userName: 'reader', guildId: null, channelId: null, reply: '/quotes actor:rutte', releaseId: release.id, editionId: '2026-05-13', items: ['quote:rutte-long-way'], what: 'He said this on 24 Nov.', sourceUrl: null, locale: 'de' };
    const limit = { count: 5, windowMs: 60_000 };
    const drafted = await storage.reports.add(report, limit);
    const dismissed = await storage.reports.add({ ...report, what: 'I disagree.' }, limit);
    if (drafted.status !== 'added' || dismissed.status !== 'added') throw new Error('reports not added');
    const inbox = (await (await app.request('/api/reports', as(editor))).json()) as { id: number; seen?: { message: { embeds: { title: string }[] } } }[];
    expect(inbox.map((entry) => entry.id)).toEqual([dismissed.id, drafted.id]);
    expect(inbox[1]!.seen!.message.embeds[0]!.title).toBe('Wichtige Zitate');

    expect((await app.request(`/api/reports/${dismissed.id}/dismiss`, as(editor, 'POST', { reason: ' ' }))).status).toBe(400);
    expect((await app.request(`/api/reports/${dismissed.id}/dismiss`, as(editor, 'POST', { reason: 'An opinion, not a mistake.' }))).status).toBe(200);
    expect((await app.request('/api/item?kind=actor&id=rutte', as(editor))).status).toBe(400);
    expect((await app.request('/api/item?kind=quote&id=no-such-quote', as(editor))).status).toBe(400);
    const { text } = (await (await app.request('/api/item?kind=quote&id=rutte-long-way', as(editor))).json()) as { text: string };
    const unchanged = await app.request('/api/corrections', as(editor, 'POST', { kind: 'quote', id: 'rutte-long-way', fixed: text, wrong: 'a', right: 'b', report: drafted.id }));
    expect(unchanged.status).toBe(400);
    const written = await app.request('/api/corrections', as(editor, 'POST', { kind: 'quote', id: 'rutte-long-way', fixed: text.replace('kind: interview', 'kind: statement'), wrong: 'Dated wrong.', right: 'Now right.', report: drafted.id }));
    expect(await written.json()).toEqual({ correctionId: 'rutte-long-way-fix', files: ['editions/2025-11-26/quotes.yaml', 'editions/2026-05-13/corrections.yaml'] });
    expect(await storage.reports.get(drafted.id)).toMatchObject({ status: 'drafted', resolvedBy: 'ed', resolution: 'rutte-long-way-fix' });
    expect(await storage.reports.get(dismissed.id)).toMatchObject({ status: 'dismissed', resolution: 'An opinion, not a mistake.' });
    expect(await content.errors()).toEqual([]);
  });
});

describe('the studio on loopback', () => {
  let storage: RecapStorage;
  let content: Awaited<ReturnType<typeof contentCopy>>;
  let app: App;
  let dir: string;

  beforeAll(async () => {
    content = await contentCopy();
    dir = await mkdtemp(path.join(tmpdir(), 'studio-local-'));
    storage = await openStorage({ DATABASE_PATH: path.join(dir, 'bot.sqlite') });
    app = createStudio({ config: loadStudioConfig({ CONTENT_DIR: content.dir }), storage, log: capturedLog().log });
  });

  afterAll(async () => {
    await storage?.close();
    await content?.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  const local = { host: '127.0.0.1:4400', origin: 'http://127.0.0.1:4400', 'content-type': 'application/json' };

  it('is one person with no sign-in, who publishes in one step; answers only by a loopback name, changes only from its own origin', async () => {
    expect(await (await app.request('http://127.0.0.1:4400/api/me', { headers: { host: '127.0.0.1:4400' } })).json()).toMatchObject({ id: 'local', editor: true, reviewer: true, signIn: false });
    expect((await app.request('http://rebound.example/api/me', { headers: { host: 'rebound.example' } })).status).toBe(403);
    const body = JSON.stringify({ message: 'First release' });
    expect((await app.request('http://127.0.0.1:4400/api/proposals', { method: 'POST', headers: { ...local, origin: 'http://localhost:9999' }, body })).status).toBe(403);
    const published = await app.request('http://127.0.0.1:4400/api/proposals', { method: 'POST', headers: local, body });
    expect(await published.json()).toMatchObject({ proposal: { status: 'proposed' }, committed: { status: 'published', release: { id: 1 } } });
    const again = await app.request('http://127.0.0.1:4400/api/proposals', { method: 'POST', headers: local, body });
    expect(again.status).toBe(422);
    expect(((await again.json()) as { error: string }).error).toBe('nothing to publish: the drafts are what release #1 already serves');
  });

  it('creates a new edition from the previous one, and refuses a date already taken, writing nothing', async () => {
    const created = await app.request('http://127.0.0.1:4400/api/editions', { method: 'POST', headers: local, body: JSON.stringify({ date: '2026-06-10' }) });
    expect(await created.json()).toEqual({ path: 'editions/2026-06-10/edition.yaml' });
    const text = await readFile(path.join(content.dir, 'editions/2026-06-10/edition.yaml'), 'utf8');
    expect(text.split('\n', 1)[0]).toBe('# yaml-language-server: $schema=../../schema/edition.json');
    expect(text).toContain('published: 2026-06-10T18:00:00+02:00\ntimeZone: Europe/Zurich\nbasedOn: []\n');
    expect((await content.errors()).map((error) => error.slice(content.dir.length + 1))).toEqual([
      'editions/2026-06-10/edition.yaml:6 basedOn: needs at least 1 entry',
      'editions/2026-06-10/edition.yaml:30 summary.since: needs at least 1 entry',
    ]);
    const taken = await app.request('http://127.0.0.1:4400/api/editions', { method: 'POST', headers: local, body: JSON.stringify({ date: '2026-06-10' }) });
    expect(taken.status).toBe(400);
    expect(await readFile(path.join(content.dir, 'editions/2026-06-10/edition.yaml'), 'utf8')).toBe(text);
    await content.remove('editions/2026-06-10');
  });

  it("previews every briefing command's reply to the drafts, with its size against Discord's limits", async () => {
    for (const [command, options] of [['brief', {}], ['position', { actor: 'rutte' }], ['quotes', {}], ['timeline', {}], ['sources', {}], ['corrections', {}]] as const) {
      const response = await app.request('http://127.0.0.1:4400/api/preview', { method: 'POST', headers: local, body: JSON.stringify({ command, options, locale: 'fr' }) });
      const preview = (await response.json()) as { message: { embeds: unknown[]; allowed_mentions: unknown }; size: { embeds: { total: number; limit: number } }; problems: string[] };
      expect(preview.problems, command).toEqual([]);
      expect(preview.message.allowed_mentions).toEqual({ parse: [] });
      expect(preview.size.embeds.total).toBeGreaterThan(0);
      expect(preview.size.embeds.limit).toBe(6000);
    }
    const unknown = await app.request('http://127.0.0.1:4400/api/preview', { method: 'POST', headers: local, body: JSON.stringify({ command: 'recap' }) });
    expect(unknown.status).toBe(400);
  });

  it('turns pages and opens the Sources view as the buttons do in Discord', async () => {
    type Shown = { message: { embeds: { footer?: { text: string } }[]; components: { components: { custom_id?: string; label?: string }[] }[]; flags?: number }; problems: string[] };
    const show = async (request: object) => (await (await app.request('http://127.0.0.1:4400/api/preview', { method: 'POST', headers: local, body: JSON.stringify({ command: 'quotes', ...request }) })).json()) as Shown;
    const first = await show({});
    const buttons = first.message.components.flatMap((row) => row.components);
    const next = buttons.find((button) => button.custom_id?.startsWith('quotes:p:2'))!;
    const second = await show({ button: next.custom_id });
    expect(second.problems).toEqual([]);
    expect(second.message.embeds.at(-1)!.footer!.text).toContain('2/');
    const sources = await show({ button: buttons.find((button) => button.label === 'Sources')!.custom_id });
    expect(sources.message.flags).toBe(64);
    expect((await app.request('http://127.0.0.1:4400/api/preview', { method: 'POST', headers: local, body: JSON.stringify({ button: 'forged:x:1' }) })).status).toBe(400);
    expect((await app.request('http://127.0.0.1:4400/api/preview', { method: 'POST', headers: local, body: JSON.stringify({ command: 'quotes', options: { actor: { $gt: '' } } }) })).status).toBe(400);
  });

  it('shows the publish dry run: what would change, and why it cannot go out', async () => {
    const run = (await (await app.request('http://127.0.0.1:4400/api/dry-run', { headers: { host: '127.0.0.1:4400' } })).json()) as { base: number; changes: string[]; refusals: string[]; posts: unknown[] };
    expect(run).toMatchObject({ base: 1, changes: [], refusals: ['nothing to publish: the drafts are what release #1 already serves'], posts: [] });
  });
});
