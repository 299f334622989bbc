// The studio's page: write (the files as a tree, the YAML editor, the checker's findings), see (every command's
// reply as Discord shows it, at phone or desktop width, in each language, with its size; the publish dry run),
// review and publish (propose, approve, send back, the release history and rollback), and the readers' inbox.
// One Lit element drawn in the page's own DOM; the server does the work.
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { EditorView } from 'codemirror';
import { ApiError, get, post, api, type Finding } from './api.js';
import { createEditor } from './editor.js';
import { renderMessage, type Message } from './message.js';
import './style.css';

interface Me {
  id: string;
  name: string;
  editor: boolean;
  reviewer: boolean;
  signIn: boolean;
}
interface Tree {
  story: string[];
  editions: { id: string; files: string[] }[];
}
interface Preview {
  message: Message;
  size: { content: { length: number; limit: number }; embeds: { lengths: number[]; total: number; limit: number } };
  problems: string[];
}
interface CatalogueOption {
  name: string;
  description: string;
  type: string;
  required: boolean;
  choices?: { name: string; value: string | number }[];
}
interface Catalogue {
  commands: { name: string; description: string; options: CatalogueOption[] }[];
  actors: { id: string; name: string }[];
  topics: { id: string; name: string }[];
  editions: string[];
  items: { kind: string; id: string; label: string }[];
  locales: string[];
}
interface Proposal {
  id: number;
  createdAt: string;
  authorId: string;
  authorName: string;
  message: string;
  baseId: number | null;
  scheduledFor: string | null;
  status: string;
  reviewerName: string | null;
  reviewedAt: string | null;
  comment: string | null;
  releaseId: number | null;
}
interface ReleaseRow {
  id: number;
  kind: string;
  state: string;
  createdAt: string;
  createdBy: string;
  approvedBy: string | null;
  message: string;
  publishedAt: string | null;
  scheduledFor: string | null;
  rollbackOf: number | null;
  changeLines: string[];
}
interface DryRun {
  base: number | null;
  changes: string[];
  findings: Finding[];
  refusals: string[];
  posts: (Preview & { channelId: string; recap: number; language: string })[];
  edits: { channelId: string; messageId: string; adds: string[]; content: string }[];
}
interface Report {
  id: number;
  createdAt: string;
  userName: string;
  reply: string;
  editionId: string | null;
  releaseId: number | null;
  items: string[];
  what: string;
  sourceUrl: string | null;
  seen?: Preview;
}
interface Correcting {
  kind: string;
  id: string;
  fixed: string;
  wrong: string;
  right: string;
  report?: number;
}

type Tab = 'write' | 'review' | 'inbox';
const time = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '');
const value = (event: Event) => (event.target as HTMLInputElement).value;

class StudioApp extends LitElement {
  static override properties = {
    me: { state: true },
    signInNeeded: { state: true },
    tab: { state: true },
    tree: { state: true },
    file: { state: true },
    dirty: { state: true },
    findings: { state: true },
    notice: { state: true },
    catalogue: { state: true },
    request: { state: true },
    preview: { state: true },
    previewError: { state: true },
    width: { state: true },
    side: { state: true },
    dryRun: { state: true },
    proposals: { state: true },
    releases: { state: true },
    reports: { state: true },
    correcting: { state: true },
  };

  me?: Me;
  signInNeeded = false;
  tab: Tab = 'write';
  tree: Tree = { story: [], editions: [] };
  file?: string;
  dirty = false;
  findings: Finding[] = [];
  notice = '';
  catalogue?: Catalogue;
  request: { command: string; options: Record<string, string>; locale: string } = { command: 'brief', options: {}, locale: 'en' };
  preview?: Preview;
  previewError = '';
  width: 'phone' | 'desktop' = 'phone';
  side: 'replies' | 'dry-run' = 'replies';
  dryRun?: DryRun;
  proposals: Proposal[] = [];
  releases: ReleaseRow[] = [];
  reports: Report[] = [];
  correcting?: Correcting;
  private editor?: EditorView;
  private text = '';

