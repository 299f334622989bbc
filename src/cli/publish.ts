// npm run publish [-- --message TEXT] [--by NAME] [--content DIR] [--at TIME] [--allow-partial] [--dry-run]
// npm run publish -- --rollback <release> [--message TEXT] [--by NAME] [--dry-run]
// npm run publish -- --cancel <release>
// The only way news reaches readers: checks the drafts and, if they are valid, writes a release and makes it
// current (or schedules it); every running bot switches to it within a second. Exit 0 published, scheduled or
// (dry run) publishable; 1 refused; 2 bad usage.
import { userInfo } from 'node:os';
import { summarize } from '../../commands/brief.js';
import { formatContentError } from '../briefing/content-error.js';
import { openStorage, type RecapStorage } from '../recaps/storage.js';
import { describeChanges, summarizeChanges } from '../releases/change-set.js';
import { dryRun } from '../releases/dry-run.js';
import { commit, planPublish, planRollback, type ReleasePlan } from '../releases/publish.js';
import { formatRelease } from '../releases/listing.js';
import { replyAsText } from '../render/plain-text.js';
import { readArguments, toolConfig, usageError } from './arguments.js';

const USAGE = `usage: npm run publish [-- --message TEXT] [--by NAME] [--content DIR] [--at TIME] [--allow-partial] [--dry-run]
       npm run publish -- --rollback RELEASE [--message TEXT] [--by NAME] [--dry-run]
       npm run publish -- --cancel RELEASE

Checks the drafts (the content folder) with the content checker and, only if they are valid, publishes them
as a release: every running bot serves it within a second, and channels are told as their recaps say.

  --message TEXT   why, for the release history (default: what it changes)
  --by NAME        who publishes it (default: your user name, ${safeUserName()})
  --content DIR    the drafts (default: content, or $CONTENT_DIR)
  --at TIME        publish at TIME instead of now, ISO 8601 with its offset (2025-12-17T06:00:00+01:00);
                   a running bot publishes it then, once
  --allow-partial  publish an edition with no positions, quotes or events, or no \`since\`, all the same
  --dry-run        publish nothing: print what would change, every problem, each post the channels that
                   announce new editions would get, and each posted recap a correction would edit
  --rollback N     make release N (see npm run releases) current again, as a new release; channels told
                   of an edition it withdraws get their announcement edited to say so
  --cancel N       cancel scheduled release N

Releases are stored where recaps are: DATABASE_URL (PostgreSQL) when set, else DATABASE_PATH
(default data/bot.sqlite).`;

/** How an explicit time must be written: with its offset, so nobody publishes at the wrong hour. */
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

