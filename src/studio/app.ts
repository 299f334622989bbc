// The studio's HTTP routes (Hono): sign-in, the drafts (tree, read, check as you type, save, new edition,
// correct an item), replies and the publish dry run, review (propose, approve, send back, withdraw), release
// history and rollback, and the inbox of readers' reports. Every handler is a few lines over the modules that do
// the work; refusals the editor can act on are HTTP errors with a message, anything else is logged once.
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { summarize } from '../../commands/brief.js';
import { formatContentError, type ContentError } from '../briefing/content-error.js';
import type { Unsaved } from '../briefing/content-folder.js';
import { loadBriefing } from '../briefing/loader.js';
import { checkContent } from '../checker/check.js';
import type { Logger } from '../log.js';
import type { RecapStorage } from '../recaps/storage.js';
import { describeChanges } from '../releases/change-set.js';
import { dryRun } from '../releases/dry-run.js';
import { commit, planPublish, planRollback } from '../releases/publish.js';
import { stateOf } from '../releases/release.js';
import { approve, propose, ReviewRefusal, sendBack, withdraw } from '../releases/review.js';
import { messageBody } from '../render/reply.js';
import { endSession, identify, rememberState, requireRole, sameOrigin, startSession, takeState, type StudioEnv } from './auth.js';
import type { StudioConfig } from './config.js';
import { authorizeUrl, signInWithCode } from './discord-oauth.js';
import { correctItem, isListFile, itemText, newEdition, startListFile, type CorrectableKind } from './drafts.js';
import { contentPath, draftTree, readDraft, writeDraft } from './files.js';
import { catalogue, preview, previewOf, type PreviewRequest } from './previews.js';
import { readersView } from './inbox.js';

export interface StudioDependencies {
  config: Pick<StudioConfig, 'CONTENT_DIR' | 'STALE_AFTER_DAYS' | 'signIn'>;
  storage: RecapStorage;
  log: Logger;
  /** The built front end (Vite's output); none in route tests. */
  staticRoot?: string;
}

const REFUSAL_STATUS: Record<ReviewRefusal['reason'], ContentfulStatusCode> = { forbidden: 403, conflict: 409, invalid: 422, missing: 404 };

/** Findings with their file as the studio names it: the path inside the content folder. */
function located(contentDir: string, findings: readonly ContentError[]) {
  return findings.map((finding) => ({ ...finding, file: path.relative(path.resolve(contentDir), path.resolve(finding.file)), text: formatContentError(finding) }));
}

/** The request's JSON object (none sent: an empty one); anything else is refused. */
async function body<T>(c: Context): Promise<Partial<T>> {
  const raw = await c.req.text();
  if (raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new HTTPException(400, { message: 'send a JSON object' });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new HTTPException(400, { message: 'send a JSON object' });
  return parsed as Partial<T>;
}

const text = (value: unknown, what: string): string => {
  if (typeof value !== 'string') throw new HTTPException(400, { message: `${what} is missing` });
  return value;
};

const idParam = (c: Context): number => {
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id) || id < 1) throw new HTTPException(400, { message: 'not a number' });
  return id;
};