  protected override createRenderRoot() {
    return this;
  }

  override async connectedCallback() {
    super.connectedCallback();
    try {
      this.me = await get<Me>('me');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.signInNeeded = true;
      else this.notice = (error as Error).message;
      return;
    }
    await Promise.all([this.loadTree(), this.loadCatalogue()]);
    await this.refreshPreview();
  }

  /** Runs `work`, showing what the server said when it refuses. */
  private async attempt(work: () => Promise<unknown>, done?: string) {
    try {
      await work();
      if (done) this.notice = done;
    } catch (error) {
      this.notice = error instanceof ApiError && error.findings.length > 0 ? `${error.message}\n${error.findings.map((finding) => finding.text).join('\n')}` : (error as Error).message;
    }
  }

  private async loadTree() {
    this.tree = await get<Tree>('tree');
  }

  private async loadCatalogue() {
    this.catalogue = await get<Catalogue>('catalogue');
  }

  // --- Writing ---
  private async open(file: string) {
    if (this.dirty && !confirm(`${this.file} has unsaved changes. Leave them?`)) return;
    const { text } = await get<{ text: string }>(`file?path=${encodeURIComponent(file)}`);
    this.file = file;
    this.text = text;
    this.dirty = false;
    this.findings = [];
    this.tab = 'write';
    await this.updateComplete;
    this.editor?.destroy();
    const parent = this.querySelector<HTMLElement>('#editor')!;
    this.editor = createEditor({
      parent,
      file,
      text,
      check: (current) => this.check(file, current),
      changed: (current) => {
        this.text = current;
        this.dirty = true;
      },
    });
  }

  /** The checker's findings with this file as typed; other files' findings are listed beside the editor. */
  private async check(file: string, text: string): Promise<Finding[]> {
    const { findings, loads } = await post<{ findings: Finding[]; loads: boolean }>('check', { path: file, text });
    this.findings = findings;
    if (loads) void this.refreshPreview();
    return findings.filter((finding) => finding.file === file);
  }

  private async save() {
    if (!this.file) return;
    const file = this.file;
    await this.attempt(async () => {
      await api('PUT', 'file', { path: file, text: this.text });
      this.dirty = false;
      await this.loadCatalogue();
    }, `Saved ${file}. Nothing is published until ${this.me?.signIn ? 'a reviewer approves a release' : 'you publish'}.`);
  }

  private async newEdition(date: string) {
    await this.attempt(async () => {
      const { path } = await post<{ path: string }>('editions', { date });
      await this.loadTree();
      await this.open(path);
    }, 'A new draft edition: fill in the fields the checker marks.');
  }

  private async startFile(edition: string, name: string) {
    await this.attempt(async () => {
      const { path } = await post<{ path: string }>('files', { edition, name });
      await this.loadTree();
      await this.open(path);
    });
  }

  // --- Seeing ---
  private unsaved() {
    return this.file && this.dirty ? { path: this.file, text: this.text } : {};
  }

  private async refreshPreview(button?: string) {
    try {
      const options = Object.fromEntries(Object.entries(this.request.options).filter(([, chosen]) => chosen !== ''));
      this.preview = await post<Preview>('preview', { ...this.unsaved(), command: this.request.command, options, locale: this.request.locale, ...(button ? { button } : {}) });
      this.previewError = '';
    } catch (error) {
      this.previewError = (error as Error).message;
    }
  }

  private setRequest(change: Partial<StudioApp['request']>) {
    this.request = { ...this.request, ...change, ...(change.command ? { options: change.command === 'position' ? { actor: this.catalogue?.actors[0]?.id ?? '' } : {} } : {}) };
    void this.refreshPreview();
  }