async function main(): Promise<void> {
  const { values } = readArguments(USAGE, {
    message: { type: 'string' },
    by: { type: 'string' },
    content: { type: 'string' },
    at: { type: 'string' },
    'allow-partial': { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    rollback: { type: 'string' },
    cancel: { type: 'string' },
    'if-none': { type: 'boolean', default: false },
  });
  const config = toolConfig();
  const releaseNumber = (option: 'rollback' | 'cancel') => {
    const text = values[option];
    if (text === undefined) return undefined;
    const id = Number(text.replace(/^#/, ''));
    if (!Number.isInteger(id) || id < 1) usageError(USAGE, `--${option} takes a release number, like 3 (npm run releases lists them)`);
    return id;
  };
  const rollback = releaseNumber('rollback');
  const cancel = releaseNumber('cancel');
  if ([rollback, cancel, values.at].filter((value) => value !== undefined).length > 1) usageError(USAGE, '--rollback, --cancel and --at go one at a time');
  let at: Date | undefined;
  if (values.at !== undefined) {
    at = new Date(values.at);
    if (!WITH_OFFSET.test(values.at) || Number.isNaN(at.getTime())) usageError(USAGE, `--at takes a time in ISO 8601 with its offset, like 2025-12-17T06:00:00+01:00 (got "${values.at}")`);
  }

  const storage = await openStorage(config);
  try {
    if (cancel !== undefined) return await cancelRelease(storage, cancel);
    // npm start on a fresh database publishes the content folder once; a bot that finds a release serves it.
    if (values['if-none'] && (await storage.releases.current())) return;
    const plan =
      rollback !== undefined
        ? await planRollback(storage.releases, rollback)
        : await planPublish(storage.releases, { contentDir: values.content ?? config.CONTENT_DIR, allowPartial: values['allow-partial'], ...(at ? { at } : {}) });
    // Replicas starting together: another one may have published the first release meanwhile.
    if (values['if-none'] && plan.refusals.length > 0 && (await storage.releases.current())) return;
    printPlan(plan);
    if (values['dry-run']) return await printDryRun(plan, storage, config.STALE_AFTER_DAYS);
    if (plan.refusals.length > 0) return refuse(plan);
    const message = values.message ?? defaultMessage(plan);
    const committed = await commit(storage.releases, plan, values.by ?? safeUserName(), message);
    if (committed.status === 'base-moved') {
      // Two first starts at once: the other one published the first release, which is what was asked for.
      if (values['if-none']) return;
      process.stderr.write(`Not published: another release was published while this one was being made. Nothing changed; run npm run publish again.\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`\n${committed.status === 'published' ? 'Published' : 'Scheduled'}: ${formatRelease(committed.release, committed.status === 'published' ? committed.release.id : undefined)}\n`);
    process.stdout.write(committed.status === 'published' ? 'Running bots serve it within a second.\n' : `A running bot publishes it at ${committed.release.scheduledFor}; cancel with npm run publish -- --cancel ${committed.release.id}.\n`);
  } finally {
    await storage.close();
  }
}

function printPlan(plan: ReleasePlan): void {
  for (const finding of plan.findings) process.stdout.write(`${finding.severity}: ${formatContentError(finding)}\n`);
  if (!plan.changes) return;
  const against = plan.base ? `release #${plan.base.id} (current)` : 'no release (this would be the first)';
  const what = plan.kind === 'rollback' ? `Rollback to release #${plan.rollbackOf}` : 'The drafts';
  const lines = describeChanges(plan.changes);
  process.stdout.write(`\n${what} against ${against}:\n${lines.length > 0 ? lines.map((line) => `  ${line}`).join('\n') : '  no change'}\n`);
}

function refuse(plan: ReleasePlan): void {
  process.stderr.write(`\nNot published:\n${plan.refusals.map((refusal) => `  - ${refusal}`).join('\n')}\n`);
  process.exitCode = 1;
}

async function printDryRun(plan: ReleasePlan, storage: RecapStorage, staleAfterDays: number): Promise<void> {
  process.stdout.write('\nDry run: nothing is published.\n');
  if (plan.content) {
    const at = plan.scheduledFor ?? new Date();
    const { posts, edits } = await dryRun(plan.content, storage, summarize, at, staleAfterDays);
    process.stdout.write(`\nPosts in channels that announce new editions (${posts.length}):\n`);
    for (const { subscription, reply } of posts) {
      process.stdout.write(`\n── recap #${subscription.id} in channel ${subscription.channelId} (${subscription.schedule}, ${subscription.language}) ──\n${replyAsText(reply)}\n`);
    }
    process.stdout.write(`\nPosted recaps that would be edited (${edits.length}):\n`);
    for (const edit of edits) {
      process.stdout.write(`\n── message ${edit.messageId} in channel ${edit.channelId} ──\nadds:\n${edit.adds.map((line) => `  ${line}`).join('\n')}\nthen reads:\n${edit.content}\n`);
    }
  }
  if (plan.refusals.length > 0) return refuse(plan);
  process.stdout.write(`\nNothing stands in the way: npm run publish${plan.kind === 'rollback' ? ` -- --rollback ${plan.rollbackOf}` : ''} would ${plan.scheduledFor ? 'schedule' : 'publish'} it.\n`);
}

async function cancelRelease(storage: RecapStorage, id: number): Promise<void> {
  if (await storage.releases.cancel(id, `cancelled by ${safeUserName()}`)) {
    process.stdout.write(`Cancelled scheduled release #${id}.\n`);
    return;
  }
  process.stderr.write(`Release #${id} is not a scheduled release waiting to go out (npm run releases lists them).\n`);
  process.exitCode = 1;
}

function defaultMessage(plan: ReleasePlan): string {
  if (plan.kind === 'rollback') return `Roll back to release #${plan.rollbackOf}`;
  return plan.base ? summarizeChanges(plan.changes!) : 'First release';
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

await main();