export function createStudio({ config, storage, log, staticRoot }: StudioDependencies): Hono<StudioEnv> {
  const { CONTENT_DIR: contentDir, STALE_AFTER_DAYS: staleAfterDays, signIn } = config;
  const app = new Hono<StudioEnv>();

  app.onError((error, c) => {
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status);
    if (error instanceof ReviewRefusal) return c.json({ error: error.message, findings: located(contentDir, error.findings) }, REFUSAL_STATUS[error.reason]);
    const reference = randomUUID().slice(0, 8);
    log.error({ err: error, reference, route: c.req.path }, 'studio request failed');
    return c.json({ error: `something went wrong (reference ${reference}); the studio's log has the details` }, 500);
  });
  app.use('*', sameOrigin(signIn));

  if (signIn) {
    app.get('/auth/login', async (c) => {
      const state = randomBytes(24).toString('base64url');
      await rememberState(c, signIn, state);
      return c.redirect(authorizeUrl(signIn, state));
    });
    app.get('/auth/callback', async (c) => {
      const expected = await takeState(c, signIn);
      const { code, state, error } = c.req.query();
      if (error) throw new HTTPException(403, { message: 'sign-in was cancelled at Discord' });
      if (!code || !state || !expected || state !== expected) throw new HTTPException(400, { message: 'this sign-in link is not the one the studio started: sign in again' });
      const editor = await signInWithCode(signIn, code);
      await startSession(c, signIn, editor);
      log.info({ user: editor.id, editor: editor.editor, reviewer: editor.reviewer }, 'signed in');
      return c.redirect('/');
    });
    app.post('/auth/logout', (c) => {
      endSession(c, signIn);
      return c.json({ ok: true });
    });
  }

  const api = new Hono<StudioEnv>();
  api.use('*', identify(signIn));
  const editors = requireRole('editor');
  const reviewers = requireRole('reviewer');

  api.get('/me', (c) => c.json({ ...c.get('editor'), signIn: signIn !== undefined }));

  // --- Writing ---
  api.get('/tree', async (c) => c.json(await draftTree(contentDir)));
  api.get('/file', async (c) => c.json({ path: c.req.query('path'), text: await readDraft(contentDir, text(c.req.query('path'), 'path')) }));
  api.put('/file', editors, async (c) => {
    const { path: file, text: content } = await body<{ path: string; text: string }>(c);
    await writeDraft(contentDir, text(file, 'path'), text(content, 'text'));
    log.info({ file, by: c.get('editor').id }, 'draft saved');
    return c.json({ saved: file });
  });
  api.post('/files', editors, async (c) => {
    const { edition, name } = await body<{ edition: string; name: string }>(c);
    const file = text(name, 'name');
    if (!isListFile(file)) throw new HTTPException(400, { message: 'an edition can start positions.yaml, quotes.yaml, timeline.yaml or corrections.yaml' });
    return c.json({ path: await startListFile(contentDir, contentPath(`editions/${text(edition, 'edition')}/${file}`)[1]!, file) });
  });
  api.post('/editions', editors, async (c) => {
    const { date } = await body<{ date: string }>(c);
    return c.json({ path: await newEdition(contentDir, text(date, 'date')) });
  });

  /** The unsaved file an editor is looking at, checked as a content path. */
  const unsavedOf = (request: { path?: unknown; text?: unknown }): Unsaved | undefined => {
    if (request.path === undefined) return undefined;
    contentPath(text(request.path, 'path'));
    return { file: request.path as string, text: text(request.text, 'text') };
  };
  api.post('/check', async (c) => {
    const report = await checkContent(contentDir, { unsaved: unsavedOf(await body(c)) });
    return c.json({ findings: located(contentDir, report.findings), loads: report.briefing !== undefined });
  });

  // --- Seeing ---
  api.post('/preview', async (c) => {
    const request = await body<PreviewRequest & { path: string; text: string }>(c);
    const loaded = await loadBriefing(contentDir, { unsaved: unsavedOf(request) });
    if (!loaded.ok) return c.json({ error: 'the drafts do not load: fix the errors first', findings: located(contentDir, loaded.errors) }, 422);
    return c.json(await preview(loaded.briefing, { command: text(request.command ?? '', 'command'), ...request }, staleAfterDays));
  });
  api.get('/catalogue', async (c) => {
    const loaded = await loadBriefing(contentDir);
    return c.json(catalogue(loaded.ok ? loaded.briefing : undefined));
  });
  api.get('/dry-run', async (c) => {
    const plan = await planPublish(storage.releases, { contentDir });
    const run = plan.content ? await dryRun(plan.content, storage, summarize, new Date(), staleAfterDays) : { posts: [], edits: [] };
    return c.json({
      base: plan.base?.id ?? null,
      changes: plan.changes ? describeChanges(plan.changes) : [],
      findings: located(contentDir, plan.findings),
      refusals: plan.refusals,
      posts: run.posts.map(({ subscription, reply }) => ({ channelId: subscription.channelId, recap: subscription.id, language: subscription.language, ...previewOf(messageBody(reply)) })),
      edits: run.edits,
    });
  });

  // --- Correcting ---
  api.get('/item', async (c) => c.json(await itemText(contentDir, c.req.query('kind') as CorrectableKind, text(c.req.query('id'), 'id'))));
  api.post('/corrections', editors, async (c) => {
    const request = await body<{ kind: CorrectableKind; id: string; fixed: string; wrong: string; right: string; report: number }>(c);
    const report = request.report === undefined ? undefined : await storage.reports.get(Number(request.report));
    if (request.report !== undefined && report?.status !== 'open') throw new HTTPException(409, { message: `report #${request.report} is not open` });
    const written = await correctItem(contentDir, { kind: request.kind!, id: text(request.id, 'id'), fixed: text(request.fixed, 'the fixed item'), wrong: request.wrong ?? '', right: request.right ?? '' });
    if (report) await storage.reports.resolve(report.id, 'drafted', c.get('editor').name, written.correctionId);
    log.info({ correction: written.correctionId, report: report?.id, by: c.get('editor').id }, 'correction drafted');
    return c.json(written);
  });

  // --- Review and publish ---
  const stores = { releases: storage.releases, proposals: storage.proposals };
  api.get('/proposals', async (c) => c.json(await storage.proposals.list()));
  api.post('/proposals', editors, async (c) => {
    const request = await body<{ message: string; at: string; allowPartial: boolean }>(c);
    const at = request.at ? new Date(request.at) : undefined;
    if (at && Number.isNaN(at.getTime())) throw new HTTPException(400, { message: 'the time to publish at is not a date and time' });
    const editor = c.get('editor');
    const proposal = await propose(stores, editor, { contentDir, message: text(request.message, 'message'), allowPartial: request.allowPartial === true, ...(at ? { at } : {}) });
    log.info({ proposal: proposal.id, by: editor.id }, 'release proposed');
    // On loopback the one person proposes and publishes in one step.
    if (!signIn) return c.json({ proposal, committed: await approve(stores, proposal.id, editor, { ownAllowed: true }) });
    return c.json({ proposal });
  });
  api.post('/proposals/:id/approve', reviewers, async (c) => {
    const { comment } = await body<{ comment: string }>(c);
    const committed = await approve(stores, idParam(c), c.get('editor'), { ownAllowed: !signIn, comment: typeof comment === 'string' && comment.trim() ? comment.trim() : null });
    log.info({ proposal: idParam(c), release: committed.release.id, status: committed.status, by: c.get('editor').id }, 'release approved');
    return c.json(committed);
  });
  api.post('/proposals/:id/send-back', reviewers, async (c) => {
    const { comment } = await body<{ comment: string }>(c);
    await sendBack(stores, idParam(c), c.get('editor'), text(comment ?? '', 'comment'));
    return c.json({ ok: true });
  });
  api.post('/proposals/:id/withdraw', editors, async (c) => {
    await withdraw(stores, idParam(c), c.get('editor'));
    return c.json({ ok: true });
  });
  api.get('/releases', async (c) => {
    const current = await storage.releases.current();
    const releases = await storage.releases.list();
    return c.json(releases.map((release) => ({ ...release, state: stateOf(release, current?.id), changeLines: describeChanges(release.changes) })));
  });
  api.post('/releases/:id/rollback', reviewers, async (c) => {
    const plan = await planRollback(storage.releases, idParam(c));
    if (plan.refusals.length > 0) throw new HTTPException(409, { message: plan.refusals.join('\n') });
    const editor = c.get('editor');
    const committed = await commit(storage.releases, plan, editor.name, `Roll back to release #${plan.rollbackOf}`);
    if (committed.status === 'base-moved') throw new HTTPException(409, { message: 'another release was published meanwhile; nothing changed: look again' });
    log.info({ release: committed.release.id, rollbackOf: plan.rollbackOf, by: editor.id }, 'rolled back');
    return c.json(committed);
  });

  // --- Readers' reports ---
  api.get('/reports', async (c) => c.json(await Promise.all((await storage.reports.list(c.req.query('status') === 'all' ? 'all' : 'open')).map((report) => readersView(storage, report, staleAfterDays)))));
  api.post('/reports/:id/dismiss', editors, async (c) => {
    const { reason } = await body<{ reason: string }>(c);
    if (!text(reason ?? '', 'reason').trim()) throw new HTTPException(400, { message: 'say why it is dismissed: the inbox keeps the reason' });
    if (!(await storage.reports.resolve(idParam(c), 'dismissed', c.get('editor').name, reason!.trim()))) throw new HTTPException(409, { message: 'that report is not open' });
    return c.json({ ok: true });
  });

  app.route('/api', api);
  app.all('/api/*', (c) => c.json({ error: 'no such route' }, 404));
  if (staticRoot) app.use('*', serveStatic({ root: staticRoot }));
  return app;
}