  private async loadDryRun() {
    this.side = 'dry-run';
    await this.attempt(async () => {
      this.dryRun = await get<DryRun>('dry-run');
    });
  }

  // --- Review ---
  private async loadReview() {
    this.tab = 'review';
    [this.proposals, this.releases] = await Promise.all([get<Proposal[]>('proposals'), get<ReleaseRow[]>('releases')]);
  }

  private async propose(form: HTMLFormElement) {
    const data = new FormData(form);
    const at = String(data.get('at') ?? '');
    await this.attempt(async () => {
      const result = await post<{ proposal: Proposal; committed?: { status: string; release: { id: number } } }>('proposals', {
        message: data.get('message'),
        allowPartial: data.get('allowPartial') === 'on',
        ...(at ? { at: new Date(at).toISOString() } : {}),
      });
      form.reset();
      this.notice = result.committed ? `Release #${result.committed.release.id} ${result.committed.status}.` : `Proposed as #${result.proposal.id}: a reviewer approves it or sends it back.`;
      await this.loadReview();
    });
  }

  private async review(id: number, action: 'approve' | 'send-back' | 'withdraw', comment = '') {
    await this.attempt(async () => {
      const result = await post<{ status?: string; release?: { id: number } }>(`proposals/${id}/${action}`, { comment });
      this.notice = action === 'approve' ? `Release #${result.release!.id} ${result.status}: running bots serve it within a second.` : action === 'send-back' ? `Proposal #${id} sent back.` : `Proposal #${id} withdrawn.`;
      await this.loadReview();
    });
  }

  private async rollback(id: number) {
    if (!confirm(`Make release #${id} current again? Readers get it within a second.`)) return;
    await this.attempt(async () => {
      const result = await post<{ release: { id: number } }>(`releases/${id}/rollback`);
      this.notice = `Rolled back: release #${result.release.id} serves what #${id} did.`;
      await this.loadReview();
    });
  }

  // --- Inbox and corrections ---
  private async loadInbox() {
    this.tab = 'inbox';
    this.reports = await get<Report[]>('reports');
  }

  private async startCorrection(kind: string, id: string, wrong = '', report?: number) {
    await this.attempt(async () => {
      const item = await get<{ text: string }>(`item?kind=${encodeURIComponent(kind)}&id=${encodeURIComponent(id)}`);
      this.correcting = { kind, id, fixed: item.text, wrong, right: '', ...(report !== undefined ? { report } : {}) };
    });
  }

  private async submitCorrection() {
    const correcting = this.correcting!;
    await this.attempt(async () => {
      const { correctionId, files } = await post<{ correctionId: string; files: string[] }>('corrections', correcting);
      this.correcting = undefined;
      await this.loadTree();
      this.notice = `Correction ${correctionId} drafted in ${files.join(' and ')}; it reaches readers with the next release.`;
      if (correcting.report !== undefined) await this.loadInbox();
    });
  }

  private async dismiss(id: number, reason: string) {
    await this.attempt(async () => {
      await post(`reports/${id}/dismiss`, { reason });
      await this.loadInbox();
    }, `Report #${id} dismissed.`);
  }

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('tab') && this.tab !== 'write') this.editor = undefined;
  }

  // --- Drawing ---
  override render() {
    if (this.signInNeeded) {
      return html`<main class="signin"><h1>Briefing studio</h1><p>Editors and reviewers sign in with their Discord account.</p><a class="button" href="auth/login" id="sign-in">Sign in with Discord</a></main>`;
    }
    if (!this.me) return html`<main><p>${this.notice || 'Loading…'}</p></main>`;
    return html`
      <header>
        <strong>Briefing studio</strong>
        <nav>
          <button class=${this.tab === 'write' ? 'active' : ''} @click=${() => (this.tab = 'write')}>Write</button>
          <button class=${this.tab === 'review' ? 'active' : ''} id="tab-review" @click=${() => this.loadReview()}>Review and publish</button>
          <button class=${this.tab === 'inbox' ? 'active' : ''} id="tab-inbox" @click=${() => this.loadInbox()}>Readers' reports</button>
        </nav>
        <span class="who" id="who">${this.me.name}${this.me.signIn ? ` (${[this.me.editor && 'editor', this.me.reviewer && 'reviewer'].filter(Boolean).join(', ')})` : ' (on this computer)'}</span>
      </header>
      ${this.notice ? html`<p class="notice" id="notice" @click=${() => (this.notice = '')}>${this.notice}</p>` : nothing}
      ${this.correcting ? this.renderCorrection() : nothing}
      ${this.tab === 'write' ? this.renderWrite() : this.tab === 'review' ? this.renderReview() : this.renderInbox()}
    `;
  }

  private renderWrite() {
    const missing = (files: string[]) => ['positions.yaml', 'quotes.yaml', 'timeline.yaml', 'corrections.yaml'].filter((name) => !files.includes(name));
    const here = this.findings.filter((finding) => finding.file === this.file);
    const elsewhere = this.findings.filter((finding) => finding.file !== this.file);
    return html`<div class="write">
      <aside class="tree">
        <form
          class="new-edition"
          @submit=${(event: Event) => {
            event.preventDefault();
            void this.newEdition(new FormData(event.target as HTMLFormElement).get('date') as string);
          }}
        >
          <input type="date" name="date" id="new-edition-date" required />
          <button id="new-edition">New edition</button>
        </form>
        <h3>Story</h3>
        ${this.tree.story.map((name) => html`<a class=${this.file === name ? 'file open' : 'file'} @click=${() => this.open(name)}>${name}</a>`)}
        <h3>Editions</h3>
        ${this.tree.editions.map(
          (edition) => html`<details ?open=${edition === this.tree.editions[0]}>
            <summary>${edition.id}</summary>
            ${edition.files.map((name) => {
              const file = `editions/${edition.id}/${name}`;
              return html`<a class=${this.file === file ? 'file open' : 'file'} data-file=${file} @click=${() => this.open(file)}>${name}</a>`;
            })}
            ${missing(edition.files).map((name) => html`<button class="add" data-add=${`${edition.id}/${name}`} @click=${() => this.startFile(edition.id, name)}>+ ${name}</button>`)}
          </details>`,
        )}
        <button class="correct" @click=${() => (this.correcting = { kind: 'quote', id: '', fixed: '', wrong: '', right: '' })}>Correct an item…</button>
      </aside>
      <section class="editing">
        ${this.file
          ? html`<div class="toolbar"><span>${this.file}${this.dirty ? ' •' : ''}</span><button id="save" ?disabled=${!this.dirty || !this.me!.editor} @click=${() => this.save()}>Save draft</button></div>`
          : html`<p class="hint">Open a file on the left, or start a new edition.</p>`}
        <div id="editor"></div>
        <ul class="findings" id="findings">
          ${here.map((finding) => html`<li class=${finding.severity} data-line=${finding.line ?? ''}>line ${finding.line ?? '?'} ${finding.path}: ${finding.message}</li>`)}
          ${elsewhere.map((finding) => html`<li class=${finding.severity}><a @click=${() => this.open(finding.file)}>${finding.file}</a>:${finding.line ?? ''} ${finding.path}: ${finding.message}</li>`)}
        </ul>
      </section>
      <section class="seeing">
        <nav class="side">
          <button class=${this.side === 'replies' ? 'active' : ''} @click=${() => (this.side = 'replies')}>Replies</button>
          <button class=${this.side === 'dry-run' ? 'active' : ''} id="show-dry-run" @click=${() => this.loadDryRun()}>Publish dry run</button>
        </nav>
        ${this.side === 'replies' ? this.renderPreview() : this.renderDryRun()}
      </section>
    </div>`;
  }

  private renderPreview() {
    const command = this.catalogue?.commands.find((candidate) => candidate.name === this.request.command);
    const choose = (option: CatalogueOption) => {
      const list = option.choices?.map((choice) => ({ value: String(choice.value), label: choice.name })) ??
        (option.name === 'actor' ? this.catalogue?.actors.map((actor) => ({ value: actor.id, label: actor.name })) : undefined) ??
        (option.name === 'topic' ? this.catalogue?.topics.map((topic) => ({ value: topic.id, label: topic.name })) : undefined) ??
        (option.name === 'edition' ? this.catalogue?.editions.map((edition) => ({ value: edition, label: edition })) : undefined);
      const set = (chosen: string) => this.setRequest({ options: { ...this.request.options, [option.name]: chosen } });
      return html`<label title=${option.description}>${option.name}
        ${list
          ? html`<select name=${option.name} @change=${(event: Event) => set(value(event))}>
              ${option.required ? nothing : html`<option value="">—</option>`}
              ${list.map((entry) => html`<option value=${entry.value} ?selected=${this.request.options[option.name] === entry.value}>${entry.label}</option>`)}
            </select>`
          : html`<input name=${option.name} .value=${this.request.options[option.name] ?? ''} @change=${(event: Event) => set(value(event))} />`}
      </label>`;
    };
    const size = this.preview?.size;
    return html`<div class="preview-controls">
        <select id="command" @change=${(event: Event) => this.setRequest({ command: value(event) })}>
          ${this.catalogue?.commands.map((candidate) => html`<option value=${candidate.name} ?selected=${candidate.name === this.request.command}>/${candidate.name}</option>`)}
        </select>
        ${command?.options.map(choose)}
        <select id="locale" @change=${(event: Event) => this.setRequest({ locale: value(event) })}>
          ${(this.catalogue?.locales ?? ['en']).map((locale) => html`<option value=${locale} ?selected=${locale === this.request.locale}>${{ en: 'English', de: 'Deutsch', fr: 'Français' }[locale] ?? locale}</option>`)}
        </select>
        <span class="widths">
          <button id="width-phone" class=${this.width === 'phone' ? 'active' : ''} @click=${() => (this.width = 'phone')}>Phone</button>
          <button id="width-desktop" class=${this.width === 'desktop' ? 'active' : ''} @click=${() => (this.width = 'desktop')}>Desktop</button>
        </span>
      </div>
      ${this.previewError ? html`<p class="error">${this.previewError}</p>` : nothing}
      ${this.preview && size
        ? html`<p class="size" id="size">
              ${size.content.length > 0 ? html`text ${size.content.length.toLocaleString('en')} / ${size.content.limit.toLocaleString('en')} · ` : nothing}
              embeds ${size.embeds.total.toLocaleString('en')} / ${size.embeds.limit.toLocaleString('en')} characters
              ${size.embeds.lengths.length > 1 ? html`(${size.embeds.lengths.map((length) => length.toLocaleString('en')).join(' + ')})` : nothing}
              ${this.preview.problems.length > 0 ? html`<span class="error">${this.preview.problems.join('; ')}</span>` : html`<span class="ok">within Discord's limits</span>`}
            </p>
            <div class="discord ${this.width}" id="preview">${renderMessage(this.preview.message, (customId) => void this.refreshPreview(customId))}</div>`
        : nothing}`;
  }

  private renderDryRun() {
    const run = this.dryRun;
    if (!run) return html`<p>Working out what a publish would do…</p>`;
    return html`<div class="dry-run" id="dry-run">
      <p>Against ${run.base === null ? 'no release yet (this would be the first)' : `release #${run.base} (current)`}:</p>
      <ul>${run.changes.length > 0 ? run.changes.map((line) => html`<li>${line}</li>`) : html`<li>no change</li>`}</ul>
      ${run.refusals.length > 0 ? html`<p class="error">Not publishable yet:</p><ul class="error">${run.refusals.map((refusal) => html`<li>${refusal}</li>`)}</ul>` : html`<p class="ok">Nothing stands in the way.</p>`}
      <h4>Posts in channels that announce new editions (${run.posts.length})</h4>
      ${run.posts.map((post) => html`<p>Recap #${post.recap} in channel ${post.channelId} (${post.language})</p><div class="discord ${this.width}">${renderMessage(post.message)}</div>`)}
      <h4>Posted recaps that would be edited (${run.edits.length})</h4>
      ${run.edits.map((edit) => html`<p>Message ${edit.messageId} in channel ${edit.channelId} gains:</p><ul>${edit.adds.map((line) => html`<li>${line}</li>`)}</ul>`)}
    </div>`;
  }

  private renderReview() {
    const me = this.me!;
    return html`<div class="review">
      <section>
        <h2>${me.signIn ? 'Propose a release' : 'Publish'}</h2>
        <form
          id="propose"
          @submit=${(event: Event) => {
            event.preventDefault();
            void this.propose(event.target as HTMLFormElement);
          }}
        >
          <label>What it brings <input name="message" id="message" required placeholder="Edition of 10 June" /></label>
          <label>Publish at (optional) <input type="datetime-local" name="at" /></label>
          <label class="inline"><input type="checkbox" name="allowPartial" /> allow a half-written edition</label>
          <button ?disabled=${!me.editor}>${me.signIn ? 'Propose' : 'Publish'}</button>
        </form>
        <p class="hint">${me.signIn ? 'A reviewer other than you approves it; approving publishes exactly what you proposed.' : 'On this computer you are the only editor: publishing goes out at once (or at the time given).'}</p>
      </section>
      <section>
        <h2>Proposals</h2>
        <ul class="proposals" id="proposals">
          ${this.proposals.map(
            (proposal) => html`<li data-proposal=${proposal.id} class=${proposal.status}>
              <strong>#${proposal.id}</strong> “${proposal.message}” by ${proposal.authorName}, ${time(proposal.createdAt)} on release #${proposal.baseId ?? '—'}
              ${proposal.scheduledFor ? html` to publish at ${time(proposal.scheduledFor)}` : nothing}: <em class="status">${proposal.status}</em>
              ${proposal.reviewerName ? html` by ${proposal.reviewerName}${proposal.comment ? html`: “${proposal.comment}”` : nothing}${proposal.releaseId ? html` → release #${proposal.releaseId}` : nothing}` : nothing}
              ${proposal.status === 'proposed'
                ? html`<div class="actions">
                    ${me.reviewer && (proposal.authorId !== me.id || !me.signIn) ? html`<button class="approve" @click=${() => this.review(proposal.id, 'approve')}>Approve and publish</button>` : nothing}
                    ${me.reviewer && proposal.authorId !== me.id
                      ? html`<button class="send-back" @click=${() => {
                          const comment = prompt('What needs changing?');
                          if (comment) void this.review(proposal.id, 'send-back', comment);
                        }}>Send back…</button>`
                      : nothing}
                    ${proposal.authorId === me.id ? html`<button @click=${() => this.review(proposal.id, 'withdraw')}>Withdraw</button>` : nothing}
                  </div>`
                : nothing}
            </li>`,
          )}
        </ul>
      </section>
      <section>
        <h2>Release history</h2>
        <table class="releases" id="releases">
          <tr><th>#</th><th>State</th><th>When</th><th>Proposed by</th><th>Approved by</th><th>Why</th><th>What changed</th><th></th></tr>
          ${this.releases.map(
            (release) => html`<tr data-release=${release.id}>
              <td>${release.id}</td>
              <td>${release.state}${release.kind === 'rollback' ? ` (rollback to #${release.rollbackOf})` : ''}</td>
              <td>${time(release.publishedAt ?? release.scheduledFor ?? release.createdAt)}</td>
              <td>${release.createdBy}</td>
              <td>${release.approvedBy ?? '—'}</td>
              <td>${release.message}</td>
              <td>${release.changeLines.map((line) => html`<div>${line}</div>`)}</td>
              <td>${me.reviewer && release.state === 'published' ? html`<button @click=${() => this.rollback(release.id)}>Roll back to this</button>` : nothing}</td>
            </tr>`,
          )}
        </table>
      </section>
    </div>`;
  }

  private renderInbox() {
    const correctable = (item: string) => /^(position|quote|event):/.test(item);
    return html`<div class="inbox" id="inbox">
      ${this.reports.length === 0 ? html`<p>No open reports.</p>` : nothing}
      ${this.reports.map((report) => {
        const first = report.items.find(correctable);
        return html`<article data-report=${report.id}>
          <h3>#${report.id} from ${report.userName}, ${time(report.createdAt)}</h3>
          <blockquote>${report.what}</blockquote>
          ${report.sourceUrl ? html`<p>Source given: <a href=${report.sourceUrl} target="_blank" rel="noreferrer">${report.sourceUrl}</a></p>` : nothing}
          <p>They saw <code>${report.reply}</code>${report.editionId ? html`, edition of ${report.editionId}` : nothing}${report.releaseId ? html`, release #${report.releaseId}` : nothing}; items: ${report.items.join(', ') || 'none'}</p>
          ${report.seen ? html`<details><summary>The reply they saw</summary><div class="discord phone">${renderMessage(report.seen.message)}</div></details>` : nothing}
          <div class="actions">
            <button class="draft" ?disabled=${!first} @click=${() => first && this.startCorrection(first.split(':')[0]!, first.split(':')[1]!, report.what, report.id)}>Draft a correction${first ? ` of ${first}` : ''}</button>
            <button class="dismiss" @click=${() => {
              const reason = prompt('Why is it dismissed?');
              if (reason) void this.dismiss(report.id, reason);
            }}>Dismiss…</button>
          </div>
        </article>`;
      })}
    </div>`;
  }

  private renderCorrection() {
    const correcting = this.correcting!;
    const set = (change: Partial<Correcting>) => (this.correcting = { ...correcting, ...change });
    return html`<div class="dialog" id="correction">
      <h2>Correct an item${correcting.report !== undefined ? ` (report #${correcting.report})` : ''}</h2>
      <div class="row">
        <select @change=${(event: Event) => set({ kind: value(event) })}>
          ${['position', 'quote', 'event'].map((kind) => html`<option ?selected=${kind === correcting.kind}>${kind}</option>`)}
        </select>
        <input placeholder="id" list="correctable" .value=${correcting.id} @change=${(event: Event) => set({ id: value(event) })} />
        <datalist id="correctable">
          ${this.catalogue?.items.filter((item) => item.kind === correcting.kind).map((item) => html`<option value=${item.id}>${item.label}</option>`)}
        </datalist>
        <button @click=${() => this.startCorrection(correcting.kind, correcting.id, correcting.wrong, correcting.report)}>Load</button>
      </div>
      <label>The item, fixed in place<textarea id="fixed" rows="12" .value=${correcting.fixed} @input=${(event: Event) => set({ fixed: value(event) })}></textarea></label>
      <label>What was wrong<input id="wrong" .value=${correcting.wrong} @input=${(event: Event) => set({ wrong: value(event) })} /></label>
      <label>What is right<input id="right" .value=${correcting.right} @input=${(event: Event) => set({ right: value(event) })} /></label>
      <div class="row">
        <button id="write-correction" ?disabled=${!correcting.fixed} @click=${() => this.submitCorrection()}>Write the correction and the fix</button>
        <button @click=${() => (this.correcting = undefined)}>Cancel</button>
      </div>
      <p class="hint">Recorded in the newest draft edition's corrections.yaml; readers see it with the next release.</p>
    </div>`;
  }
}

customElements.define('studio-app', StudioApp);
